#pragma once
/// @file
/// Writes a stream of records in one format, one record at a time (tables are buffered).

#include <cstddef>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/columns.hpp"
#include "output/format.hpp"

namespace caspio_cli {

/// Writes records to a stream: JSON (`[` one record per line `]`), NDJSON, CSV (header from the
/// column order, `\n` line ends) or an aligned table (rendered by finish()). Keys and columns
/// follow the ColumnOrder, fixed by the first record.
class RecordWriter {
 public:
  /// A writer of `format` to `out`, columns as `order` decides.
  RecordWriter(std::ostream& out, Format format, ColumnOrder order);
  /// Writes one record (a JSON object).
  void write(const nlohmann::json& record);
  /// Ends the output (closing bracket, or the whole table). Call once.
  void finish();
  /// Records written so far.
  std::size_t count() const noexcept { return count_; }

 private:
  void write_csv(const nlohmann::json& record);
  std::ostream& out_;
  Format format_;
  ColumnOrder order_;
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
