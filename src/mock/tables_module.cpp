// Placeholder until the tables module lands: registers no routes, so its paths answer 404.
#include "module.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {
class Placeholder final : public Module {
 public:
  void register_routes(Router&) override {}
};
}  // namespace

std::unique_ptr<Module> make_tables_module(const ModuleEnv&) {
  return std::make_unique<Placeholder>();
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
