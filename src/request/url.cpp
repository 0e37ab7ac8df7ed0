#include "request/url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "answer/errors.hpp"
#include "caspio/error.hpp"

namespace caspio {
namespace detail {

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

UrlParts parse_url(const std::string& url) {
  const auto sep = url.find("://");
  if (sep == std::string::npos || sep == 0) {
    throw_invalid(fmt::format("not an absolute URL: '{}'", url));
  }
  UrlParts parts;
  parts.scheme = lower(url.substr(0, sep));
  const auto authority_begin = sep + 3;
  auto authority_end = url.find_first_of("/?#", authority_begin);
  if (authority_end == std::string::npos) authority_end = url.size();
  std::string authority = url.substr(authority_begin, authority_end - authority_begin);
  parts.path = url.substr(authority_end);
  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    throw_invalid("URLs with user information are refused (pass credentials separately)");
  }
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string::npos) throw_invalid(fmt::format("bad IPv6 host in URL: '{}'", url));
    parts.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') {
      parts.port = authority.substr(close + 2);
    }
  } else {
    const auto colon = authority.rfind(':');
    parts.host = authority.substr(0, colon);
    if (colon != std::string::npos) parts.port = authority.substr(colon + 1);
  }
  parts.host = lower(parts.host);
  if (parts.host.empty()) throw_invalid(fmt::format("URL without a host: '{}'", url));
  return parts;
}

bool is_loopback_host(const std::string& host) {
  const std::string h = lower(host);
  if (h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1") return true;
  if (h.rfind("127.", 0) == 0) {
    return std::all_of(h.begin(), h.end(),
                       [](unsigned char c) { return std::isdigit(c) != 0 || c == '.'; });
  }
  return false;
}

void check_url_allowed(const std::string& url, const char* what) {
  const UrlParts parts = parse_url(url);
  if (parts.scheme == "https") return;
  if (parts.scheme == "http") {
    if (is_loopback_host(parts.host)) return;
    throw_invalid(
        fmt::format("{}: plain http:// is refused for host '{}' (only loopback hosts may use http)",
                    what, parts.host));
  }
  throw_invalid(fmt::format("{}: unsupported URL scheme '{}'", what, parts.scheme));
}

std::string origin_of(const std::string& url) {
  const auto sep = url.find("://");
  if (sep == std::string::npos) throw_invalid(fmt::format("not an absolute URL: '{}'", url));
  const auto end = url.find_first_of("/?#", sep + 3);
  return url.substr(0, end);
}

std::string encode_form(const QueryParams& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
  }
  return out;
}

std::string build_url(const std::string& base, const std::vector<std::string>& segments,
                      const QueryParams& params) {
  std::string url = base;
  for (const auto& segment : segments) {
    // libcurl and servers resolve "." and ".." as dot segments: the request would reach
    // another resource (e.g. every DataPage instead of one).
    if (segment == "." || segment == "..") {
      throw_invalid(
          fmt::format("'{}' cannot be used as a name: it is a relative path segment", segment));
    }
    url += '/';
    url += percent_encode(segment);
  }
  if (!params.empty()) {
    url += '?';
    url += encode_form(params);
  }
  if (url.size() > kMaxUriLength) {
    throw_invalid(fmt::format(
        "request URI would be {} characters long; Caspio accepts at most {} (shorten the "
        "select or where clause)",
        url.size(), kMaxUriLength));
  }
  return url;
}

}  // namespace detail
}  // namespace caspio
