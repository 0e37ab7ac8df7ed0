#pragma once
/// @file
/// caspio::AttemptEvent, what the observer hook of caspio::ClientOptions is told per attempt.

#include <chrono>
#include <functional>
#include <string>

#include "caspio/export.hpp"

namespace caspio {

/// One attempt of one HTTP request, as it ended. Carries no credential: no header is reported,
/// and token requests are reported without their form body.
struct CASPIO_EXPORT AttemptEvent {
  std::string method;                     ///< "GET", "POST", "PUT" or "DELETE".
  std::string url;                        ///< The URL sent (paths and query only, no secrets).
  int http_status = 0;                    ///< Status of the answer; 0 when none arrived.
  std::chrono::microseconds duration{0};  ///< Time from sending to the answer or the failure.
  int attempt = 1;                        ///< 1 for the first try, 2 for the first retry, …
  std::string request_id;                 ///< `X-Caspio-Request-ID` of the answer, or "".
  std::string error;                      ///< Why no answer arrived (transport failure), or "".
  bool will_retry = false;                ///< True when the SDK sends this request again.
};

/// Called once per attempt, on the thread that made it. Must not throw; keep it quick.
using AttemptObserver = std::function<void(const AttemptEvent&)>;

}  // namespace caspio
