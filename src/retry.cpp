#include "detail/retry.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

#include "caspio/error.hpp"
#include "detail/errors.hpp"

namespace caspio {
namespace detail {

bool is_idempotent(HttpMethod method) noexcept {
  return method != HttpMethod::post;
}

bool is_retryable_answer(const HttpResponse& response) noexcept {
  const int s = response.status;
  return s == 408 || s == 429 || (s >= 500 && s <= 599) || is_throttle_400(s, response.body);
}

std::chrono::milliseconds jitter_delay(const RetryOptions& options, int retry) {
  const double base =
      static_cast<double>(std::max<std::int64_t>(0, options.initial_backoff.count()));
  const double cap = static_cast<double>(std::max<std::int64_t>(0, options.max_backoff.count()));
  const double bound = std::min(cap, base * std::pow(std::max(1.0, options.multiplier), retry));
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_real_distribution<double> dist(0.0, bound);
  return std::chrono::milliseconds(static_cast<std::int64_t>(dist(engine)));
}

namespace {

void pause(const RetryOptions& options, std::chrono::milliseconds delay) {
  if (options.sleep) {
    options.sleep(delay);
  } else if (delay.count() > 0) {
    std::this_thread::sleep_for(delay);
  }
}

template <typename E>
[[noreturn]] void rethrow_as(const E& error, const HttpRequest& request, int attempts) {
  ErrorInfo info = error.info();
  info.method = to_string(request.method);
  info.url = request.url;
  info.attempts = attempts;
  throw E(std::move(info));
}

}  // namespace

Outcome send_with_retry(HttpTransport& transport, const HttpRequest& request,
                        const RetryOptions& options) {
  const int max_attempts = std::max(1, options.max_attempts);
  const bool may_retry = is_idempotent(request.method) || options.retry_non_idempotent;
  for (int attempt = 1;; ++attempt) {
    const bool last = attempt >= max_attempts || !may_retry;
    try {
      HttpResponse response = transport.send(request);
      if (last || !is_retryable_answer(response)) return Outcome{std::move(response), attempt};
      std::chrono::milliseconds delay = jitter_delay(options, attempt - 1);
      if (const auto after = parse_retry_after(response.header("Retry-After"))) {
        delay = std::min<std::chrono::milliseconds>(*after, options.max_backoff);
      }
      pause(options, delay);
    } catch (const TimeoutError& e) {
      if (last) rethrow_as(e, request, attempt);
      pause(options, jitter_delay(options, attempt - 1));
    } catch (const TransportError& e) {
      if (last) rethrow_as(e, request, attempt);
      pause(options, jitter_delay(options, attempt - 1));
    }
  }
}

}  // namespace detail
}  // namespace caspio
