#pragma once
/// @file
/// Scheduled data import/export tasks as Caspio describes them, convertible to and from JSON.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"

namespace caspio {

/// One task (`GET /v2/tasks`, `GET /v2/tasks/{key}`).
struct CASPIO_EXPORT TaskInfo {
  std::string name;                              ///< `Name`.
  std::string external_key;                      ///< `ExternalKey` (a GUID).
  std::string status;                            ///< `Status`: "Ready", "Busy" or "Processing".
  std::string task_time_zone;                    ///< `TaskTimeZone`.
  std::string frequency;                         ///< `Frequency`, e.g. "1 of the month".
  std::string note;                              ///< `Note`.
  std::optional<std::string> last_run_time_utc;  ///< `LastRunTimeUTC`; empty if it never ran.
  std::optional<std::string> last_run_time;      ///< `LastRunTime` (task time zone).
  std::optional<bool> success;                   ///< `Success` of the last run.
};

/// Caspio's TaskInfo object (the last-run keys only when set).
CASPIO_EXPORT void to_json(nlohmann::json& j, const TaskInfo& t);
/// Reads a TaskInfo; missing keys keep their defaults. @throws nlohmann::json::exception on wrong
/// types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, TaskInfo& t);

}  // namespace caspio
