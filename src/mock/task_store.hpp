#pragma once
// Scheduled tasks (v2 TaskInfo) and running them.

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace caspio {
namespace mock {
namespace detail {

/// One scheduled task. A task that never ran has no last run (and shows no LastRunTime*, Success).
struct Task {
  std::string name;
  std::string external_key;    ///< Task ID, lower-case GUID.
  std::string status;          ///< "Ready", "Busy" (analysis before starting) or "Processing".
  std::string time_zone;       ///< TaskTimeZone, e.g. "UTC".
  int utc_offset_minutes = 0;  ///< Offset of time_zone from UTC, for LastRunTime.
  std::string frequency;       ///< e.g. "1 of the month", "On demand".
  std::string note;
  struct LastRun {
    std::string time_utc;  ///< "YYYY-MM-DDTHH:MM:SS"
    std::string time;      ///< the same instant in time_zone
    bool success = true;
  };
  std::optional<LastRun> last_run;
};

/// The account's tasks. Thread-safe; keys match case-insensitively; unknown keys throw 404.
class TaskStore {
 public:
  explicit TaskStore(std::vector<Task> tasks);

  /// `[TaskInfo…]`.
  nlohmann::json list() const;
  /// `TaskInfo`.
  nlohmann::json get(const std::string& key) const;
  /// Runs a Ready task at once: stamps LastRunTime, LastRunTimeUTC and Success. A task in any
  /// other status throws 400 TaskNotReady.
  void run(const std::string& key);

 private:
  const Task& find(const std::string& key) const;
  Task& find(const std::string& key);

  mutable std::mutex mutex_;
  std::vector<Task> tasks_;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
