#include "pipeline/retry.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>

#include "answer/errors.hpp"
#include "answer/redact.hpp"
#include "caspio/clock.hpp"
#include "caspio/error.hpp"

namespace caspio {
namespace detail {

bool is_idempotent(HttpMethod method) noexcept {
  return method != HttpMethod::post;
}

bool is_deterministic_code(const std::string& code) {
  static const char* const kCodes[] = {
      "SqlServerError",          "InvalidInputValue", "IncorrectBodyParameter",
      "IncorrectQueryParameter", "FieldNotFound",     "ObjectNotFound",
      "UnsufficientPrivileges",  "ProfileDisabled",   "FileNotFound"};
  for (const char* known : kCodes) {
    if (code == known) return true;
  }
  return false;
}

bool is_retryable_answer(const HttpResponse& response) {
  const int s = response.status;
  if (s == 408 || s == 429 || (s >= 502 && s <= 504)) return true;
  if (s == 500) return !is_deterministic_code(parse_error_body(response.body).code);
  return is_throttle_400(s, response.body);
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

// Waits `delay` (the recorder of RetryOptions::sleep, else the clock), in slices when the call
// can be cancelled so that a cancellation ends the wait promptly.
void wait_before_retry(const ClientOptions& options, std::chrono::milliseconds delay,
                       const HttpRequest& request) {
  const Clock& clock = options.clock ? *options.clock : *system_clock();
  constexpr std::chrono::milliseconds kSlice{50};
  if (options.retry.sleep) {
    options.retry.sleep(delay);
  } else if (!request.cancelled) {
    clock.sleep_for(delay);  // a zero delay too (the system clock skips it; a test clock counts it)
  } else {
    for (auto left = delay; left.count() > 0; left -= kSlice) {
      if (request.cancelled()) throw_cancelled();
      clock.sleep_for(std::min(left, kSlice));
    }
  }
  if (request.cancelled && request.cancelled()) throw_cancelled();
}

namespace {

template <typename E>
[[noreturn]] void rethrow_as(const E& error, const HttpRequest& request, int attempts,
                             const Secrets& secrets) {
  ErrorInfo info = error.info();
  info.message = redact_all(std::move(info.message), secrets);
  info.code = redact_all(std::move(info.code), secrets);
  info.request_id = redact_all(std::move(info.request_id), secrets);
  info.method = to_string(request.method);
  info.url = request.url;
  info.attempts = attempts;
  throw E(std::move(info));
}

// Reports one attempt to the observer, if any.
class AttemptReport {
 public:
  AttemptReport(const ClientOptions& options, const HttpRequest& request, int attempt,
                const Secrets& secrets)
      : options_(options),
        request_(request),
        attempt_(attempt),
        secrets_(secrets),
        start_(clock().now()) {}

  void answered(const HttpResponse& response, bool will_retry) const {
    if (!options_.observer) return;
    AttemptEvent event = base(will_retry);
    event.http_status = response.status;
    // A server may echo a credential in any header: never pass one on to a log.
    event.request_id = redact_all(response.header("X-Caspio-Request-ID"), secrets_);
    options_.observer(event);
  }
  void failed(const Error& error, bool will_retry) const {
    if (!options_.observer) return;
    AttemptEvent event = base(will_retry);
    event.error = redact_all(error.info().message, secrets_);
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
  const Secrets& secrets_;
  Clock::time_point start_;
};

}  // namespace

namespace {

// The call's deadline (ClientOptions::call_timeout): what remains of it, and whether a retry
// after `delay` still fits.
class Deadline {
 public:
  explicit Deadline(const ClientOptions& options)
      : clock_(options.clock ? *options.clock : *system_clock()),
        set_(options.call_timeout.count() > 0),
        at_(clock_.now() + options.call_timeout) {}
  bool set() const noexcept { return set_; }
  bool allows(std::chrono::milliseconds delay) const { return !set_ || clock_.now() + delay < at_; }
  std::chrono::milliseconds remaining() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at_ - clock_.now());
    return std::max(left, std::chrono::milliseconds(1));
  }

 private:
  const Clock& clock_;
  bool set_;
  Clock::time_point at_;
};

std::chrono::milliseconds retry_delay(const RetryOptions& retry, int attempt,
                                      const HttpResponse* response) {
  std::chrono::milliseconds delay = jitter_delay(retry, attempt - 1);
  if (response != nullptr) {
    if (const auto after = parse_retry_after(response->header("Retry-After"))) {
      delay = std::min<std::chrono::milliseconds>(*after, retry.max_backoff);
    }
  }
  return delay;
}

}  // namespace

Outcome send_with_retry(HttpTransport& transport, const HttpRequest& request,
                        const ClientOptions& options, bool retry_post,
                        const std::vector<std::string>& secrets) {
  const RetryOptions& retry = options.retry;
  const int max_attempts = std::max(1, retry.max_attempts);
  const bool may_retry = is_idempotent(request.method) || retry.retry_non_idempotent || retry_post;
  const Deadline deadline(options);
  std::optional<HttpRequest> timed;  // a copy carrying the rest of the deadline, when there is one
  if (deadline.set()) timed = request;
  for (int attempt = 1;; ++attempt) {
    const bool last = attempt >= max_attempts || !may_retry;
    if (request.cancelled && request.cancelled()) throw_cancelled();
    if (timed) timed->timeout = deadline.remaining();
    const AttemptReport report(options, request, attempt, secrets);
    try {
      HttpResponse response = transport.send(timed ? *timed : request);
      const auto delay = retry_delay(retry, attempt, &response);
      const bool again = !last && is_retryable_answer(response) && deadline.allows(delay);
      report.answered(response, again);
      if (!again) return Outcome{std::move(response), attempt, secrets};
      wait_before_retry(options, delay, request);
    } catch (const TransportError& e) {  // TimeoutError included
      const auto delay = retry_delay(retry, attempt, nullptr);
      const bool again = !last && deadline.allows(delay);
      report.failed(e, again);
      if (!again) {
        if (dynamic_cast<const TimeoutError*>(&e) != nullptr) {
          rethrow_as(static_cast<const TimeoutError&>(e), request, attempt, secrets);
        }
        rethrow_as(e, request, attempt, secrets);
      }
      wait_before_retry(options, delay, request);
    } catch (const ApiError& e) {  // e.g. ResponseTooLarge: not worth repeating
      report.failed(e, false);
      rethrow_as(e, request, attempt, secrets);
    }
  }
}

}  // namespace detail
}  // namespace caspio
