#pragma once
// The OAuth 2.0 token endpoint (`POST /oauth/token`) and bearer-token checks.

#include <map>
#include <string>

#include <httplib.h>

#include "token_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Parses an application/x-www-form-urlencoded body ('+' is a space).
std::map<std::string, std::string> parse_form(const std::string& body);

/// Decodes standard base64; returns false on malformed input.
bool base64_decode(const std::string& in, std::string& out);

/// Answers a token request: client_credentials (credentials in HTTP Basic or in the form) and
/// refresh_token grants. Errors are RFC 6749 bodies with status 400.
void serve_token_request(const httplib::Request& req, httplib::Response& res, TokenStore& tokens,
                         const std::string& client_id, const std::string& client_secret);

/// The bearer token of an `Authorization` header (scheme matched case-insensitively), or "".
std::string bearer_token(const std::string& authorization);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
