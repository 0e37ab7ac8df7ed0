#pragma once
/// @file
/// The command groups of `caspio`, each added to the root CLI11 app.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "support/exit_codes.hpp"

namespace caspio_cli {

/// Makes `command` set `ctx.action` to `run` when it is chosen (run after parsing).
void on_run(CLI::App* command, Context& ctx, std::function<int()> run);

/// `caspio tables list | describe | fields | export | import`.
void add_tables_commands(CLI::App& app, Context& ctx);
/// `caspio views list | describe | export`.
void add_views_commands(CLI::App& app, Context& ctx);
/// `caspio records get`.
void add_records_commands(CLI::App& app, Context& ctx);
/// `caspio files ls | get | put | rm`.
void add_files_commands(CLI::App& app, Context& ctx);
/// `caspio tasks list | run`.
void add_tasks_commands(CLI::App& app, Context& ctx);
/// `caspio apps list | datapages | deploy | disable | deploy-code`.
void add_apps_commands(CLI::App& app, Context& ctx);
/// `caspio token`.
void add_token_command(CLI::App& app, Context& ctx);

}  // namespace caspio_cli
