#pragma once
/// @file
/// `caspio records insert | update | delete`: writing rows of a table from the command line.

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace caspio_cli {

/// Adds `insert TABLE`, `update TABLE --where …` and `delete TABLE --where …` under the `records`
/// group. Values come from `-f FIELD=VALUE` (converted by the field's type, as `tables import`
/// converts CSV cells) and `--json OBJECT`. update and delete first count the matching rows and
/// show that count on stderr, then ask on a terminal (`--yes` skips the question; without a
/// terminal, `--yes` is required).
void add_record_write_commands(CLI::App* records, Context& ctx);

}  // namespace caspio_cli
