#pragma once
/// @file
/// `caspio tables import TABLE FILE`: CSV or NDJSON into a table, row by row.

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace caspio_cli {

/// Adds `import TABLE FILE [--errors FILE] [--dry-run]` under `group`.
void add_import_command(CLI::App* group, Context& ctx);

}  // namespace caspio_cli
