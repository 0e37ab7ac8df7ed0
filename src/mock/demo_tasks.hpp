#pragma once
// The scheduled tasks of the demo fixture.

#include <vector>

#include "task_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Demo_Physicians_Export (as the seed README shows it), a Busy import task, a task literally named
/// "Name" (the seed SDK's name lookup breaks on it) that never ran, and one in another time zone.
std::vector<Task> demo_tasks();

}  // namespace detail
}  // namespace mock
}  // namespace caspio
