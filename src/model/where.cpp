#include "caspio/where.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "answer/errors.hpp"

namespace caspio {

SqlValue::SqlValue(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) {
    detail::throw_invalid("SQL string values must not contain NUL characters");
  }
  text_.reserve(value.size() + 2);
  text_ += '\'';
  for (const char c : value) {
    text_ += c;
    if (c == '\'') text_ += '\'';
  }
  text_ += '\'';
}

SqlValue::SqlValue(const char* value) {
  if (value == nullptr) detail::throw_invalid("null const char* given as a SQL value");
  text_ = SqlValue(std::string_view(value)).text_;
}

SqlValue::SqlValue(double value, int) {
  if (!std::isfinite(value)) {
    detail::throw_invalid("SQL numeric values must be finite (no NaN or infinity)");
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  text_.assign(buffer, result.ptr);
}

std::string SqlValue::join_list(const std::vector<SqlValue>& items) {
  if (items.empty()) detail::throw_invalid("an empty list cannot be used as a SQL value");
  std::string out = "(";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += ", ";
    out += items[i].text();
  }
  out += ')';
  return out;
}

Where::Where(const std::string& format, const std::vector<SqlValue>& values, int) {
  std::size_t next = 0;
  std::string out;
  out.reserve(format.size() + 16 * values.size());
  bool in_string = false;  // inside a '…' literal of the format ('' toggles twice)
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '\'') in_string = !in_string;
    if (c == '{' && in_string && i + 1 < format.size() && format[i + 1] == '}') {
      // '{}' would put the quoted value inside the literal: its quotes would end the literal.
      detail::throw_invalid(fmt::format(
          "Where format '{}': a {{}} placeholder inside a quoted string (at {}); write the "
          "placeholder without quotes, the value is quoted for you",
          format, i));
    }
    if (c == '{') {
      if (i + 1 < format.size() && format[i + 1] == '{') {
        out += '{';
        ++i;
      } else if (i + 1 < format.size() && format[i + 1] == '}') {
        if (next >= values.size()) {
          detail::throw_invalid(
              fmt::format("Where format '{}' has more {{}} placeholders than the {} value(s) given",
                          format, values.size()));
        }
        out += values[next++].text();
        ++i;
      } else {
        detail::throw_invalid(
            fmt::format("Where format '{}': '{{' must be '{{}}' or '{{{{' (at {})", format, i));
      }
    } else if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        ++i;
      } else {
        detail::throw_invalid(
            fmt::format("Where format '{}': unmatched '}}' at {} (write '}}}}')", format, i));
      }
    } else {
      out += c;
    }
  }
  if (next != values.size()) {
    detail::throw_invalid(fmt::format("Where format '{}' uses {} value(s) but {} were given",
                                      format, next, values.size()));
  }
  clause_ = std::move(out);
}

Where::Where(const char* format) {
  if (format == nullptr) detail::throw_invalid("null const char* given as a Where clause");
  *this = Where(std::string(format), std::vector<SqlValue>{}, 0);
}

Where Where::raw(std::string clause) {
  Where w;
  w.clause_ = std::move(clause);
  return w;
}

Where Where::all() {
  Where w;
  w.clause_ = "1=1";
  w.all_ = true;
  return w;
}

}  // namespace caspio
