#pragma once
// Test support: an in-process emulator and a plain HTTP client authorised against it.

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "caspio/mock/server.hpp"

namespace caspio_test {

/// A running emulator plus a plain httplib client that sends `Authorization: Bearer <token>`.
class MockHttp {
 public:
  explicit MockHttp(caspio::mock::ServerOptions options = {})
      : server_(std::make_unique<caspio::mock::Server>(std::move(options))),
        client_("127.0.0.1", server_->port()) {
    token_ = server_->issue_token();
    client_.set_keep_alive(true);
  }

  caspio::mock::Server& server() { return *server_; }
  httplib::Client& http() { return client_; }
  const std::string& token() const { return token_; }

  /// Headers with the bearer token and Accept: application/json.
  httplib::Headers auth() const {
    return {{"Authorization", "Bearer " + token_}, {"Accept", "application/json"}};
  }

  /// GET with the bearer token. `target` is sent as written (encode it yourself).
  httplib::Result get(const std::string& target) { return client_.Get(target, auth()); }
  httplib::Result del(const std::string& target) { return client_.Delete(target, auth()); }
  httplib::Result post_json(const std::string& target, const nlohmann::json& body) {
    return client_.Post(target, auth(), body.dump(), "application/json");
  }
  httplib::Result put_json(const std::string& target, const nlohmann::json& body) {
    return client_.Put(target, auth(), body.dump(), "application/json");
  }

  /// Parses a response body as JSON (throws on invalid JSON).
  static nlohmann::json json(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

 private:
  std::unique_ptr<caspio::mock::Server> server_;
  httplib::Client client_;
  std::string token_;
};

/// Percent-encodes a query value or path segment (RFC 3986 unreserved characters kept).
inline std::string enc(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace caspio_test
