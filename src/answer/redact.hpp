#pragma once
// Removing credentials from text the SDK puts in errors: what a server echoes must not leak a
// token through what() or ErrorInfo.

#include <string>

namespace caspio {
namespace detail {

/// `text` with bearer/basic credentials (`Bearer xyz`), and the values of `access_token`,
/// `refresh_token`, `client_secret`, `password` and `Authorization` (JSON members, form fields or
/// `name: value`), replaced by `[redacted]`.
std::string redact_secrets(std::string text);

/// `text` with every occurrence of `secret` (when it is at least 8 characters) replaced by
/// `[redacted]`.
std::string redact_exact(std::string text, const std::string& secret);

}  // namespace detail
}  // namespace caspio
