#pragma once
/// @file
/// Aligned text tables for terminals.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace caspio_cli {

/// Widest a table column gets, in terminal columns; longer cells end with "…".
constexpr std::size_t kMaxCellWidth = 48;

/// Writes `rows` as a table: a header line of `columns`, then one line per row, each column
/// padded to its widest cell (by display width, so UTF-8 text aligns), two spaces between columns.
void render_table(std::ostream& out, const std::vector<std::string>& columns,
                  const std::vector<nlohmann::json>& rows);

}  // namespace caspio_cli
