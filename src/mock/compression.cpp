#include "compression.hpp"

#include <zlib.h>

#include <stdexcept>

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// The q value of one `coding;q=…` item (1 when absent).
double quality(const std::string& params) {
  const auto q = ascii_lower(params).find("q=");
  if (q == std::string::npos) return 1.0;
  try {
    return std::stod(params.substr(q + 2));
  } catch (const std::exception&) {
    return 0.0;
  }
}

}  // namespace

bool accepts_gzip(const std::string& accept_encoding) {
  bool any = false;
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    auto end = accept_encoding.find(',', start);
    if (end == std::string::npos) end = accept_encoding.size();
    const std::string item = accept_encoding.substr(start, end - start);
    const auto semi = item.find(';');
    const std::string coding = ascii_lower(trim(item.substr(0, semi)));
    const double q = semi == std::string::npos ? 1.0 : quality(item.substr(semi + 1));
    if (coding == "gzip" || coding == "x-gzip") return q > 0;
    if (coding == "*") any = q > 0;
    start = end + 1;
  }
  return any;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
