#pragma once
// Removing credentials from text the SDK puts in errors: what a server echoes must not leak a
// token through what() or ErrorInfo.

#include <string>
#include <vector>

namespace caspio {
namespace detail {

/// `text` with bearer/basic credentials (`Bearer xyz`), and the values of `access_token`,
/// `refresh_token`, `client_secret`, `password` and `Authorization` (JSON members, form fields or
/// `name: value`), replaced by `[redacted]`.
std::string redact_secrets(std::string text);

/// `text` with every occurrence of `secret` (when it is at least 8 characters) replaced by
/// `[redacted]`.
std::string redact_exact(std::string text, const std::string& secret);

/// The credentials a client holds (access token, refresh token, client secret, the
/// `client_id:secret` pair and its base64), to be removed from any server text it reports.
using Secrets = std::vector<std::string>;

/// redact_secrets(`text`) with every one of `secrets` (at least 8 characters) replaced too.
std::string redact_all(std::string text, const Secrets& secrets);

}  // namespace detail
}  // namespace caspio
