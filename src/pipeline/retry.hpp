#pragma once
// The retry stage of the request pipeline (between auth and transport). Every attempt is timed
// and reported to the observer hook.

#include <chrono>
#include <string>
#include <vector>

#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"
#include "pipeline/outcome.hpp"

namespace caspio {
namespace detail {

/// GET, PUT and DELETE.
bool is_idempotent(HttpMethod method) noexcept;

/// Caspio error codes that a repeat of the same request cannot change (a bad select field, a
/// type mismatch, a missing object…), even when Caspio sends them with status 500.
bool is_deterministic_code(const std::string& code);

/// Answers worth repeating: 408, 429, 502, 503, 504, Caspio's 400 throttle (`api-calls-rate`),
/// and 500 unless its Code is deterministic.
bool is_retryable_answer(const HttpResponse& response);

/// Full-jitter exponential delay for retry number `retry` (0 = first retry):
/// uniform in [0, min(max_backoff, initial_backoff * multiplier^retry)].
std::chrono::milliseconds jitter_delay(const RetryOptions& options, int retry);

/// Waits `delay` before a retry: RetryOptions::sleep when set, else `options.clock`, in slices
/// when `request` can be cancelled. @throws CancelledError when it is cancelled meanwhile.
void wait_before_retry(const ClientOptions& options, std::chrono::milliseconds delay,
                       const HttpRequest& request);

/// Sends `request`, repeating it on retryable answers and connection failures as
/// `options.retry` says (POST too when `retry_post`), waiting with `options.clock` (or
/// `options.retry.sleep`) and reporting each attempt to `options.observer`. Returns the last
/// answer (possibly an error status). A transport exception that is not retried (or the last
/// one) is rethrown with method, URL and attempts filled in. `secrets` (the credentials of the
/// request) are redacted from every observer event and error, and returned in the Outcome.
Outcome send_with_retry(HttpTransport& transport, const HttpRequest& request,
                        const ClientOptions& options, bool retry_post = false,
                        const std::vector<std::string>& secrets = {});

}  // namespace detail
}  // namespace caspio
