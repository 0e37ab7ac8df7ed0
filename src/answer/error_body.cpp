// Reading Caspio error answers: the error body, throttling, Retry-After, the typed error.
#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string_view>

#include "answer/errors.hpp"
#include "answer/redact.hpp"

namespace caspio {
namespace detail {

namespace {

std::string json_string(const nlohmann::json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) continue;
    return it->is_string() ? it->get<std::string>() : it->dump();
  }
  return {};
}

// Text of the first <tag>…</tag> (attributes allowed on the opening tag), XML entities decoded.
std::string xml_text(const std::string& body, const std::string& tag) {
  std::size_t pos = 0;
  while ((pos = body.find("<" + tag, pos)) != std::string::npos) {
    const std::size_t after = pos + 1 + tag.size();
    if (after < body.size() && (body[after] == '>' || body[after] == ' ')) {
      const auto open_end = body.find('>', after);
      if (open_end == std::string::npos) return {};
      if (body[open_end - 1] == '/') return {};  // <Tag/>
      const auto close = body.find("</" + tag + ">", open_end);
      if (close == std::string::npos) return {};
      std::string raw = body.substr(open_end + 1, close - open_end - 1);
      std::string out;
      for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '&') {
          static const std::pair<const char*, char> kEntities[] = {
              {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
          bool done = false;
          for (const auto& [entity, ch] : kEntities) {
            if (raw.compare(i, std::strlen(entity), entity) == 0) {
              out += ch;
              i += std::strlen(entity) - 1;
              done = true;
              break;
            }
          }
          if (done) continue;
        }
        out += raw[i];
      }
      return out;
    }
    pos = after;
  }
  return {};
}

}  // namespace

ErrorBody parse_error_body(const std::string& body) {
  ErrorBody out;
  const auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return out;
  if (body[first] == '{' || body[first] == '[') {
    const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (json.is_object()) {
      out.code = json_string(json, {"Code", "Error", "code", "error"});
      out.message = json_string(json, {"Message", "Description", "message", "error_description"});
      out.resource = json_string(json, {"Resource", "resource"});
      out.request_id = json_string(json, {"RequestId", "requestId"});
    } else if (json.is_array() && !json.empty() && json.front().is_object()) {
      out.code = json_string(json.front(), {"name", "Code", "code"});
      out.message = json_string(json.front(), {"message", "Message"});
    }
    return out;
  }
  if (body[first] == '<') {
    out.code = xml_text(body, "Code");
    if (out.code.empty()) out.code = xml_text(body, "Error");
    out.message = xml_text(body, "Message");
    if (out.message.empty()) out.message = xml_text(body, "Description");
    out.resource = xml_text(body, "Resource");
    out.request_id = xml_text(body, "RequestId");
  }
  return out;
}

bool is_throttle_400(int status, const std::string& body) {
  return status == 400 && body.find("api-calls-rate") != std::string::npos;
}

std::optional<std::chrono::seconds> parse_retry_after(const std::string& value) {
  const auto first = value.find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  const std::string v = value.substr(first);
  if (std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    if (v.size() > 9) return std::chrono::seconds(999'999'999);
    return std::chrono::seconds(std::stol(v));
  }
  const time_t when = curl_getdate(v.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const time_t now = std::time(nullptr);
  return std::chrono::seconds(when > now ? when - now : 0);
}

std::string strip_query(const std::string& url) {
  return url.substr(0, url.find('?'));
}

void throw_http_error(const HttpRequest& request, const HttpResponse& response, int attempts,
                      bool token_endpoint, const std::vector<std::string>& secrets) {
  const ErrorBody body = parse_error_body(response.body);
  ErrorInfo info;
  info.http_status = response.status;
  info.code = body.code;
  info.message = body.message;
  if (info.message.empty()) {
    info.message = response.body.empty()
                       ? "empty error body"
                       : fmt::format("non-Caspio error body ({} bytes)", response.body.size());
  }
  info.resource = body.resource;
  info.code = redact_all(std::move(info.code), secrets);
  info.message = redact_all(std::move(info.message), secrets);
  info.resource = redact_all(std::move(info.resource), secrets);
  info.request_id = redact_all(
      body.request_id.empty() ? response.header("X-Caspio-Request-ID") : body.request_id, secrets);
  info.method = to_string(request.method);
  info.url = request.url;
  info.attempts = attempts;
  info.retry_after = parse_retry_after(response.header("Retry-After"));
  const int s = response.status;
  if (s == 401 || s == 403 || (token_endpoint && s == 400)) throw AuthError(std::move(info));
  if (s == 404) throw NotFoundError(std::move(info));
  if (s == 409) throw ConflictError(std::move(info));
  if (s == 429 || is_throttle_400(s, response.body)) throw RateLimitError(std::move(info));
  throw ApiError(std::move(info));
}

}  // namespace detail
}  // namespace caspio
