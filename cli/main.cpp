// caspio: a command line for the Caspio REST API v2, built on the caspio C++ SDK.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "commands/command_tree.hpp"
#include "commands/commands.hpp"
#include "context.hpp"
#include "output/record_writer.hpp"
#include "support/error_report.hpp"
#include "support/interrupt.hpp"

namespace caspio_cli {

void on_run(CLI::App* command, Context& ctx, std::function<int()> run) {
  command->callback([&ctx, run = std::move(run)] { ctx.action = run; });
}

namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--format", o.format,
                 "Output: table, json, ndjson, csv, tsv (default: table on a "
                 "terminal, json otherwise)")
      ->check(CLI::IsMember(option_choices("--format")));
  add_text_style_options(app);
  app.add_flag("-q,--quiet", o.quiet, "No progress line and no notes on stderr");
  app.add_flag("-v,--verbose", o.verbose, "Show each HTTP request on stderr (no credentials)");
  app.add_option("--query", o.query,
                 "Fields to print of a listing, in this order, comma-separated (e.g. "
                 "--query Name,Status); for records get, the --select");
  app.add_option("--profile", o.profile,
                 "Profile in ~/.config/caspio/profiles (must not be readable by others)");
  app.add_option("--account", o.flags.account, "Account ID (default: $CASPIO_ACCOUNT)");
  app.add_option("--rest-url", o.flags.rest_url, "REST base URL (default: $CASPIO_REST_URL)");
  app.add_option("--token-url", o.flags.token_url, "OAuth token URL (default: $CASPIO_TOKEN_URL)");
  app.add_option("--client-id", o.flags.client_id, "Client ID (default: $CASPIO_CLIENT_ID)");
  app.add_option("--timeout", o.timeout_seconds,
                 "Seconds to connect, and without a byte moving, before an HTTP request fails "
                 "(a long transfer that keeps moving is not cut)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

// "tables export Demo_Users": the chosen command and its operands.
std::string command_path(const CLI::App& app) {
  std::string path;
  const CLI::App* at = &app;
  for (;;) {
    const auto chosen = at->get_subcommands();
    if (chosen.empty()) break;
    at = chosen.front();
    path += (path.empty() ? "" : " ") + at->get_name();
  }
  // The chosen command's operands, e.g. "tables describe Nope".
  for (const CLI::Option* opt : at->get_options()) {
    if (!opt->get_positional()) continue;
    for (const auto& value : opt->results()) path += " " + value;
  }
  return path;
}

int run(int argc, char** argv) {
  Context ctx;
  CLI::App app{"caspio: export, import and manage Caspio data from the command line", "caspio"};
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("caspio ") + caspio::version_string);
  app.footer(
      "Credentials: CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET and CASPIO_TOKEN_URL (or "
      "CASPIO_ACCOUNT and CASPIO_TOKEN), CASPIO_REST_URL, or --profile NAME. Exit codes: "
      "0 ok, 1 error, 2 usage, 3 not found, 4 auth, 5 rate limit, 6 some rows or files "
      "failed, 130 interrupted. See docs/cli.md.");
  add_global_options(app, ctx.options);
  add_tables_commands(app, ctx);
  add_views_commands(app, ctx);
  add_records_commands(app, ctx);
  add_files_commands(app, ctx);
  add_tasks_commands(app, ctx);
  add_apps_commands(app, ctx);
  add_token_command(app, ctx);
  add_completion_command(app, ctx);
  add_man_command(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "caspio: " << e.what() << "\nRun 'caspio --help' or 'caspio COMMAND --help'.\n";
    return exit_usage;
  }
  if (!ctx.action) {
    std::cerr << "caspio: no command given\nRun 'caspio --help'.\n";
    return exit_usage;
  }
  try {
    return ctx.action();
  } catch (...) {
    const ExitCode code = report_current_exception(command_path(app));
    return interrupted() ? interrupt_exit_code() : code;
  }
}

}  // namespace
}  // namespace caspio_cli

int main(int argc, char** argv) {
  caspio_cli::install_interrupt_handler();
  return caspio_cli::run(argc, argv);
}
