#include "pipeline/retry.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "answer/errors.hpp"
#include "caspio/clock.hpp"
#include "caspio/error.hpp"

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

void pause(const ClientOptions& options, std::chrono::milliseconds delay) {
  if (options.retry.sleep) {
    options.retry.sleep(delay);
  } else if (delay.count() > 0) {
    (options.clock ? *options.clock : *system_clock()).sleep_for(delay);
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

// Reports one attempt to the observer, if any.
class AttemptReport {
 public:
  AttemptReport(const ClientOptions& options, const HttpRequest& request, int attempt)
      : options_(options), request_(request), attempt_(attempt), start_(clock().now()) {}

  void answered(const HttpResponse& response, bool will_retry) const {
    if (!options_.observer) return;
    AttemptEvent event = base(will_retry);
    event.http_status = response.status;
    event.request_id = response.header("X-Caspio-Request-ID");
    options_.observer(event);
  }
  void failed(const Error& error, bool will_retry) const {
    if (!options_.observer) return;
    AttemptEvent event = base(will_retry);
    event.error = error.info().message;
    options_.observer(event);
  }

 private:
  const Clock& clock() const { return options_.clock ? *options_.clock : *system_clock(); }
  AttemptEvent base(bool will_retry) const {
    AttemptEvent event;
    event.method = to_string(request_.method);
    event.url = request_.url;
    event.attempt = attempt_;
    event.will_retry = will_retry;
    event.duration = std::chrono::duration_cast<std::chrono::microseconds>(clock().now() - start_);
    return event;
  }

  const ClientOptions& options_;
  const HttpRequest& request_;
  int attempt_;
  Clock::time_point start_;
};

}  // namespace

Outcome send_with_retry(HttpTransport& transport, const HttpRequest& request,
                        const ClientOptions& options, bool retry_post) {
  const RetryOptions& retry = options.retry;
  const int max_attempts = std::max(1, retry.max_attempts);
  const bool may_retry = is_idempotent(request.method) || retry.retry_non_idempotent || retry_post;
  for (int attempt = 1;; ++attempt) {
    const bool last = attempt >= max_attempts || !may_retry;
    const AttemptReport report(options, request, attempt);
    try {
      HttpResponse response = transport.send(request);
      const bool again = !last && is_retryable_answer(response);
      report.answered(response, again);
      if (!again) return Outcome{std::move(response), attempt};
      std::chrono::milliseconds delay = jitter_delay(retry, attempt - 1);
      if (const auto after = parse_retry_after(response.header("Retry-After"))) {
        delay = std::min<std::chrono::milliseconds>(*after, retry.max_backoff);
      }
      pause(options, delay);
    } catch (const TimeoutError& e) {
      report.failed(e, !last);
      if (last) rethrow_as(e, request, attempt);
      pause(options, jitter_delay(retry, attempt - 1));
    } catch (const TransportError& e) {
      report.failed(e, !last);
      if (last) rethrow_as(e, request, attempt);
      pause(options, jitter_delay(retry, attempt - 1));
    }
  }
}

}  // namespace detail
}  // namespace caspio
