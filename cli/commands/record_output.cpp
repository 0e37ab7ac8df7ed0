#include "commands/record_output.hpp"

#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "output/record_writer.hpp"
#include "support/cli_error.hpp"
#include "support/output_file.hpp"

namespace caspio_cli {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Format export_format(const Context& ctx, const std::string& path) {
  if (ctx.format_given()) {
    const Format f = ctx.format();
    if (f == Format::table) {
      throw CliError(exit_usage, "export writes json, ndjson, csv or tsv, not table");
    }
    return f;
  }
  if (ends_with(path, ".csv")) return Format::csv;
  if (ends_with(path, ".tsv")) return Format::tsv;
  if (ends_with(path, ".ndjson") || ends_with(path, ".jsonl")) return Format::ndjson;
  return Format::json;
}

const char* noun(SourceKind kind) {
  return kind == SourceKind::table ? "table" : "view";
}

}  // namespace

int run_records_get(Context& ctx, SourceKind kind, const std::string& name, const QueryOptions& q) {
  const caspio::Client& client = ctx.client();
  const Format format = ctx.format();
  RecordWriter writer(std::cout, format,
                      ColumnOrder(preferred_columns(client, kind, name, q), false));
  auto range = open_records(client, kind, name, to_query(q));
  for (const auto& record : range) {
    if (q.limit > 0 && writer.count() >= static_cast<std::size_t>(q.limit)) break;
    writer.write(record);
  }
  writer.finish();
  return exit_ok;
}

int run_export(Context& ctx, SourceKind kind, const std::string& name, const QueryOptions& q,
               const std::string& path) {
  const Format format = export_format(ctx, path);
  const caspio::Client& client = ctx.client();
  auto columns = preferred_columns(client, kind, name, q);
  Progress progress("export " + name, ProgressUnit::rows, ctx.progress_wanted());
  if (progress.enabled()) {
    if (const auto total = count_records(client, kind, name, q)) progress.set_total(*total);
  }
  auto range = open_records(client, kind, name, to_query(q));
  OutputFile out(path);
  RecordWriter writer(out.stream(), format, ColumnOrder(std::move(columns), true));
  for (const auto& record : range) {
    writer.write(record);
    progress.update(writer.count());
  }
  writer.finish();
  out.commit();
  progress.finish();
  return exit_ok;
}

void add_export_command(CLI::App* group, Context& ctx, SourceKind kind) {
  struct Args {
    std::string name;
    std::string output = "-";
    QueryOptions query;
  };
  auto args = std::make_shared<Args>();
  const std::string what = noun(kind);
  auto* cmd = group->add_subcommand("export", "Stream every record of a " + what +
                                                  " to a file or stdout (json, ndjson, csv, tsv)");
  cmd->add_option("NAME", args->name, "The " + what)->required();
  cmd->add_option("-o,--output", args->output,
                  "File to write (\"-\" = stdout); its extension picks the format unless --format "
                  "is given (.csv, .tsv, .ndjson/.jsonl, else json)");
  add_query_options(cmd, args->query, false);
  on_run(cmd, ctx, [&ctx, args, kind] {
    return run_export(ctx, kind, args->name, args->query, args->output);
  });
}

}  // namespace caspio_cli
