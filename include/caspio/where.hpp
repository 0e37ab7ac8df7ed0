#pragma once
/// @file
/// WHERE clauses built from a format and values quoted as safe SQL literals.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "caspio/export.hpp"

namespace caspio {

/// One value rendered as a T-SQL literal: strings in single quotes with `'` doubled
/// (`O'Brien` → `'O''Brien'`), integers and finite floating-point numbers unquoted, `bool` as
/// 1/0, `nullptr` and an empty `std::optional` as NULL, a `std::vector` as `(a, b, c)` for `IN`.
/// @par Thread safety
/// A value type; distinct objects may be used from distinct threads.
class CASPIO_EXPORT SqlValue {
 public:
  /// NULL.
  SqlValue(std::nullptr_t) : text_("NULL") {}
  /// 1 or 0 (Caspio's YES/NO).
  SqlValue(bool value) : text_(value ? "1" : "0") {}
  /// A quoted string. @throws InvalidArgumentError if it contains a NUL character.
  SqlValue(std::string_view value);
  /// A quoted string. @throws InvalidArgumentError if it contains a NUL character.
  SqlValue(const std::string& value) : SqlValue(std::string_view(value)) {}
  /// A quoted string. @throws InvalidArgumentError if null or it contains a NUL character.
  SqlValue(const char* value);
  /// A quoted one-character string.
  SqlValue(char value) : SqlValue(std::string_view(&value, 1)) {}
  /// An integer, unquoted.
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                             !std::is_same_v<T, char>,
                                         int> = 0>
  SqlValue(T value) : text_(std::to_string(value)) {}
  /// A floating-point number, unquoted, shortest round-trip form.
  /// @throws InvalidArgumentError for NaN or infinity.
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  SqlValue(T value) : SqlValue(static_cast<double>(value), 0) {}
  /// The contained value, or NULL when empty.
  template <typename T>
  SqlValue(const std::optional<T>& value) : text_("NULL") {
    if (value) text_ = SqlValue(*value).text();
  }
  /// A parenthesised list `(a, b, c)` for `IN`. @throws InvalidArgumentError when empty.
  template <typename T>
  SqlValue(const std::vector<T>& values) {
    std::vector<SqlValue> items;
    items.reserve(values.size());
    for (const auto& v : values) items.emplace_back(v);
    text_ = join_list(items);
  }

  /// The literal as it appears in the clause.
  const std::string& text() const noexcept { return text_; }

 private:
  SqlValue(double value, int);
  static std::string join_list(const std::vector<SqlValue>& items);
  std::string text_;
};

/// A WHERE clause (without the keyword) for `q.where`.
///
/// Built from a format in which each `{}` is replaced by the next value rendered as a SqlValue
/// (`{{` and `}}` stand for literal braces), so values are never pasted as raw text:
/// `Where{"Last_Name = {} AND Active = {}", "O'Brien", true}` →
/// `Last_Name = 'O''Brien' AND Active = 1`.
/// @par Thread safety
/// A value type; distinct objects may be used from distinct threads.
class CASPIO_EXPORT Where {
 public:
  /// No clause (refused by bulk writes; means "no filter" for reads).
  Where() = default;
  /// Formats `format` with `values`.
  /// @throws InvalidArgumentError when the number of `{}` differs from the number of values, or
  /// a brace is unmatched.
  template <typename... Values>
  Where(std::string_view format, const Values&... values)
      : Where(std::string(format), std::vector<SqlValue>{SqlValue(values)...}, 0) {}
  /// A clause without values; braces follow the same rules (`{{` for `{`).
  /// @throws InvalidArgumentError for an unmatched brace or a `{}` placeholder.
  Where(const std::string& format) : Where(format, std::vector<SqlValue>{}, 0) {}
  /// As Where(const std::string&); lets a string literal convert implicitly.
  /// @throws InvalidArgumentError for a null pointer, an unmatched brace or a `{}`.
  Where(const char* format);
  /// A clause used exactly as written (no brace processing). You are responsible for quoting.
  static Where raw(std::string clause);
  /// The explicit "every row" marker accepted by update_records, delete_records and the
  /// password-value methods; sent as `1=1`.
  static Where all();

  /// The clause as sent; "" when empty.
  const std::string& str() const noexcept { return clause_; }
  /// True when there is no clause.
  bool empty() const noexcept { return clause_.empty(); }
  /// True when made by all().
  bool matches_all() const noexcept { return all_; }

 private:
  Where(const std::string& format, const std::vector<SqlValue>& values, int);
  std::string clause_;
  bool all_ = false;
};

}  // namespace caspio
