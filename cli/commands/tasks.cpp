// `caspio tasks list | run NAME [--wait]`.
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "commands/commands.hpp"
#include "commands/listing.hpp"
#include "output/record_writer.hpp"
#include "support/cli_error.hpp"
#include "support/interrupt.hpp"

namespace caspio_cli {
namespace {

const std::vector<std::string> kTaskColumns = {
    "Name",           "Status",  "Frequency",   "TaskTimeZone",
    "LastRunTimeUTC", "Success", "ExternalKey", "Note"};

// Polls until the task is Ready again after this run; returns its properties.
caspio::TaskInfo wait_for(const caspio::Tasks& tasks, const std::string& name,
                          const caspio::TaskInfo& before, int timeout_seconds, int interval_ms) {
  GracefulInterrupt graceful;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool seen_busy = false;
  for (;;) {
    caspio::TaskInfo now = tasks.properties_by_name(name);
    if (now.status != "Ready") {
      seen_busy = true;
    } else if (seen_busy || now.last_run_time_utc != before.last_run_time_utc) {
      return now;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw CliError(exit_other, "task " + name + " still " + now.status + " after " +
                                     std::to_string(timeout_seconds) + " s");
    }
    if (interrupted()) throw CliError(exit_interrupted, "interrupted while waiting");
    std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
  }
}

}  // namespace

void add_tasks_commands(CLI::App& app, Context& ctx) {
  struct Args {
    std::string name;
    bool wait = false;
    int wait_timeout = 600;
    int interval_ms = 1000;
  };
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("tasks", "Scheduled import/export tasks: list, run");
  group->require_subcommand(1);

  on_run(group->add_subcommand("list", "Every task and its last run"), ctx, [&ctx] {
    std::vector<nlohmann::json> rows;
    for (const auto& t : ctx.client().tasks().listing()) rows.emplace_back(t);
    print_listing(ctx, kTaskColumns, rows);
    return exit_ok;
  });

  auto* run = group->add_subcommand("run", "Start a task by name");
  run->add_option("NAME", args->name, "Task name (any letter case)")->required();
  run->add_flag("--wait", args->wait, "Wait until the run ends; exit 1 if it did not succeed");
  run->add_option("--wait-timeout", args->wait_timeout, "Seconds to wait at most")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  run->add_option("--poll-ms", args->interval_ms, "Milliseconds between status checks")
      ->check(CLI::Range(10, 60'000))
      ->capture_default_str();
  on_run(run, ctx, [&ctx, args] {
    const caspio::Tasks tasks = ctx.client().tasks();
    const caspio::TaskInfo before = tasks.properties_by_name(args->name);
    tasks.run_by_key(before.external_key);
    if (!args->wait) {
      print_object(std::cout, ctx.format(), {"Name", "started"},
                   {{"Name", before.name}, {"started", true}});
      return exit_ok;
    }
    const caspio::TaskInfo after =
        wait_for(tasks, args->name, before, args->wait_timeout, args->interval_ms);
    print_object(std::cout, ctx.format(), kTaskColumns, after);
    if (!after.success.value_or(false)) {
      std::cerr << "caspio: tasks run " << after.name << ": the run did not succeed\n";
      return exit_other;
    }
    return exit_ok;
  });
}

}  // namespace caspio_cli
