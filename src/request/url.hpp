#pragma once
// URL building and checks: percent-encoding, loopback detection, the 2047-character limit.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "request/limits.hpp"

namespace caspio {
namespace detail {

/// Query parameters in order (names and values not yet encoded).
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// Percent-encodes every byte except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(std::string_view text);

/// Parts of an absolute http(s) URL.
struct UrlParts {
  std::string scheme;  ///< Lower-cased: "http" or "https".
  std::string host;    ///< Host without brackets, lower-cased.
  std::string port;    ///< "" when absent.
  std::string path;    ///< From the first '/' after the authority ("" when absent).
};

/// Splits an absolute URL. Throws InvalidArgumentError when it is not `scheme://host…`.
UrlParts parse_url(const std::string& url);

/// True for 127.0.0.1 (any 127.x.y.z), ::1 and localhost.
bool is_loopback_host(const std::string& host);

/// Throws InvalidArgumentError unless `url` is https, or http to a loopback host.
void check_url_allowed(const std::string& url, const char* what);

/// `scheme://host[:port]` of an absolute URL.
std::string origin_of(const std::string& url);

/// `base` + "/" + each encoded segment + "?" + encoded params. Throws InvalidArgumentError when
/// the result is longer than kMaxUriLength.
std::string build_url(const std::string& base, const std::vector<std::string>& segments,
                      const QueryParams& params = {});

/// `name=value&…` with both sides percent-encoded.
std::string encode_form(const QueryParams& params);

}  // namespace detail
}  // namespace caspio
