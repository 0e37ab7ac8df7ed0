#pragma once
/// @file
/// Column order of record output: the `--select` order, else a preferred order, else the record's.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace caspio_cli {

/// Decides the columns of a stream of records from its first record: the preferred names that
/// the record has (matched exactly, else ignoring ASCII case), then its other keys in their
/// order (alphabetical for nlohmann::json, Caspio's for a row). `PK_ID` is dropped when asked.
class ColumnOrder {
 public:
  /// Columns in `preferred` order first; `drop_pk_id` leaves `PK_ID` out.
  explicit ColumnOrder(std::vector<std::string> preferred = {}, bool drop_pk_id = false);
  /// The columns for records shaped like `first` (fixed by the first call).
  const std::vector<std::string>& resolve(const nlohmann::json& first);
  /// The same for a record whose members keep their order (a row as read).
  const std::vector<std::string>& resolve(const nlohmann::ordered_json& first);
  /// The columns fixed so far; the preferred ones until resolve() was called.
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  /// True when `key` is left out of the output.
  bool dropped(const std::string& key) const noexcept { return drop_pk_id_ && key == "PK_ID"; }

 private:
  template <typename Json>
  const std::vector<std::string>& resolve_as(const Json& first);
  std::vector<std::string> columns_;
  bool drop_pk_id_ = false;
  bool resolved_ = false;
};

}  // namespace caspio_cli
