#pragma once
// JSON string escaping of one character, shared by the SDK's export writer and the emulator's
// answer writer (both write JSON text without building a DOM). Header-only, no dependencies.

#include <string>

namespace caspio {
namespace common {

/// Appends the JSON escape of `c`, a character that must be escaped inside a JSON string
/// ('"', '\\' or a control character below 0x20).
inline void append_json_escape(std::string& out, char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: {
      const auto u = static_cast<unsigned char>(c);
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    }
  }
}

}  // namespace common
}  // namespace caspio
