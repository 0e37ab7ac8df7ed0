#include "output/text_width.hpp"

namespace caspio_cli {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes
};

CodePoint decode(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
  if (length == 0 || pos + length > text.size()) return {0xFFFD, 1};
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (byte(i) & 0x3F);
  }
  return {value, length};
}

int width_of(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFE0F) return 0;
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode(text, pos);
    width += static_cast<std::size_t>(width_of(cp.value));
    pos += cp.length;
  }
  return width;
}

std::string fit_cell(std::string_view text, std::size_t max_width) {
  std::string out;
  std::size_t width = 0;
  const bool too_wide = display_width(text) > max_width;
  const std::size_t budget = too_wide && max_width > 0 ? max_width - 1 : max_width;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode(text, pos);
    const auto w = static_cast<std::size_t>(width_of(cp.value));
    if (width + w > budget) break;
    if (cp.value < 0x20 || cp.value == 0x7F) {
      out += ' ';
    } else if (cp.value == 0xFFFD && cp.length == 1) {
      out += "\uFFFD";  // an invalid byte
    } else {
      out.append(text.substr(pos, cp.length));
    }
    width += w;
    pos += cp.length;
  }
  if (too_wide) out += "\u2026";
  return out;
}

}  // namespace caspio_cli
