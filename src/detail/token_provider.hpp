#pragma once
// Where the auth stage gets its bearer token: a fixed token, or client credentials with caching
// and renewal.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "caspio/auth.hpp"
#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// Supplies bearer tokens. Thread-safe.
class TokenProvider {
 public:
  virtual ~TokenProvider() = default;
  /// A token believed valid (may fetch or renew one).
  virtual std::string token() = 0;
  /// Called after a 401 answered a request sent with `rejected`. Returns true when a different
  /// token is now available (renewed here, or already by another thread); false when the provider
  /// cannot renew.
  virtual bool renew_after_unauthorized(const std::string& rejected) = 0;
};

/// Always the same token; cannot renew.
class StaticTokenProvider final : public TokenProvider {
 public:
  explicit StaticTokenProvider(std::string token) : token_(std::move(token)) {}
  std::string token() override { return token_; }
  bool renew_after_unauthorized(const std::string&) override { return false; }

 private:
  const std::string token_;
};

/// POSTs a token request (`form` body, HTTP Basic auth) to the credentials' token URL through
/// the retry stage, and parses the answer. Throws as fetch_access_token says.
TokenResponse request_token(HttpTransport& transport, const ClientCredentials& credentials,
                            const std::string& form, const ClientOptions& options);

/// Throws InvalidArgumentError unless all three fields are set and the token URL is allowed.
void validate_credentials(const ClientCredentials& credentials);

/// Client-credentials tokens, fetched on first use, cached, renewed before expiry (refresh_token
/// grant first, client_credentials when that fails) and after a 401.
class CredentialsTokenProvider final : public TokenProvider {
 public:
  using Clock = std::chrono::steady_clock;
  CredentialsTokenProvider(ClientCredentials credentials, std::shared_ptr<HttpTransport> transport,
                           ClientOptions options);
  std::string token() override;
  bool renew_after_unauthorized(const std::string& rejected) override;

 private:
  void renew_locked();
  const ClientCredentials credentials_;
  const std::shared_ptr<HttpTransport> transport_;
  const ClientOptions options_;
  std::mutex mutex_;
  TokenResponse current_;
  Clock::time_point renew_at_{};
  bool have_token_ = false;
};

/// Time before expiry at which a token of `lifetime` is renewed: a quarter of its lifetime, at
/// most five minutes.
std::chrono::seconds renewal_margin(std::chrono::seconds lifetime);

/// Standard base64 with padding.
std::string base64_encode(const std::string& data);

}  // namespace detail
}  // namespace caspio
