#pragma once
/// @file
/// Terminal display width of UTF-8 text, for aligned tables.

#include <cstddef>
#include <string>
#include <string_view>

namespace caspio_cli {

/// Columns `text` takes on a terminal: East Asian wide characters count 2, combining marks 0,
/// other code points 1. Invalid bytes count 1 each.
std::size_t display_width(std::string_view text);

/// `text` with control characters (tab, newline, …) replaced by spaces and, when wider than
/// `max_width` columns, cut at a character boundary and ended with "…".
std::string fit_cell(std::string_view text, std::size_t max_width);

}  // namespace caspio_cli
