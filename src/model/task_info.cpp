#include "caspio/task_info.hpp"

#include "model/json_fields.hpp"

namespace caspio {

using detail::read_field;

void to_json(nlohmann::json& j, const TaskInfo& t) {
  j = nlohmann::json::object();
  if (t.last_run_time_utc) j["LastRunTimeUTC"] = *t.last_run_time_utc;
  if (t.last_run_time) j["LastRunTime"] = *t.last_run_time;
  if (t.success) j["Success"] = *t.success;
  j["Name"] = t.name;
  j["ExternalKey"] = t.external_key;
  j["Status"] = t.status;
  j["TaskTimeZone"] = t.task_time_zone;
  j["Frequency"] = t.frequency;
  j["Note"] = t.note;
}

void from_json(const nlohmann::json& j, TaskInfo& t) {
  read_field(j, "Name", t.name);
  read_field(j, "ExternalKey", t.external_key);
  read_field(j, "Status", t.status);
  read_field(j, "TaskTimeZone", t.task_time_zone);
  read_field(j, "Frequency", t.frequency);
  read_field(j, "Note", t.note);
  read_field(j, "LastRunTimeUTC", t.last_run_time_utc);
  read_field(j, "LastRunTime", t.last_run_time);
  read_field(j, "Success", t.success);
}

}  // namespace caspio
