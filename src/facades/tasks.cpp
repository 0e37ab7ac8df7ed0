#include "caspio/tasks.hpp"

#include "client/client_state.hpp"
#include "request/name_lookup.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {
constexpr const char* kTasks = "tasks";
}  // namespace

std::string Tasks::key_of(const std::string& name) const {
  detail::require_name(name, "task name");
  return detail::find_named(
             listing(), name, [](const TaskInfo& task) -> const std::string& { return task.name; },
             true, "task")
      .external_key;
}

std::vector<TaskInfo> Tasks::listing() const {
  return detail::get_result<std::vector<TaskInfo>>(*state_, state_->url({kTasks}));
}

TaskInfo Tasks::properties_by_name(const std::string& name) const {
  return properties_by_key(key_of(name));
}

TaskInfo Tasks::properties_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "task key");
  return detail::get_result<TaskInfo>(*state_, state_->url({kTasks, external_key}));
}

void Tasks::run_by_name(const std::string& name) const {
  run_by_key(key_of(name));
}

void Tasks::run_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "task key");
  state_->call(HttpMethod::post, state_->url({kTasks, external_key, "run"}));
}

}  // namespace caspio
