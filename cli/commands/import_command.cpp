#include "commands/import_command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "import/row_reader.hpp"
#include "output/cells.hpp"
#include "output/record_writer.hpp"
#include "support/cli_error.hpp"
#include "support/error_report.hpp"
#include "support/interrupt.hpp"
#include "support/text.hpp"

namespace caspio_cli {
namespace {

struct ImportArgs {
  std::string table;
  std::string input;
  std::string errors_path;
  bool dry_run = false;
  int jobs = 8;
};

struct Tally {
  std::size_t rows = 0;
  std::size_t written = 0;
  std::size_t failed = 0;
};

// Opens FILE ("-" = stdin); its size, when it is a regular file, for the progress total.
std::istream& open_input(const std::string& path, std::ifstream& file, std::uint64_t& size) {
  if (path == "-") return std::cin;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw CliError(exit_other, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) throw CliError(exit_other, "cannot read " + path + ": a directory");
  file.open(path, std::ios::binary);
  if (!file) {
    throw CliError(exit_other, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  if (S_ISREG(st.st_mode)) size = static_cast<std::uint64_t>(st.st_size);
  return file;
}

bool is_ndjson(const Context& ctx, const std::string& path) {
  if (ctx.format_given()) {
    const Format f = ctx.format();
    if (f != Format::csv && f != Format::ndjson) {
      throw CliError(exit_usage, "import reads csv or ndjson");
    }
    return f == Format::ndjson;
  }
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
  return ext == ".ndjson" || ext == ".jsonl" || ext == ".json";
}

// Errors that end the import: every later row would fail the same way.
bool fatal(const caspio::Error& e) {
  if (dynamic_cast<const caspio::AuthError*>(&e) ||
      dynamic_cast<const caspio::RateLimitError*>(&e) ||
      dynamic_cast<const caspio::TransportError*>(&e)) {
    return true;
  }
  return dynamic_cast<const caspio::NotFoundError*>(&e) != nullptr && e.code() != "FieldNotFound";
}

class FailureLog {
 public:
  FailureLog(const std::string& table, const std::string& path) : table_(table) {
    if (path.empty()) return;
    file_.open(path, std::ios::trunc);
    if (!file_) throw CliError(exit_other, "cannot write " + path + ": " + std::strerror(errno));
  }
  void add(const InputRow& row, const std::string& message, const caspio::Error* e) {
    if (!file_.is_open()) {
      std::cerr << fmt::format("caspio: import {}: line {}: {}\n", table_, row.line, message);
      return;
    }
    nlohmann::json entry = {{"line", row.line}, {"error", message}, {"record", row.record}};
    if (e != nullptr) {
      entry["code"] = e->code();
      entry["http_status"] = e->http_status();
      entry["request_id"] = e->info().request_id;
    }
    file_ << to_json_text(entry) << '\n';
    file_.flush();
  }

 private:
  std::string table_;
  std::ofstream file_;
};

// Rows read but not yet sent, in input order. A batch never holds two rows with the same value of
// a unique field (ignoring case, as Caspio's collation does), so the earlier line is always the one
// written and the later one the one Caspio refuses, whatever the order the POSTs arrive in.
class Batch {
 public:
  Batch(const FieldConverter& converter, std::size_t capacity)
      : converter_(converter), capacity_(capacity) {}

  // Adds `row` unless the batch is full or the row clashes with one in it (false: send first).
  bool add(const InputRow& row) {
    if (rows_.size() >= capacity_) return false;
    std::vector<std::string> keys;
    if (row.error.empty()) {
      for (const auto& [name, value] : row.record.items()) {
        if (!converter_.is_unique(name) || value.is_null()) continue;
        keys.push_back(lower_ascii(name) + '\x1f' +
                       lower_ascii(value.is_string() ? value.get<std::string>() : value.dump()));
        if (unique_.count(keys.back()) != 0) return rows_.empty() ? keep(row, keys) : false;
      }
    }
    return keep(row, keys);
  }
  std::vector<InputRow>& rows() { return rows_; }
  void clear() {
    rows_.clear();
    unique_.clear();
  }

 private:
  bool keep(const InputRow& row, const std::vector<std::string>& keys) {
    rows_.push_back(row);
    unique_.insert(keys.begin(), keys.end());
    return true;
  }
  const FieldConverter& converter_;
  std::size_t capacity_;
  std::vector<InputRow> rows_;
  std::set<std::string> unique_;
};

// Sends the batch's valid rows with create_records (`jobs` in flight) and reports every row in
// input order. A fatal error (after the batch is counted) ends the import.
void write_batch(Context& ctx, const ImportArgs& args, Batch& batch, Tally& tally,
                 FailureLog& log) {
  tally.rows += batch.rows().size();
  std::vector<nlohmann::json> records;
  std::vector<std::size_t> sent;  // index in the batch of each record sent
  for (std::size_t i = 0; i < batch.rows().size(); ++i) {
    const InputRow& row = batch.rows()[i];
    if (row.error.empty() && !row.record.empty() && !args.dry_run) {
      records.push_back(row.record);
      sent.push_back(i);
    }
  }
  std::vector<caspio::RecordOutcome> outcomes;
  if (!records.empty()) {
    caspio::CreateRecordsOptions options;
    options.in_flight = args.jobs;
    outcomes = ctx.client().tables().create_records(args.table, records, options);
  }
  std::exception_ptr fatal_error;
  std::size_t next = 0;
  for (std::size_t i = 0; i < batch.rows().size(); ++i) {
    const InputRow& row = batch.rows()[i];
    if (!row.error.empty() || row.record.empty()) {
      ++tally.failed;
      log.add(row, row.error.empty() ? "no values to write" : row.error, nullptr);
      continue;
    }
    if (next >= sent.size() || sent[next] != i) continue;  // --dry-run
    const caspio::RecordOutcome& outcome = outcomes[next++];
    if (outcome.ok()) {
      ++tally.written;
      continue;
    }
    try {
      std::rethrow_exception(outcome.error);
    } catch (const caspio::Error& e) {
      if (fatal(e)) {
        if (!fatal_error) fatal_error = outcome.error;
        continue;
      }
      ++tally.failed;
      log.add(row, describe(e), &e);
    }
  }
  batch.clear();
  if (fatal_error) std::rethrow_exception(fatal_error);
}

int run_import(Context& ctx, const ImportArgs& args) {
  const bool ndjson = is_ndjson(ctx, args.input);
  const FieldConverter converter(ctx.client().tables().definition(args.table));
  std::ifstream file;
  std::uint64_t size = 0;
  std::istream& in = open_input(args.input, file, size);
  auto reader = ndjson ? make_ndjson_reader(in, converter) : make_csv_reader(in, converter);
  FailureLog log(args.table, args.errors_path);
  Progress progress("import " + args.table, ProgressUnit::rows, ctx.progress_wanted());
  Tally tally;
  GracefulInterrupt graceful;
  // A few rounds of `jobs` POSTs per batch: a signal stops the import within one batch.
  Batch batch(converter, static_cast<std::size_t>(args.jobs) * 4);
  InputRow row;
  const auto report = [&] {
    if (size > 0 && reader->bytes() > 0) {
      progress.set_total(std::max<std::uint64_t>(tally.rows, tally.rows * size / reader->bytes()));
    }
    progress.update(tally.rows);
  };
  bool more = true;
  while (more && !interrupted()) {
    more = reader->next(row);
    if (more && batch.add(row)) continue;
    write_batch(ctx, args, batch, tally, log);
    report();
    if (more) batch.add(row);  // an empty batch takes any row
  }
  // After a signal, rows read but not yet sent are left out (neither counted nor written).
  report();
  progress.finish();
  if (!reader->skipped().empty() && !ctx.options.quiet) {
    std::string names;
    for (const auto& n : reader->skipped()) names += (names.empty() ? "" : ", ") + n;
    std::cerr << "caspio: import " << args.table
              << ": left out fields Caspio fills itself: " << names << "\n";
  }
  const nlohmann::json result = {{"table", args.table},      {"rows", tally.rows},
                                 {"written", tally.written}, {"failed", tally.failed},
                                 {"dry_run", args.dry_run},  {"interrupted", interrupted()}};
  // --format names the input here; the result is a table on a terminal, JSON otherwise.
  print_object(std::cout, ::isatty(STDOUT_FILENO) != 0 ? Format::table : Format::json,
               {"table", "rows", "written", "failed", "dry_run", "interrupted"}, result);
  if (interrupted()) return interrupt_exit_code();
  return tally.failed > 0 ? exit_partial : exit_ok;
}

}  // namespace

void add_import_command(CLI::App* group, Context& ctx) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = group->add_subcommand(
      "import", "Create records from CSV (header row = field names) or NDJSON, several at a time");
  cmd->add_option("TABLE", args->table, "The table to write to")->required();
  cmd->add_option("FILE", args->input,
                  "Input file (\"-\" = stdin): .ndjson/.jsonl/.json is NDJSON, else CSV, unless "
                  "--format csv|ndjson is given")
      ->required();
  cmd->add_option("--errors", args->errors_path,
                  "Write failed rows here (NDJSON: line, error, code, request_id, record) instead "
                  "of stderr");
  cmd->add_flag("--dry-run", args->dry_run, "Read and check every row, write nothing");
  cmd->add_option("--jobs", args->jobs,
                  "Record POSTs in flight at once (REST v2 creates one record per request); of "
                  "two rows with the same unique value, the earlier line is written")
      ->check(CLI::Range(1, 64))
      ->default_val(8);
  on_run(cmd, ctx, [&ctx, args] { return run_import(ctx, *args); });
}

}  // namespace caspio_cli
