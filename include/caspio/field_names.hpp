#pragma once
/// @file
/// The field names of a read's rows, in Caspio's order, shared by every row that has them.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "caspio/export.hpp"

namespace caspio {

/// The names of a row's fields in the order Caspio sent them. One table is shared (through
/// std::shared_ptr) by every row of a read that has the same fields, so a row holds its values
/// only. Names are unique within a table.
/// @par Thread safety
/// Immutable; safe to share between threads.
class CASPIO_EXPORT FieldNames {
 public:
  /// A table of `names`. @throws caspio::InvalidArgumentError when a name repeats.
  explicit FieldNames(std::vector<std::string> names);
  /// Number of fields.
  std::size_t size() const noexcept { return names_.size(); }
  /// Name of field `i` (unchecked: `i` < size()).
  const std::string& operator[](std::size_t i) const noexcept { return names_[i]; }
  /// Every name, in order.
  const std::vector<std::string>& names() const noexcept { return names_; }
  /// Position of `name` (exact, case-sensitive match), or std::nullopt.
  std::optional<std::size_t> find(std::string_view name) const noexcept;
  /// True when both tables hold the same names in the same order.
  bool same_as(const FieldNames& other) const noexcept { return names_ == other.names_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::pair<std::string_view, std::size_t>> sorted_;  // for large tables only
};

}  // namespace caspio
