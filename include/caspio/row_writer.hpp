#pragma once
/// @file
/// The one writer of records as text: JSON array, NDJSON or CSV (RFC 4180), used by the SDK's
/// exports and by the `caspio` command-line tool.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "caspio/export.hpp"
#include "caspio/row.hpp"
#include "caspio/write_result.hpp"

namespace caspio {

/// How CSV lines end.
enum class LineEnding {
  crlf,  ///< `\r\n`, as RFC 4180 says (the default).
  lf,    ///< `\n`.
};

/// What a RowWriter writes.
struct CASPIO_EXPORT RowWriterOptions {
  /// JSON array, NDJSON (one object per line, `\n`) or CSV.
  StreamFormat format = StreamFormat::json_array;
  /// CSV: the field separator (`,`; `\t` for TSV). Must not be `"`, `\r` or `\n`.
  char delimiter = ',';
  /// CSV: the line ending.
  LineEnding line_ending = LineEnding::crlf;
  /// CSV: write a header line of the column names (also when no row is written).
  bool header = true;
  /// CSV: the columns, in order; when empty, the first row's fields (in Caspio's order) minus
  /// `omit`. A row without one of them gets an empty cell; its other fields are not written.
  /// Give them to have a header for an empty read.
  std::vector<std::string> columns;
  /// Fields left out of every format (the SDK's exports leave out `PK_ID`).
  std::vector<std::string> omit;
  /// JSON array: `[` and `]` on lines of their own and one row per line, instead of the whole
  /// array on one line (the seed SDK's format).
  bool one_row_per_line = false;
};

/// Writes rows as text to a sink, in pieces of about 64 KiB. Every format keeps each row's field
/// order. CSV cells: text as is (quoted when it holds the delimiter, a quote, CR or LF; quotes
/// doubled), numbers and booleans as JSON writes them, null as an empty cell, lists as JSON.
/// JSON strings are escaped as nlohmann::json::dump() escapes them.
/// @par Thread safety
/// One writer belongs to one thread.
class CASPIO_EXPORT RowWriter {
 public:
  /// Receives the text, in order; may throw (the exception passes through write/finish).
  using Sink = std::function<void(std::string_view text)>;
  /// A writer to `sink`. @throws caspio::InvalidArgumentError for a bad delimiter.
  explicit RowWriter(Sink sink, RowWriterOptions options = {});
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  /// Writes one row (its text may stay buffered until the buffer fills or finish()).
  void write(const Row& row);
  /// Writes what ends the text (`]`, or a CSV header when no row was written) and hands the
  /// rest of the buffer to the sink. Call once, after the last row.
  void finish();
  /// Rows written so far.
  std::size_t rows() const noexcept;
  /// The CSV columns (fixed by the options or the first row; empty before that).
  const std::vector<std::string>& columns() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caspio
