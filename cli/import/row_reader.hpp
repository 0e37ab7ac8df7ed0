#pragma once
/// @file
/// Input rows of an import, from CSV (header row = field names) or NDJSON, converted for a table.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "import/field_converter.hpp"

namespace caspio_cli {

/// One input row: where it started, the record to write, or why it cannot be written.
struct InputRow {
  std::size_t line = 0;                              ///< Line it started on (from 1).
  nlohmann::json record = nlohmann::json::object();  ///< Converted values by field name.
  std::string error;                                 ///< Why the row is refused; "" when valid.
};

/// Reads rows one by one.
class RowReader {
 public:
  virtual ~RowReader() = default;
  /// Reads the next row; false at the end of input.
  virtual bool next(InputRow& row) = 0;
  /// Bytes of input consumed so far.
  virtual std::uint64_t bytes() const = 0;
  /// Input columns left out because Caspio fills them (seen so far).
  const std::set<std::string>& skipped() const noexcept { return skipped_; }

 protected:
  std::set<std::string> skipped_;  ///< Filled by implementations.
};

/// A reader of CSV from `in`: reads the header at once.
/// @throws CliError (usage) when the input is empty or the header names a column that is not a
/// field of the table (nothing is written then).
std::unique_ptr<RowReader> make_csv_reader(std::istream& in, const FieldConverter& converter);

/// A reader of NDJSON (one JSON object per line) from `in`; an unknown key fails its row.
std::unique_ptr<RowReader> make_ndjson_reader(std::istream& in, const FieldConverter& converter);

}  // namespace caspio_cli
