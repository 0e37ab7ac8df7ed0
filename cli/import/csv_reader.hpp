#pragma once
/// @file
/// An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace caspio_cli {

/// Reads CSV records one at a time from a stream.
class CsvReader {
 public:
  /// Reads from `in` (not owned). A UTF-8 byte order mark at the start is skipped.
  explicit CsvReader(std::istream& in);
  /// Reads the next record into `fields`; false at the end of input. A malformed record (text
  /// after a closing quote, a quote left open at the end) sets error() and still returns true,
  /// with the fields read so far; the next call continues after it. A quote left open swallows
  /// the rest of the input: each non-blank line after the one it opened on then comes back as a
  /// record of its own, with no fields and an error() naming that line, so that every row not
  /// imported is reported.
  bool next(std::vector<std::string>& fields);
  /// The line the last record started on (from 1).
  std::size_t line() const noexcept { return record_line_; }
  /// What was wrong with the last record, or "".
  const std::string& error() const noexcept { return error_; }
  /// Bytes consumed so far.
  std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  int get();
  int peek();
  std::istream& in_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::uint64_t bytes_ = 0;
  std::string error_;
  bool started_ = false;
  std::vector<std::size_t> swallowed_;  // lines inside a quote left open, still to report
  std::size_t swallowed_next_ = 0;      // the next of them to report
  std::size_t open_quote_line_ = 0;     // where that quote opened
};

}  // namespace caspio_cli
