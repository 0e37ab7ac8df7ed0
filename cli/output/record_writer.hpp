#pragma once
/// @file
/// Writes a stream of records in one format, one record at a time (tables are buffered). The
/// JSON, NDJSON, CSV and TSV text comes from the SDK's caspio::RowWriter, as the SDK's exports do.

#include <cstddef>
#include <memory>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <caspio/row.hpp>
#include <caspio/row_writer.hpp>
#include <nlohmann/json.hpp>

#include "output/columns.hpp"
#include "output/format.hpp"

namespace caspio_cli {

/// How CSV and TSV text looks: set once from the global flags (`--no-header`, `--line-ending`).
struct TextStyle {
  bool header = true;                                         ///< A header line of column names.
  caspio::LineEnding line_ending = caspio::LineEnding::crlf;  ///< RFC 4180's CRLF by default.
};

/// Sets the style every RecordWriter made afterwards uses.
void set_text_style(const TextStyle& style);
/// Adds `--no-header` and `--line-ending crlf|lf`, which set the style when parsed.
void add_text_style_options(CLI::App& app);

/// Writes records to a stream: JSON (`[` one record per line `]`), NDJSON, CSV or TSV (header
/// from the column order) or an aligned table (rendered by finish()). Columns follow the
/// ColumnOrder, fixed by the first record; rows keep Caspio's field order otherwise.
class RecordWriter {
 public:
  /// A writer of `format` to `out`, columns as `order` decides.
  RecordWriter(std::ostream& out, Format format, ColumnOrder order);
  ~RecordWriter();
  /// Writes one record as read.
  void write(const caspio::Row& record);
  /// Writes one record built by the tool (a JSON object), its keys in the column order.
  void write(const nlohmann::json& record);
  /// Ends the output (closing bracket, the header of an empty CSV, or the whole table). Call once.
  void finish();
  /// Records written so far.
  std::size_t count() const noexcept { return count_; }

 private:
  void start();
  std::ostream& out_;
  Format format_;
  ColumnOrder order_;
  std::unique_ptr<caspio::RowWriter> text_;
  std::size_t count_ = 0;
  std::vector<nlohmann::json> buffered_;
};

/// Writes `rows` with `columns` (in that order) as `format` to `out`.
void print_rows(std::ostream& out, Format format, const std::vector<std::string>& columns,
                const std::vector<nlohmann::json>& rows);

/// Writes one object: JSON object, one NDJSON line, a CSV header and row, or a two-column table
/// (Field, Value); keys in `keys` order first.
void print_object(std::ostream& out, Format format, const std::vector<std::string>& keys,
                  const nlohmann::json& object);

}  // namespace caspio_cli
