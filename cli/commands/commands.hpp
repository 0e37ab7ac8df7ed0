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
/// `caspio completion bash|zsh`: prints the script completion_script() makes from `app`.
void add_completion_command(CLI::App& app, Context& ctx);
/// `caspio man`: prints the manual page man_page() makes from `app`.
void add_man_command(CLI::App& app, Context& ctx);

/// A completion script for `shell` ("bash" or "zsh") of every command and option of `root`.
std::string completion_script(CLI::App& root, const std::string& shell);
/// The manual page (roff, section 1) of `root`: its description, global options, every command
/// with its operands and options, from their help texts.
std::string man_page(CLI::App& root);

}  // namespace caspio_cli
