#pragma once
// gzip answers, as Caspio sends them to clients that accept them.

#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// True when an `Accept-Encoding` value accepts gzip: `gzip` or `*` listed without `q=0`.
bool accepts_gzip(const std::string& accept_encoding);
/// `data` as one gzip member (RFC 1952). Throws std::runtime_error if zlib fails.
std::string gzip(const std::string& data);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
