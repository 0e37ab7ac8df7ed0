// `caspio apps list | datapages | deploy | disable | deploy-code`.
#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "commands/listing.hpp"
#include "output/cells.hpp"
#include "output/record_writer.hpp"

namespace caspio_cli {
namespace {

struct AppArgs {
  std::string app;
  std::vector<std::string> pages;
  std::string method;
};

// Deploys (or disables) the named DataPages of an app, or all of them when none is named.
int change_deployment(Context& ctx, const AppArgs& args, bool deploy) {
  const caspio::Apps apps = ctx.client().apps();
  std::vector<nlohmann::json> rows;
  if (args.pages.empty()) {
    deploy ? apps.dp_deploy_all_by_app_name(args.app) : apps.dp_disable_all_by_app_name(args.app);
    rows.push_back({{"App", args.app}, {"DataPage", "(all)"}, {"Deployed", deploy}});
  }
  for (const auto& page : args.pages) {
    deploy ? apps.dp_deploy_by_names(args.app, page) : apps.dp_disable_by_names(args.app, page);
    rows.push_back({{"App", args.app}, {"DataPage", page}, {"Deployed", deploy}});
  }
  print_rows(std::cout, ctx.format(), {"App", "DataPage", "Deployed"}, rows);
  return exit_ok;
}

void add_deployment(CLI::App* group, Context& ctx, bool deploy) {
  auto args = std::make_shared<AppArgs>();
  auto* cmd =
      group->add_subcommand(deploy ? "deploy" : "disable",
                            deploy ? "Deploy DataPages of an app (all when none is named)"
                                   : "Disable DataPages of an app (all when none is named)");
  cmd->add_option("APP", args->app, "Application name")->required();
  cmd->add_option("PAGE", args->pages, "DataPage names");
  on_run(cmd, ctx, [&ctx, args, deploy] { return change_deployment(ctx, *args, deploy); });
}

}  // namespace

void add_apps_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("apps", "Applications and DataPages");
  group->require_subcommand(1);

  on_run(group->add_subcommand("list", "Every application"), ctx, [&ctx] {
    std::vector<nlohmann::json> rows;
    for (const auto& a : ctx.client().apps().listing()) rows.emplace_back(a);
    print_listing(ctx, {"AppName", "ExternalKey", "DataPagesCount", "DateCreated", "DateModified"},
                  rows);
    return exit_ok;
  });

  auto args = std::make_shared<AppArgs>();
  auto* pages = group->add_subcommand("datapages", "DataPages of an application");
  pages->add_option("APP", args->app, "Application name")->required();
  on_run(pages, ctx, [&ctx, args] {
    std::vector<nlohmann::json> rows;
    for (const auto& d : ctx.client().apps().dp_properties_by_app_name(args->app)) {
      rows.emplace_back(d);
    }
    print_listing(ctx, {"Name", "AppKey", "Type", "Path", "DateModified"}, rows);
    return exit_ok;
  });

  add_deployment(group, ctx, true);
  add_deployment(group, ctx, false);

  auto* code = group->add_subcommand("deploy-code", "The deploy code of a DataPage");
  code->add_option("APP", args->app, "Application name")->required();
  code->add_option("PAGE", args->pages, "DataPage name")->required()->expected(1);
  code->add_option("--method", args->method,
                   "I F U L E N P A X B Y Z: iFrame, Frame, URL, Link, Embedded, .NET, PHP, ASP, "
                   "ASPX, Facebook, WordPress frame, WordPress embed")
      ->required();
  on_run(code, ctx, [&ctx, args] {
    const std::string text =
        ctx.client().apps().dp_deploy_code_by_names(args->app, args->pages.at(0), args->method);
    const Format f = ctx.format_given() ? ctx.format() : Format::table;
    // The snippet as it is, unless JSON is asked for.
    std::cout << (f == Format::json || f == Format::ndjson ? to_json_text(text) : text) << "\n";
    return exit_ok;
  });
}

}  // namespace caspio_cli
