#pragma once
/// @file
/// Settings of a caspio::Client: endpoint, timeouts, user agent, retries, transport.

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "caspio/api_version.hpp"
#include "caspio/attempt_event.hpp"
#include "caspio/clock.hpp"
#include "caspio/export.hpp"
#include "caspio/http_transport.hpp"
#include "caspio/version.hpp"

namespace caspio {

/// How failed requests are repeated. Retried: 408, 429, 5xx, Caspio's 400 throttle
/// (`api-calls-rate`) and connection failures, for idempotent methods (GET, PUT, DELETE) only,
/// unless `retry_non_idempotent` is set. The delay is full-jitter exponential backoff, or the
/// server's `Retry-After` when it sends one (capped by `max_backoff`).
struct CASPIO_EXPORT RetryOptions {
  int max_attempts = 4;                            ///< Total tries per request (1 = no retry).
  std::chrono::milliseconds initial_backoff{250};  ///< Upper bound of the first delay.
  std::chrono::milliseconds max_backoff{30'000};   ///< Upper bound of any delay.
  double multiplier = 2.0;                         ///< Growth of the bound per retry.
  bool retry_non_idempotent = false;               ///< Also retry POST (may duplicate rows).

  /// Sleeps between attempts; empty uses ClientOptions::clock. Tests inject a recorder.
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// Everything configurable about a client. All fields have working defaults.
struct CASPIO_EXPORT ClientOptions {
  /// REST API version the facades speak (paths, bodies, answers). It must agree with base_url:
  /// a base_url ending in `/rest/v2` with v3 (or `/rest/v3` with v2) is refused.
  ApiVersion api_version = ApiVersion::v2;
  /// Resource base URL, e.g. `https://c1abc123.caspio.com/rest/v2` or the emulator's
  /// `http://127.0.0.1:PORT/rest/v2`. Empty: `https://{account_id}.caspio.com/rest/v2`, or for a
  /// client made from credentials, the token URL's scheme and host followed by `/rest/v2`
  /// (with api_version v3: `/integrations/rest/v3` in place of `/rest/v2`).
  std::string base_url;
  /// Connect timeout of the default transport.
  std::chrono::milliseconds connect_timeout{10'000};
  /// Stalled-transfer limit per attempt (less than one byte per second for this long fails the
  /// attempt); slow transfers that keep moving are not cut. 0 = none.
  std::chrono::milliseconds stall_timeout{30'000};
  /// Whole-exchange cap per attempt of the default transport; 0 (the default) = none.
  std::chrono::milliseconds request_timeout{0};
  /// Overall deadline of one call, retries and backoff included; 0 (the default) = none. No
  /// attempt starts after it, and a running attempt is cut at it (TimeoutError).
  std::chrono::milliseconds call_timeout{0};
  /// Largest answer body the default transport holds in memory (see TransportOptions).
  std::size_t max_response_bytes = std::size_t{512} << 20;
  /// Whether the default transport asks for compressed answers: by default from every host but
  /// a loopback one (see Compression).
  Compression compression = Compression::automatic;
  std::string ca_info;  ///< CA bundle file of the default transport; "" = system default.
  std::string ca_path;  ///< CA directory of the default transport; "" = system default.
  std::string proxy;    ///< Proxy URL of the default transport; "" = none (see below).
  /// Honour the proxy environment variables (`https_proxy`, `no_proxy`…) when `proxy` is "";
  /// off by default, so that a proxy is never used without being asked for.
  bool use_environment_proxy = false;
  std::string user_agent = default_user_agent;  ///< `User-Agent` sent on every request.
  RetryOptions retry;                           ///< Retry settings.
  /// Transport to use; null makes the default libcurl transport from the timeouts above.
  std::shared_ptr<HttpTransport> transport;
  /// Time source for token expiry and retry delays; null uses caspio::system_clock().
  std::shared_ptr<const Clock> clock;
  /// Called once per attempt of every request (token requests included); empty: not called.
  AttemptObserver observer;
};

}  // namespace caspio
