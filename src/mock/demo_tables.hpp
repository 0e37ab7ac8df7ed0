#pragma once
// The demo fixture's tables and views: "Demo - Physician Directory - Caspio SDK".

#include <cstddef>

#include "table_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Adds Demo_Physicians, Demo_States_Lookup and Demo_Users (fields as in the application export),
/// the three views, the hand-written rows (the seed README's samples among them), and
/// `synthetic_rows` deterministic physicians with unique e-mails (physician000001@example.com …).
void load_demo_tables(TableStore& store, std::size_t synthetic_rows);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
