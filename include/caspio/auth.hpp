#pragma once
/// @file
/// OAuth 2.0 client credentials and the token endpoint.

#include <chrono>
#include <string>

#include "caspio/client_options.hpp"
#include "caspio/export.hpp"

namespace caspio {

/// A web services profile's credentials and its token endpoint
/// (`https://<account>.caspio.com/oauth/token`, or the emulator's token URL).
struct CASPIO_EXPORT ClientCredentials {
  std::string client_id;      ///< Client ID of the profile.
  std::string client_secret;  ///< Client secret of the profile (never logged, never in errors).
  std::string token_url;      ///< Token endpoint URL.
};

/// The token endpoint's answer.
struct CASPIO_EXPORT TokenResponse {
  std::string access_token;            ///< Bearer token for `Authorization`.
  std::string token_type;              ///< "bearer".
  std::chrono::seconds expires_in{0};  ///< Lifetime of access_token (Caspio: 86399 s).
  std::string refresh_token;           ///< Token for the refresh_token grant; may be "".
};

/// Requests a new access token: `POST token_url` with HTTP Basic authentication
/// (client_id:client_secret) and the form body `grant_type=client_credentials`.
/// Connection failures, 429 and 5xx answers are retried as `options.retry` says.
/// @param credentials the profile's credentials; all three fields must be non-empty.
/// @param options timeouts, user agent, retry settings and transport (base_url is not used).
/// @throws InvalidArgumentError for an empty field or a refused token URL (nothing sent).
/// @throws AuthError when the endpoint refuses the credentials (400/401/403).
/// @throws ApiError for another error status or an answer without `access_token`.
/// @throws TransportError, TimeoutError when no answer arrives.
CASPIO_EXPORT TokenResponse fetch_access_token(const ClientCredentials& credentials,
                                               const ClientOptions& options = {});

}  // namespace caspio
