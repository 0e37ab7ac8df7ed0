// `caspio records insert | update | delete`.
#include "commands/record_writes.hpp"

#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "import/field_converter.hpp"
#include "output/record_writer.hpp"
#include "support/cli_error.hpp"

namespace caspio_cli {
namespace {

struct WriteArgs {
  std::string table;
  std::vector<std::string> fields;  // FIELD=VALUE
  std::string json;                 // a JSON object
  std::string where;
  bool yes = false;
};

// The values of -f FIELD=VALUE and --json, converted by the table's field types.
nlohmann::json record_values(const caspio::Client& client, const WriteArgs& args) {
  const FieldConverter converter(client.tables().definition(args.table));
  nlohmann::json values = nlohmann::json::object();
  const auto put = [&](const std::string& name, const nlohmann::json& value) {
    if (converter.use_of(name) == ColumnUse::unknown) {
      throw CliError(exit_usage, "no field '" + name + "' in table " + args.table);
    }
    values[converter.field_name(name)] = value;
  };
  try {
    if (!args.json.empty()) {
      nlohmann::json given;
      try {
        given = nlohmann::json::parse(args.json);
      } catch (const nlohmann::json::exception&) {
        throw CliError(exit_usage, "--json: not valid JSON");
      }
      if (!given.is_object()) throw CliError(exit_usage, "--json: not a JSON object");
      for (const auto& item : given.items()) {
        put(item.key(), converter.use_of(item.key()) == ColumnUse::unknown
                            ? item.value()
                            : converter.from_json(item.key(), item.value()));
      }
    }
    for (const auto& pair : args.fields) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw CliError(exit_usage, "-f " + pair + ": expected FIELD=VALUE");
      }
      const std::string name = pair.substr(0, eq);
      put(name, converter.use_of(name) == ColumnUse::unknown
                    ? nlohmann::json(pair.substr(eq + 1))
                    : converter.from_text(name, pair.substr(eq + 1)));
    }
  } catch (const std::invalid_argument& e) {
    throw CliError(exit_usage, e.what());
  }
  if (values.empty()) throw CliError(exit_usage, "no values: give -f FIELD=VALUE or --json OBJECT");
  return values;
}

// How many rows of the table match `where`: one field of each, every page, counted. (Only the
// number of rows read is used, not their values.)
std::size_t count_matching(const caspio::Client& client, const std::string& table,
                           const std::string& where) {
  caspio::Query query;
  for (const auto& field : client.tables().definition(table)) {
    if (field.type == "PASSWORD") continue;  // never returned by reads
    query.select(field.name);
    break;
  }
  query.where(caspio::Where::raw(where));
  return client.tables().get_records_paginated(table, query).size();
}

// Shows the count on stderr and asks, unless --yes. Returns false when the user said no.
bool confirm(Context& ctx, const std::string& verb, const WriteArgs& args, std::size_t count) {
  const std::string rows = count == 1 ? "1 record" : std::to_string(count) + " records";
  if (!ctx.options.quiet || !args.yes) {
    std::cerr << "caspio: " << rows << " of " << args.table << " match " << args.where << "\n";
  }
  if (args.yes) return true;
  if (::isatty(STDIN_FILENO) == 0) {
    throw CliError(exit_usage, "records " + verb + " would change " + rows +
                                   "; without a terminal to ask on, pass --yes");
  }
  std::cerr << "caspio: " << verb << " " << (count == 1 ? "it" : "them") << "? [y/N] "
            << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
}

void add_values_options(CLI::App* cmd, WriteArgs& args) {
  cmd->add_option("-f,--field", args.fields,
                  "FIELD=VALUE, converted by the field's type as tables import converts CSV "
                  "(repeat for more fields)");
  cmd->add_option("--json", args.json, "The values as one JSON object");
}

void add_where_options(CLI::App* cmd, WriteArgs& args) {
  cmd->add_option("--where", args.where, "Which rows, sent as written (e.g. \"Email = 'a@b.c'\")")
      ->required();
  cmd->add_flag("-y,--yes", args.yes, "Do not ask before changing the matching rows");
}

// Runs a destructive write after counting and asking; prints {table, matched, VERB_KEY}.
int run_counted(Context& ctx, const WriteArgs& args, const std::string& verb,
                const std::string& result_key,
                const std::function<caspio::WriteResult(const caspio::Client&)>& write) {
  const caspio::Client& client = ctx.client();
  const std::size_t count = count_matching(client, args.table, args.where);
  nlohmann::json result = {{"table", args.table}, {"matched", count}, {result_key, 0}};
  if (count == 0) {
    if (!ctx.options.quiet) {
      std::cerr << "caspio: no record of " << args.table << " matches " << args.where
                << "; nothing " << result_key << "\n";
    }
  } else if (!confirm(ctx, verb, args, count)) {
    std::cerr << "caspio: nothing " << result_key << "\n";
    return exit_other;
  } else {
    result[result_key] = write(client).records_affected;
  }
  print_object(std::cout, ctx.format(), {"table", "matched", result_key}, result);
  return exit_ok;
}

}  // namespace

void add_record_write_commands(CLI::App* records, Context& ctx) {
  auto insert_args = std::make_shared<WriteArgs>();
  auto* insert = records->add_subcommand("insert", "Insert one record into a table");
  insert->add_option("TABLE", insert_args->table, "The table")->required();
  add_values_options(insert, *insert_args);
  on_run(insert, ctx, [&ctx, insert_args] {
    const caspio::Client& client = ctx.client();
    const nlohmann::json values = record_values(client, *insert_args);
    const caspio::WriteResult r =
        client.tables().create_record(insert_args->table, values, caspio::ReturnRows::yes);
    const nlohmann::json row = r.rows.empty() ? values : r.rows.front();
    std::vector<std::string> keys;
    for (const auto& item : row.items()) keys.push_back(item.key());
    print_object(std::cout, ctx.format(), keys, row);
    return exit_ok;
  });

  auto update_args = std::make_shared<WriteArgs>();
  auto* update = records->add_subcommand(
      "update", "Update the records of a table that match --where (shows the count, asks)");
  update->add_option("TABLE", update_args->table, "The table")->required();
  add_values_options(update, *update_args);
  add_where_options(update, *update_args);
  on_run(update, ctx, [&ctx, update_args] {
    const nlohmann::json values = record_values(ctx.client(), *update_args);
    return run_counted(ctx, *update_args, "update", "updated", [&](const caspio::Client& client) {
      return client.tables().update_records(update_args->table,
                                            caspio::Where::raw(update_args->where), values);
    });
  });

  auto delete_args = std::make_shared<WriteArgs>();
  auto* remove = records->add_subcommand(
      "delete", "Delete the records of a table that match --where (shows the count, asks)");
  remove->add_option("TABLE", delete_args->table, "The table")->required();
  add_where_options(remove, *delete_args);
  on_run(remove, ctx, [&ctx, delete_args] {
    return run_counted(ctx, *delete_args, "delete", "deleted", [&](const caspio::Client& client) {
      return client.tables().delete_records(delete_args->table,
                                            caspio::Where::raw(delete_args->where));
    });
  });
}

}  // namespace caspio_cli
