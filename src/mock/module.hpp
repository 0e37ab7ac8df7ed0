#pragma once
// A route module owns one part of the emulated account (tables and views, applications, files,
// tasks), its own data and its own lock, and registers its routes with the Router.

#include <atomic>
#include <memory>

#include "call.hpp"
#include "caspio/mock/server.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// What the server shares with every module.
struct ModuleEnv {
  const ServerOptions& options;
  /// Live value of the "unstable order" switch.
  const std::atomic<bool>& unstable_order;
  /// Turns true when the server stops: long statements end at once.
  const std::atomic<bool>& stopping;
};

/// One part of the account. Handlers may run concurrently from several server threads; a module
/// guards its own data.
class Module {
 public:
  virtual ~Module() = default;
  /// Registers this module's routes (patterns start with "/rest/v2/", and for the tables module
  /// also "/integrations/rest/v3/"; the request pipeline refuses the bases `--api` leaves out).
  virtual void register_routes(Router& router) = 0;
};

/// Tables (design, fields, password fields, records) and views, in SQLite.
std::unique_ptr<Module> make_tables_module(const ModuleEnv& env);
class AppStore;
/// Applications and DataPages, over `store` (owned by the server, which shows deployment state
/// to tests).
std::unique_ptr<Module> make_apps_module(const ModuleEnv& env, AppStore& store);
/// Scheduled tasks.
std::unique_ptr<Module> make_tasks_module(const ModuleEnv& env);
/// The Files area: folders and files.
std::unique_ptr<Module> make_files_module(const ModuleEnv& env);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
