#include "call.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>

namespace caspio {
namespace mock {
namespace detail {

ApiError not_found(const std::string& what) {
  return ApiError(404, "ObjectNotFound", what);
}
ApiError bad_query(const std::string& message) {
  return ApiError(400, "IncorrectQueryParameter", message);
}
ApiError bad_body(const std::string& message) {
  return ApiError(400, "IncorrectBodyParameter", message);
}
ApiError sql_error(const std::string& message) {
  return ApiError(400, "SqlServerError", message);
}

std::optional<std::string> Call::query(const std::string& name) const {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::optional<std::string> Call::query_nonempty(const std::string& name) const {
  auto value = query(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

nlohmann::json Call::json_body() const {
  return parse_json_body(req.body);
}

nlohmann::json parse_json_body(const std::string& body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw bad_body("The JSON body is nested deeper than " + std::to_string(kMaxJsonDepth) +
                       " levels.");
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    throw bad_body("Required body parameter absent or has incorrect format");
  }
  return parsed;
}

void Call::reply_json(int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void Call::reply_empty(int status) {
  res.status = status;
  res.body.clear();
}

void Call::reply_bytes(int status, std::string bytes, const std::string& content_type) {
  res.status = status;
  res.set_content(std::move(bytes), content_type.c_str());
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back(Route{method, split_path(pattern), std::move(handler)});
}

void Router::dispatch(Call& call, const std::string& raw_path) const {
  const auto segments = split_path(raw_path);
  bool path_matched = false;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (route.segments[i] == "{}") {
        params.push_back(percent_decode(segments[i]));
      } else {
        ok = iequals(route.segments[i], segments[i]);
      }
    }
    if (!ok) continue;
    path_matched = true;
    if (route.method != call.req.method) continue;
    call.params = std::move(params);
    route.handler(call);
    return;
  }
  if (path_matched) {
    throw ApiError(
        405, "MethodNotAllowed",
        "The requested resource does not support http method '" + call.req.method + "'.");
  }
  throw ApiError(404, "ObjectNotFound", "Requested object not found");
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += in[i];
  }
  return out;
}

std::vector<std::string> split_path(const std::string& raw_path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= raw_path.size()) {
    auto end = raw_path.find('/', start);
    if (end == std::string::npos) end = raw_path.size();
    if (end > start) out.push_back(raw_path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool iequals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string ascii_lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string new_guid(bool upper_case) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    auto v = rng();
    for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<unsigned char>(v >> (8 * j));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
  const char* hex = upper_case ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 15];
  }
  return out;
}

namespace {
std::tm utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}
}  // namespace

std::string iso_now() {
  std::tm tm = utc_now();
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string us_now() {
  std::tm tm = utc_now();
  int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%d/%d/%04d %d:%02d:%02d %s", tm.tm_mon + 1, tm.tm_mday,
                tm.tm_year + 1900, hour12, tm.tm_min, tm.tm_sec, tm.tm_hour < 12 ? "AM" : "PM");
  return buf;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
