// Scheduled tasks: listing, properties and runs.
#include "task_store.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

nlohmann::json task_json(const Task& task) {
  nlohmann::json out = nlohmann::json::object();
  if (task.last_run) {
    out["LastRunTimeUTC"] = task.last_run->time_utc;
    out["LastRunTime"] = task.last_run->time;
    out["Success"] = task.last_run->success;
  }
  out["Name"] = task.name;
  out["ExternalKey"] = task.external_key;
  out["Status"] = task.status;
  out["TaskTimeZone"] = task.time_zone;
  out["Frequency"] = task.frequency;
  out["Note"] = task.note;
  return out;
}

std::string iso_at(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace

TaskStore::TaskStore(std::vector<Task> tasks) : tasks_(std::move(tasks)) {}

const Task& TaskStore::find(const std::string& key) const {
  for (const auto& task : tasks_) {
    if (iequals(task.external_key, key)) return task;
  }
  throw not_found("Task not found");
}

Task& TaskStore::find(const std::string& key) {
  return const_cast<Task&>(static_cast<const TaskStore*>(this)->find(key));
}

nlohmann::json TaskStore::list() const {
  std::lock_guard<std::mutex> lock(mutex_);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& task : tasks_) out.push_back(task_json(task));
  return out;
}

nlohmann::json TaskStore::get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return task_json(find(key));
}

void TaskStore::run(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Task& task = find(key);
  if (task.status != "Ready") {
    throw ApiError(
        400, "TaskNotReady",
        "Task '" + task.name + "' cannot be run now: its status is " + task.status + ".");
  }
  const auto now = std::chrono::system_clock::now();
  task.last_run =
      Task::LastRun{iso_at(now), iso_at(now + std::chrono::minutes(task.utc_offset_minutes)), true};
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
