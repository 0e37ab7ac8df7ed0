#include "caspio/tasks.hpp"

#include "detail/answer.hpp"
#include "detail/client_state.hpp"
#include "detail/name_lookup.hpp"
#include "detail/records.hpp"

namespace caspio {

namespace {
constexpr const char* kTasks = "tasks";
}  // namespace

std::string Tasks::key_of(const std::string& name) const {
  detail::require_name(name, "task name");
  const auto tasks = listing();
  for (const auto& task : tasks) {
    if (detail::iequals(task.name, name)) return task.external_key;
  }
  std::vector<std::string> names;
  for (const auto& task : tasks) names.push_back(task.name);
  detail::throw_name_not_found("task", name, names);
}

std::vector<TaskInfo> Tasks::listing() const {
  const std::string url = state_->url({kTasks});
  return detail::convert_answer<std::vector<TaskInfo>>(detail::get_result(*state_, url),
                                                       HttpMethod::get, url);
}

TaskInfo Tasks::properties_by_name(const std::string& name) const {
  return properties_by_key(key_of(name));
}

TaskInfo Tasks::properties_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "task key");
  const std::string url = state_->url({kTasks, external_key});
  return detail::convert_answer<TaskInfo>(detail::get_result(*state_, url), HttpMethod::get, url);
}

void Tasks::run_by_name(const std::string& name) const {
  run_by_key(key_of(name));
}

void Tasks::run_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "task key");
  state_->call(HttpMethod::post, state_->url({kTasks, external_key, "run"}));
}

}  // namespace caspio
