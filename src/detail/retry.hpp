#pragma once
// The retry stage of the request pipeline (between auth and transport).

#include <chrono>

#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// An answer and how many sends it took.
struct Outcome {
  HttpResponse response;
  int attempts = 0;
};

/// GET, PUT and DELETE.
bool is_idempotent(HttpMethod method) noexcept;

/// 408, 429, 5xx and Caspio's 400 throttle.
bool is_retryable_answer(const HttpResponse& response) noexcept;

/// Full-jitter exponential delay for retry number `retry` (0 = first retry):
/// uniform in [0, min(max_backoff, initial_backoff * multiplier^retry)].
std::chrono::milliseconds jitter_delay(const RetryOptions& options, int retry);

/// Sends `request`, repeating it on retryable answers and connection failures as `options` say.
/// Returns the last answer (possibly an error status). A transport exception that is not retried
/// (or the last one) is rethrown with method, URL and attempts filled in.
Outcome send_with_retry(HttpTransport& transport, const HttpRequest& request,
                        const RetryOptions& options);

}  // namespace detail
}  // namespace caspio
