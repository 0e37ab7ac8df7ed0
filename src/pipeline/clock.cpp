#include "caspio/clock.hpp"

#include <thread>

namespace caspio {
namespace {

class SystemClock final : public Clock {
 public:
  time_point now() const override { return std::chrono::steady_clock::now(); }
  void sleep_for(std::chrono::milliseconds delay) const override {
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
  }
};

}  // namespace

std::shared_ptr<const Clock> system_clock() {
  static const auto clock = std::make_shared<const SystemClock>();
  return clock;
}

}  // namespace caspio
