#pragma once
/// @file
/// caspio::testing::ManualClock, a clock that moves only when told, for tests of token expiry
/// and retry delays that must not wait for real.

#include <chrono>
#include <mutex>
#include <vector>

#include "caspio/clock.hpp"

namespace caspio {
namespace testing {

/// now() starts at an arbitrary fixed point and moves by advance() and by sleep_for(), which
/// returns at once and records the delay it was asked for.
/// @par Thread safety
/// All methods may be called from many threads at once.
class ManualClock final : public Clock {
 public:
  /// The current (manual) time.
  time_point now() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  /// Records `delay` and moves the time forward by it, without waiting.
  void sleep_for(std::chrono::milliseconds delay) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    sleeps_.push_back(delay);
    now_ += delay;
  }
  /// Moves the time forward by `by`.
  void advance(std::chrono::milliseconds by) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += by;
  }
  /// Every delay passed to sleep_for(), in order.
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  mutable time_point now_{std::chrono::hours(1000)};
  mutable std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace testing
}  // namespace caspio
