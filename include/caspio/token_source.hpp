#pragma once
/// @file
/// caspio::TokenSource, where a client gets its bearer tokens, and the two built-in sources.

#include <memory>
#include <string>
#include <vector>

#include "caspio/auth.hpp"
#include "caspio/client_options.hpp"
#include "caspio/export.hpp"

namespace caspio {

/// Supplies the bearer token of every request. Implement it to take tokens from your own vault
/// or to share one token across processes.
/// @par Thread safety
/// Implementations must allow concurrent calls from many threads.
class CASPIO_EXPORT TokenSource {
 public:
  virtual ~TokenSource() = default;
  /// A token believed valid now (may fetch or renew one).
  /// @throws caspio::Error (e.g. AuthError) when no token can be had.
  virtual std::string token() = 0;
  /// Called after Caspio refused a request sent with `rejected` (401, or its stale-token 400).
  /// Returns true when a different token is now available (the request is then repeated once),
  /// false when this source cannot renew (the refusal is then reported as AuthError).
  virtual bool renew_after_unauthorized(const std::string& rejected) = 0;
};

/// Always the same token; cannot renew. What Client(account_id, access_token) uses.
class CASPIO_EXPORT StaticTokenSource final : public TokenSource {
 public:
  /// @throws InvalidArgumentError for an empty token.
  explicit StaticTokenSource(std::string access_token);
  /// The token given at construction.
  std::string token() override;
  /// Always false.
  bool renew_after_unauthorized(const std::string& rejected) override;

 private:
  const std::string token_;
};

/// OAuth 2.0 client credentials: fetches a token on first use, caches it, renews it shortly
/// before it expires (refresh_token grant first, client_credentials when that is refused) and
/// after a refusal. Only one renewal runs at a time. What Client(ClientCredentials) uses.
class CASPIO_EXPORT ClientCredentialsTokenSource final : public TokenSource {
 public:
  /// Token requests go through `options.transport` (or a new default transport), with
  /// `options.retry`, `options.clock`, `options.observer` and `options.user_agent`.
  /// @throws InvalidArgumentError for an empty credential field or a refused token URL.
  explicit ClientCredentialsTokenSource(ClientCredentials credentials, ClientOptions options = {});
  ~ClientCredentialsTokenSource() override;
  ClientCredentialsTokenSource(const ClientCredentialsTokenSource&) = delete;
  ClientCredentialsTokenSource& operator=(const ClientCredentialsTokenSource&) = delete;
  /// The cached token, renewed first when it is due.
  std::string token() override;
  /// Renews unless another thread already did; true unless renewal throws.
  bool renew_after_unauthorized(const std::string& rejected) override;
  /// The credentials held (client secret, `client_id:client_secret` and its base64, the current
  /// refresh token): the SDK redacts any echo of them from errors and observer events.
  std::vector<std::string> secrets() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace caspio
