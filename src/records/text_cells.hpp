#pragma once
// How an export writes one value: a JSON string escaped as nlohmann::json::dump() does, a CSV cell
// quoted when it must be, a number in the form dump() gives it. Shared by both page converters.

#include <charconv>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/json_escape.hpp"

namespace caspio {
namespace detail {

/// Appends `text` as a JSON string; runs of plain bytes are appended at once.
inline void append_quoted(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(text.data() + plain, i - plain);
    common::append_json_escape(out, c);
    plain = i + 1;
  }
  out.append(text.data() + plain, text.size() - plain);
  out.push_back('"');
}

/// Appends `text` as one CSV cell (RFC 4180: quoted when it holds a comma, quote or line break).
inline void append_csv(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text.data(), text.size());
    return;
  }
  out.push_back('"');
  for (const char c : text) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  out.push_back('"');
}

/// Appends an integer as to_chars writes it (as dump() does).
template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

/// Appends a double as nlohmann::json::dump() writes it (shortest round trip, "1.0" not "1").
inline void append_double(std::string& out, double value) {
  out += nlohmann::json(value).dump();
}

}  // namespace detail
}  // namespace caspio
