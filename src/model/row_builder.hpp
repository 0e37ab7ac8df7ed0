#pragma once
// Builds Rows one value at a time into reused buffers; finish() copies them into the row's one
// block. Used by the page parser (simdjson) and by Row::from_json.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "caspio/row.hpp"

namespace caspio {
namespace detail {

class RowBuilder {
 public:
  /// Values of the row being built, in order.
  void add_null() { cells_.emplace_back(); }
  void add_bool(bool value) {
    ValueCell& c = cells_.emplace_back();
    c.kind = ValueKind::boolean;
    c.boolean = value;
  }
  void add_integer(std::int64_t value) {
    ValueCell& c = cells_.emplace_back();
    c.kind = ValueKind::integer;
    c.integer = value;
  }
  void add_unsigned(std::uint64_t value);
  void add_number(double value) {
    ValueCell& c = cells_.emplace_back();
    c.kind = ValueKind::number;
    c.number = value;
  }
  void add_string(std::string_view text) { add_text(ValueKind::string, text); }
  /// A list value as compact JSON text.
  void add_list(std::string_view json) { add_text(ValueKind::list, json); }
  /// The text buffer, to write a list's JSON into directly; then call end_list(start).
  std::string& text() noexcept { return text_; }
  /// Records the list written into text() from `start` on.
  void end_list(std::size_t start);

  /// Number of values added so far.
  std::size_t count() const noexcept { return cells_.size(); }
  /// Moves value `from` into slot `to` and drops slot `from` (a repeated key: last value wins,
  /// first position kept). `from` must be the last value.
  void replace_with_last(std::size_t to);

  /// The row of the values added, named by `names` (names->size() == count()); resets.
  Row finish(std::shared_ptr<const FieldNames> names);
  /// Drops the values added.
  void clear() noexcept {
    cells_.clear();
    text_.clear();
  }

 private:
  void add_text(ValueKind kind, std::string_view text);
  std::vector<ValueCell> cells_;
  std::string text_;
};

}  // namespace detail
}  // namespace caspio
