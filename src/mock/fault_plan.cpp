#include "fault_plan.hpp"

#include <stdexcept>

namespace caspio {
namespace mock {
namespace detail {

void FaultPlan::add(Fault fault) {
  if (fault.count <= 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  faults_.push_back(std::move(fault));
}

void FaultPlan::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  faults_.clear();
}

std::optional<Fault> FaultPlan::take(const std::string& method, const std::string& raw_path,
                                     const std::string& raw_query) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<Fault> hit;
  auto used = faults_.end();
  // Every matching fault still skipping counts this request; the first one past its skip applies.
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->method.empty() && it->method != method) continue;
    if (raw_path.compare(0, it->path_prefix.size(), it->path_prefix) != 0) continue;
    if (raw_query.find(it->query_contains) == std::string::npos) continue;
    if (it->skip > 0) {
      --it->skip;
    } else if (!hit) {
      hit = *it;
      used = it;
    }
  }
  if (hit && --used->count <= 0) faults_.erase(used);
  return hit;
}

Fault fault_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::invalid_argument("fault must be a JSON object");
  Fault f;
  const std::string kind = j.value("kind", "status");
  if (kind == "status") {
    f.kind = FaultKind::status;
  } else if (kind == "delay") {
    f.kind = FaultKind::delay;
  } else if (kind == "drop") {
    f.kind = FaultKind::drop;
  } else if (kind == "truncate") {
    f.kind = FaultKind::truncate;
  } else if (kind == "rate_limit_400") {
    f.kind = FaultKind::rate_limit_400;
  } else {
    throw std::invalid_argument("unknown fault kind '" + kind +
                                "' (status, delay, drop, truncate, rate_limit_400)");
  }
  f.method = j.value("method", "");
  f.path_prefix = j.value("path_prefix", "");
  f.query_contains = j.value("query_contains", "");
  f.count = j.value("count", 1);
  f.skip = j.value("skip", 0);
  if (f.skip < 0) throw std::invalid_argument("skip must not be negative");
  f.status = j.value("status", 500);
  if (j.contains("retry_after")) f.retry_after = j.at("retry_after").get<int>();
  f.delay = std::chrono::milliseconds(j.value("delay_ms", 0));
  if (f.kind == FaultKind::status && (f.status < 100 || f.status > 599)) {
    throw std::invalid_argument("status must be an HTTP status code");
  }
  return f;
}

void RateLimiter::configure(std::size_t calls, std::chrono::seconds window, int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  calls_ = calls;
  window_ = window.count() > 0 ? window : std::chrono::seconds(1);
  status_ = status == 400 ? 400 : 429;
  window_start_ = Clock::now();
  used_ = 0;
}

std::optional<std::pair<int, long>> RateLimiter::admit() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (calls_ == 0) return std::nullopt;
  const auto now = Clock::now();
  if (now - window_start_ >= window_) {
    window_start_ = now;
    used_ = 0;
  }
  if (used_ < calls_) {
    ++used_;
    return std::nullopt;
  }
  auto left = std::chrono::duration_cast<std::chrono::seconds>(window_start_ + window_ - now);
  return std::make_pair(status_, static_cast<long>(left.count()) + 1);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
