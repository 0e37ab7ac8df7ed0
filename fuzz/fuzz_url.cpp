// Fuzzes URL building and checking (src/request/url.hpp): detail::build_url with fuzzed segments
// and query parameters, percent_encode, parse_url and check_url_allowed on fuzzed URLs. Checks:
// only InvalidArgumentError is thrown; a built URL keeps its base, has exactly one path segment per
// name, none containing '/', '?', '#' unencoded nor equal to "." or "..", each decoding back to its
// name, the query decoding back to its parameters, and no more than kMaxUriLength characters; an
// http:// URL that check_url_allowed accepts is one libcurl also sends to a loopback host.
#include <curl/curl.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "caspio/error.hpp"
#include "request/url.hpp"

namespace {

namespace d = caspio::detail;

void require(bool ok, const char* what, const std::string& detail) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_url: %s: %s\n", what, detail.c_str());
  std::abort();
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // percent_encode writes upper-case hex only
}

// Strict decoding of percent_encode's output: anything but unreserved characters and %XX fails.
bool decode(const std::string& text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;
      const int hi = hex(text[i + 1]);
      const int lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t end; (end = text.find(sep, begin)) != std::string::npos; begin = end + 1) {
    parts.push_back(text.substr(begin, end - begin));
  }
  parts.push_back(text.substr(begin));
  return parts;
}

void check_built(const std::string& base, const std::vector<std::string>& segments,
                 const d::QueryParams& params) {
  std::string url;
  try {
    url = d::build_url(base, segments, params);
  } catch (const caspio::InvalidArgumentError&) {
    return;  // a dot segment or an over-long URI: refused before sending
  }
  require(url.size() <= d::kMaxUriLength, "URL over the limit", url);
  require(url.compare(0, base.size(), base) == 0, "base lost", url);
  const std::string rest = url.substr(base.size());
  const std::size_t qmark = rest.find('?');
  const std::string path = rest.substr(0, qmark);
  require(path.find('#') == std::string::npos, "'#' in the path", url);
  std::vector<std::string> got;
  if (!path.empty()) {
    require(path[0] == '/', "path does not start with '/'", url);
    got = split(path.substr(1), '/');
  }
  require(got.size() == segments.size(), "segment count changed", url);
  std::string decoded;
  for (std::size_t i = 0; i < got.size(); ++i) {
    require(got[i] != "." && got[i] != "..", "dot segment sent", url);
    require(decode(got[i], decoded) && decoded == segments[i], "segment does not round-trip", url);
  }
  if (qmark == std::string::npos) {
    require(params.empty(), "query lost", url);
    return;
  }
  const std::string query = rest.substr(qmark + 1);
  require(query.find_first_of("#?/") == std::string::npos, "unencoded '#', '?' or '/' in query",
          url);
  const auto pairs = split(query, '&');
  require(pairs.size() == params.size(), "parameter count changed", url);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto eq = pairs[i].find('=');
    require(eq != std::string::npos, "parameter without '='", url);
    std::string name;
    std::string value;
    require(decode(pairs[i].substr(0, eq), name) && name == params[i].first &&
                decode(pairs[i].substr(eq + 1), value) && value == params[i].second,
            "parameter does not round-trip", url);
  }
}

// The host libcurl would connect to for `url`, or "" when libcurl refuses the URL.
std::string curl_host(const std::string& url) {
  CURLU* handle = curl_url();
  std::string host;
  char* part = nullptr;
  if (curl_url_set(handle, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(handle, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
    host = part;
    curl_free(part);
  }
  curl_url_cleanup(handle);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

void check_allowed(const std::string& url) {
  try {
    (void)d::parse_url(url);
    d::check_url_allowed(url, "fuzz");
  } catch (const caspio::InvalidArgumentError&) {
    return;
  }
  std::string scheme = url.substr(0, url.find("://"));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http") return;
  const std::string host = curl_host(url);
  require(host.empty() || d::is_loopback_host(host), "http:// accepted for a remote host", url);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  static const char* kBases[] = {"https://c1abc123.caspio.com/rest/v2",
                                 "http://127.0.0.1:8080/rest/v2", "https://x.caspio.com"};
  const std::string base = kBases[in.ConsumeIntegralInRange<int>(0, 2)];
  std::vector<std::string> segments(in.ConsumeIntegralInRange<std::size_t>(0, 4));
  for (auto& s : segments) s = in.ConsumeRandomLengthString(64);
  d::QueryParams params(in.ConsumeIntegralInRange<std::size_t>(0, 3));
  for (auto& [name, value] : params) {
    name = in.ConsumeRandomLengthString(32);
    value = in.ConsumeRandomLengthString(128);
  }
  check_built(base, segments, params);

  const std::string url = in.ConsumeRemainingBytesAsString();
  std::string decoded;
  require(decode(d::percent_encode(url), decoded) && decoded == url,
          "percent_encode does not round-trip", url);
  check_allowed(url);
  return 0;
}
