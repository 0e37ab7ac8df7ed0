// PNG writer: IHDR, one IDAT holding an uncompressed ("stored") zlib stream, optional tEXt, IEND.
#include "file_png.hpp"

#include <array>

namespace caspio {
namespace mock {
namespace detail {
namespace {

constexpr int kSide = 16;

std::uint32_t crc32(const std::string& bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(const std::string& bytes) {
  std::uint32_t a = 1, b = 0;
  for (unsigned char x : bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

void put_u32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>(v >> 16);
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  out += typed;
  put_u32(out, crc32(typed));
}

// Filter byte 0 per row, then RGB pixels of a seed-coloured diagonal gradient.
std::string raw_scanlines(std::uint32_t seed) {
  const unsigned r0 = (seed * 97u) & 0xFF, g0 = (seed * 57u + 80u) & 0xFF,
                 b0 = (seed * 31u + 160u) & 0xFF;
  std::string raw;
  for (int y = 0; y < kSide; ++y) {
    raw += '\0';
    for (int x = 0; x < kSide; ++x) {
      raw += static_cast<char>((r0 + 8 * x) & 0xFF);
      raw += static_cast<char>((g0 + 8 * y) & 0xFF);
      raw += static_cast<char>((b0 + 4 * (x + y)) & 0xFF);
    }
  }
  return raw;
}

// A zlib stream with one final stored deflate block (raw is far below 65535 bytes).
std::string zlib_stored(const std::string& raw) {
  std::string z;
  z += static_cast<char>(0x78);
  z += static_cast<char>(0x01);
  z += static_cast<char>(0x01);  // BFINAL=1, BTYPE=00
  const auto len = static_cast<std::uint16_t>(raw.size());
  const auto nlen = static_cast<std::uint16_t>(~len);
  z += static_cast<char>(len & 0xFF);
  z += static_cast<char>(len >> 8);
  z += static_cast<char>(nlen & 0xFF);
  z += static_cast<char>(nlen >> 8);
  z += raw;
  put_u32(z, adler32(raw));
  return z;
}

}  // namespace

std::string make_png(std::uint32_t seed, std::size_t exact_size) {
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  put_u32(ihdr, kSide);
  put_u32(ihdr, kSide);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter/interlace
  put_chunk(png, "IHDR", ihdr);
  put_chunk(png, "IDAT", zlib_stored(raw_scanlines(seed)));

  constexpr std::size_t kIend = 12;
  const std::string keyword = std::string("Comment") + '\0';
  const std::size_t text_overhead = 12 + keyword.size();
  if (exact_size >= png.size() + kIend + text_overhead) {
    const std::size_t fill = exact_size - png.size() - kIend - text_overhead;
    std::string text = keyword;
    const std::string motto = "caspio-mock demo image " + std::to_string(seed) + ". ";
    while (text.size() < keyword.size() + fill) text += motto;
    text.resize(keyword.size() + fill);
    put_chunk(png, "tEXt", text);
  }
  put_chunk(png, "IEND", "");
  return png;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
