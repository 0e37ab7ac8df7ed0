// Routes of scheduled tasks (K1-K3).
#include <memory>

#include "demo_tasks.hpp"
#include "module.hpp"
#include "task_store.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

class TasksModule final : public Module {
 public:
  explicit TasksModule(const ModuleEnv& env)
      : store_(env.options.fixture == Fixture::demo ? demo_tasks() : std::vector<Task>{}) {}

  void register_routes(Router& router) override {
    router.add("GET", "/rest/v2/tasks", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.list()}});
    });
    router.add("GET", "/rest/v2/tasks/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.get(c.params[0])}});
    });
    router.add("POST", "/rest/v2/tasks/{}/run", [this](Call& c) {
      store_.run(c.params[0]);
      c.reply_empty(200);
    });
  }

 private:
  TaskStore store_;
};

}  // namespace

std::unique_ptr<Module> make_tasks_module(const ModuleEnv& env) {
  return std::make_unique<TasksModule>(env);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
