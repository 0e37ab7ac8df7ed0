#pragma once
// The OAuth token endpoint: one token request through the retry stage, and its checks.

#include <chrono>
#include <string>
#include <vector>

#include "caspio/auth.hpp"
#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"
#include "caspio/token_source.hpp"

namespace caspio {
namespace detail {

/// POSTs a token request (`form` body, HTTP Basic auth) to the credentials' token URL through
/// the retry stage, and parses the answer. Throws as fetch_access_token says.
/// `secrets` (e.g. the refresh token in `form`) are redacted from its errors and observer events
/// along with the credentials' own (credential_secrets()).
TokenResponse request_token(HttpTransport& transport, const ClientCredentials& credentials,
                            const std::string& form, const ClientOptions& options,
                            const std::vector<std::string>& secrets = {});

/// The client secret, the `client_id:client_secret` pair and its base64 (the Basic credential).
std::vector<std::string> credential_secrets(const ClientCredentials& credentials);

/// The credentials `tokens` holds besides the access token it hands out (for
/// ClientCredentialsTokenSource: the client secret, the basic pair and the refresh token), so
/// that the pipeline can redact any echo of them; empty for other sources.
std::vector<std::string> token_source_secrets(TokenSource& tokens);

/// Throws InvalidArgumentError unless all three fields are set and the token URL is allowed.
void validate_credentials(const ClientCredentials& credentials);

/// Lifetimes above this are treated as this (ten years), so that `now + lifetime` cannot
/// overflow.
constexpr std::chrono::seconds kMaxTokenLifetime{10LL * 365 * 24 * 3600};

/// Time before expiry at which a token of `lifetime` is renewed: a quarter of its lifetime, at
/// most five minutes.
std::chrono::seconds renewal_margin(std::chrono::seconds lifetime);

/// Standard base64 with padding.
std::string base64_encode(const std::string& data);

}  // namespace detail
}  // namespace caspio
