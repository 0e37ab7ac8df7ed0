#include "oauth.hpp"

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {

std::map<std::string, std::string> parse_form(const std::string& body) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string pair = body.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      std::string key = pair.substr(0, eq);
      std::string value = eq == std::string::npos ? "" : pair.substr(eq + 1);
      for (auto& c : key) c = c == '+' ? ' ' : c;
      for (auto& c : value) c = c == '+' ? ' ' : c;
      out.emplace(percent_decode(key), percent_decode(value));
    }
    start = end + 1;
  }
  return out;
}

bool base64_decode(const std::string& in, std::string& out) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  out.clear();
  unsigned buffer = 0;
  int bits = 0;
  std::size_t i = 0;
  for (; i < in.size() && in[i] != '='; ++i) {
    int v = value(in[i]);
    if (v < 0) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  for (; i < in.size(); ++i) {
    if (in[i] != '=') return false;
  }
  return true;
}

std::string bearer_token(const std::string& authorization) {
  auto space = authorization.find(' ');
  if (space == std::string::npos) return "";
  if (!iequals(authorization.substr(0, space), "bearer")) return "";
  auto token = authorization.substr(space + 1);
  while (!token.empty() && token.front() == ' ') token.erase(token.begin());
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

namespace {
void oauth_error(httplib::Response& res, const std::string& error, const std::string& text) {
  nlohmann::json body = {{"error", error}, {"error_description", text}};
  res.status = 400;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}
}  // namespace

void serve_token_request(const httplib::Request& req, httplib::Response& res, TokenStore& tokens,
                         const std::string& client_id, const std::string& client_secret) {
  // Lenient about the content type, as Caspio is (one client sends text/plain).
  auto form = parse_form(req.body);

  std::string id;
  std::string secret;
  bool has_credentials = false;
  const std::string authorization = req.get_header_value("Authorization");
  auto space = authorization.find(' ');
  if (space != std::string::npos && iequals(authorization.substr(0, space), "basic")) {
    std::string decoded;
    if (!base64_decode(authorization.substr(space + 1), decoded)) {
      return oauth_error(res, "invalid_client", "Malformed Basic credentials.");
    }
    auto colon = decoded.find(':');
    if (colon == std::string::npos) {
      return oauth_error(res, "invalid_client", "Malformed Basic credentials.");
    }
    id = decoded.substr(0, colon);
    secret = decoded.substr(colon + 1);
    has_credentials = true;
  } else if (form.count("client_id") != 0) {
    id = form["client_id"];
    secret = form["client_secret"];
    has_credentials = true;
  }

  auto grant = form.find("grant_type");
  if (grant == form.end() || grant->second.empty()) {
    return oauth_error(res, "invalid_request", "The grant_type parameter is missing.");
  }
  if (grant->second != "client_credentials" && grant->second != "refresh_token") {
    return oauth_error(res, "unsupported_grant_type",
                       "The grant type '" + grant->second + "' is not supported.");
  }
  if (!has_credentials || id != client_id || secret != client_secret) {
    return oauth_error(res, "invalid_client", "The client credentials are invalid.");
  }

  nlohmann::json pair;
  if (grant->second == "client_credentials") {
    pair = tokens.issue();
  } else {
    auto refresh = form.find("refresh_token");
    if (refresh == form.end() || refresh->second.empty()) {
      return oauth_error(res, "invalid_request", "The refresh_token parameter is missing.");
    }
    if (!tokens.refresh(refresh->second, pair)) {
      return oauth_error(res, "invalid_grant", "The refresh token is invalid or expired.");
    }
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_content(pair.dump(), "application/json; charset=utf-8");
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
