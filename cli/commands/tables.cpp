// `caspio tables …` and `caspio views …`: listing, describing, fields, export.
#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "commands/import_command.hpp"
#include "commands/listing.hpp"
#include "commands/record_output.hpp"
#include "commands/record_writes.hpp"
#include "output/record_writer.hpp"

namespace caspio_cli {
namespace {

const std::vector<std::string> kFieldColumns = {
    "Name",        "Type",         "Unique",   "UniqueAllowNulls", "Label",
    "Description", "DisplayOrder", "OnInsert", "OnUpdate",         "TimeZone",
    "Format",      "Prefix",       "Length",   "IsFormula",        "ListField"};

void print_names(Context& ctx, const std::vector<std::string>& names) {
  std::vector<nlohmann::json> rows;
  for (const auto& name : names) rows.push_back({{"Name", name}});
  print_listing(ctx, {"Name"}, rows);
}

void add_list_and_describe(CLI::App* group, Context& ctx, SourceKind kind) {
  const std::string what = kind == SourceKind::table ? "table" : "view";
  on_run(group->add_subcommand("list", "Names of all " + what + "s"), ctx, [&ctx, kind] {
    const auto& client = ctx.client();
    print_names(ctx,
                kind == SourceKind::table ? client.tables().listing() : client.views().listing());
    return exit_ok;
  });
  auto name = std::make_shared<std::string>();
  auto* describe = group->add_subcommand("describe", "Name and note of a " + what);
  describe->add_option("NAME", *name, "The " + what)->required();
  on_run(describe, ctx, [&ctx, kind, name] {
    const auto& client = ctx.client();
    const caspio::ObjectDescription d = kind == SourceKind::table
                                            ? client.tables().description(*name)
                                            : client.views().description(*name);
    print_object(std::cout, ctx.format(), {"Name", "Note"}, nlohmann::json(d));
    return exit_ok;
  });
}

}  // namespace

void add_tables_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("tables", "Tables: list, describe, fields, export, import");
  group->require_subcommand(1);
  add_list_and_describe(group, ctx, SourceKind::table);
  auto name = std::make_shared<std::string>();
  auto* fields = group->add_subcommand("fields", "Field definitions of a table");
  fields->add_option("TABLE", *name, "The table")->required();
  on_run(fields, ctx, [&ctx, name] {
    std::vector<nlohmann::json> rows;
    for (const auto& f : ctx.client().tables().definition(*name)) rows.emplace_back(f);
    std::vector<std::string> columns;
    for (const auto& c : kFieldColumns) {
      for (const auto& row : rows) {
        if (row.contains(c)) {
          columns.push_back(c);
          break;
        }
      }
    }
    print_listing(ctx, columns, rows);
    return exit_ok;
  });
  add_export_command(group, ctx, SourceKind::table);
  add_import_command(group, ctx);
}

void add_views_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("views", "Views: list, describe, export");
  group->require_subcommand(1);
  add_list_and_describe(group, ctx, SourceKind::view);
  add_export_command(group, ctx, SourceKind::view);
}

void add_records_commands(CLI::App& app, Context& ctx) {
  struct Args {
    std::string name;
    QueryOptions query;
  };
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand(
      "records", "Records of a table or a view: get; of a table: insert, update, delete");
  group->require_subcommand(1);
  auto* get = group->add_subcommand("get", "Read records of a table or view to stdout");
  get->add_option("NAME", args->name, "The table or view")->required();
  add_query_options(get, args->query, true);
  on_run(get, ctx, [&ctx, args] {
    // --query, the field selection of every listing, is --select here (when that is not given).
    if (args->query.select.empty() && !ctx.options.query.empty()) {
      for (const auto& field : parse_field_query(ctx.options.query)) {
        args->query.select += (args->query.select.empty() ? "" : ", ") + field;
      }
    }
    const SourceKind kind = resolve_kind(ctx.client(), args->name);
    return run_records_get(ctx, kind, args->name, args->query);
  });
  add_record_write_commands(group, ctx);
}

}  // namespace caspio_cli
