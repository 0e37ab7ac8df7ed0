#pragma once
// The applications of the demo fixture.

#include <vector>

#include "app_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// "Demo - Physician Directory - Caspio SDK" with its five DataPages, an app literally named
/// "AppName" (the seed SDK's name lookup breaks on it) and an app without DataPages.
std::vector<App> demo_apps();

}  // namespace detail
}  // namespace mock
}  // namespace caspio
