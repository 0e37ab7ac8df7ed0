#pragma once
/// @file
/// caspio::Clock, the time source of the request pipeline (token expiry, retry delays).

#include <chrono>
#include <memory>

#include "caspio/export.hpp"

namespace caspio {

/// Where the SDK reads the time and how it waits. The default is the steady clock and a real
/// sleep; tests inject their own (e.g. caspio::testing::ManualClock) so that nothing waits for
/// real.
/// @par Thread safety
/// Implementations must allow concurrent calls from many threads.
class CASPIO_EXPORT Clock {
 public:
  /// Time points of a monotonic clock.
  using time_point = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;
  /// The current time.
  virtual time_point now() const = 0;
  /// Waits `delay` (retry backoff).
  virtual void sleep_for(std::chrono::milliseconds delay) const = 0;
};

/// The default clock: std::chrono::steady_clock and std::this_thread::sleep_for.
CASPIO_EXPORT std::shared_ptr<const Clock> system_clock();

}  // namespace caspio
