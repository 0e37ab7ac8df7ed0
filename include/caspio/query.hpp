#pragma once
/// @file
/// The `q.select`, `q.where`, … parameters of a records read, validated against Caspio's ranges.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "caspio/error.hpp"
#include "caspio/export.hpp"
#include "caspio/where.hpp"

namespace caspio {

/// Selection criteria of a records read: `q.select`, `q.where`, `q.groupBy`, `q.orderBy`,
/// `q.limit`, `q.pageNumber`, `q.pageSize`. Unset (or empty) parameters are not sent.
/// Setters check Caspio's ranges at once and return `*this` for chaining:
/// `caspio::Query{}.select("First_Name, Email").where("Office_State = {}", "MI")`.
/// @par Thread safety
/// A value type; distinct objects may be used from distinct threads.
class CASPIO_EXPORT Query {
 public:
  /// Fields to return (`q.select`), e.g. "First_Name, Email"; "" means all fields.
  Query& select(std::string fields);
  /// Filter (`q.where`).
  Query& where(Where clause);
  /// Filter formatted as Where{format, values...} does.
  /// @throws InvalidArgumentError as Where's constructor does.
  template <typename... Values>
  Query& where(std::string_view format, const Values&... values) {
    return where(Where(format, values...));
  }
  /// Grouping (`q.groupBy`).
  Query& group_by(std::string fields);
  /// Order (`q.orderBy`), e.g. "Last_Name DESC, PK_ID".
  Query& order_by(std::string fields);
  /// Maximum rows of a single read (`q.limit`), 1..1000.
  /// @throws InvalidArgumentError when out of range.
  Query& limit(int rows);
  /// Page to read (`q.pageNumber`), from 1.
  /// @throws InvalidArgumentError when below 1.
  Query& page_number(int page);
  /// Rows per page (`q.pageSize`), 5..1000.
  /// @throws InvalidArgumentError when out of range.
  Query& page_size(int rows);
  /// Pages a fetch-all read (records(), get_records(), get_records_stream_to_file()) fetches
  /// ahead of the caller on background threads, 0..16; 0 (the default) fetches one page at a
  /// time when the previous one is used up. At most `pages` pages are held or in flight; rows
  /// still arrive in order, exactly once, with the same errors, retries and token handling.
  /// Not sent to Caspio. @throws InvalidArgumentError when out of range.
  Query& prefetch(int pages) {
    if (pages < 0 || pages > 16) {
      ErrorInfo info;
      info.message = "prefetch must be 0..16 pages";
      throw InvalidArgumentError(std::move(info));
    }
    prefetch_ = pages;
    return *this;
  }

  /// `q.select` value ("" when unset).
  const std::string& select() const noexcept { return select_; }
  /// The names the rows' fields will have, in the select list's order: `"First_Name, Email"`
  /// gives {First_Name, Email}, `"Full_Name AS Name"` gives {Name}, `"t.Email"` gives {Email};
  /// commas inside parentheses or quotes do not split. Empty when no select is set or when it
  /// holds `*` (then the fields are the table's).
  std::vector<std::string> select_names() const;
  /// `q.where` value.
  const Where& where() const noexcept { return where_; }
  /// `q.groupBy` value ("" when unset).
  const std::string& group_by() const noexcept { return group_by_; }
  /// `q.orderBy` value ("" when unset).
  const std::string& order_by() const noexcept { return order_by_; }
  /// `q.limit` value, if set.
  std::optional<int> limit() const noexcept { return limit_; }
  /// `q.pageNumber` value, if set.
  std::optional<int> page_number() const noexcept { return page_number_; }
  /// `q.pageSize` value, if set.
  std::optional<int> page_size() const noexcept { return page_size_; }
  /// Pages fetched ahead (0: none).
  int prefetch() const noexcept { return prefetch_; }

 private:
  std::string select_;
  Where where_;
  std::string group_by_;
  std::string order_by_;
  std::optional<int> limit_;
  std::optional<int> page_number_;
  std::optional<int> page_size_;
  int prefetch_ = 0;
};

}  // namespace caspio
