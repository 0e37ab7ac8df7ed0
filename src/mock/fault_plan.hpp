#pragma once
// Pending injected faults and the optional request-rate limiter.

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "caspio/mock/server.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Faults waiting for matching requests, tried in the order added. Thread-safe.
class FaultPlan {
 public:
  /// Queues a fault (count <= 0 is ignored).
  void add(Fault fault);
  /// Drops every pending fault.
  void clear();
  /// The first pending fault matching this request, with its count used up by one.
  std::optional<Fault> take(const std::string& method, const std::string& raw_path,
                            const std::string& raw_query);

 private:
  std::mutex mutex_;
  std::deque<Fault> faults_;
};

/// Parses the JSON form of a fault used by `POST /__mock/faults`; throws std::invalid_argument.
Fault fault_from_json(const nlohmann::json& j);

/// A fixed-window limiter: at most `calls` requests per `window`; off when calls is 0.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  /// Sets the limit; `status` is 400 (Caspio's api-calls-rate body) or 429 (with Retry-After).
  void configure(std::size_t calls, std::chrono::seconds window, int status);
  /// Counts one request; returns the refusal status (400 or 429) and the seconds until the window
  /// resets when over the limit, std::nullopt when allowed.
  std::optional<std::pair<int, long>> admit();

 private:
  std::mutex mutex_;
  std::size_t calls_ = 0;
  std::chrono::seconds window_{1};
  int status_ = 429;
  Clock::time_point window_start_{};
  std::size_t used_ = 0;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
