#pragma once
// OAuth tokens the emulator issued: access tokens with an expiry, refresh tokens, counts.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace caspio {
namespace mock {
namespace detail {

/// Issues and checks tokens. Thread-safe.
class TokenStore {
 public:
  using Clock = std::chrono::steady_clock;
  /// Refresh tokens kept per account before the oldest is invalidated (Caspio documents 1000).
  static constexpr std::size_t kMaxRefreshTokens = 1000;

  explicit TokenStore(std::chrono::seconds ttl) : ttl_(ttl) {}

  /// A new access/refresh pair as the token endpoint answers it:
  /// {"access_token","token_type":"bearer","expires_in","refresh_token"}.
  nlohmann::json issue();
  /// A new pair for a known refresh token; false when the refresh token is unknown.
  bool refresh(const std::string& refresh_token, nlohmann::json& out);
  /// What a bearer token is.
  enum class Status { valid, expired, unknown };
  /// Whether `access_token` was issued here and is still within its lifetime.
  Status check(const std::string& access_token) const;
  /// Expires every access token issued so far.
  void expire_all();
  /// Access tokens issued since start.
  std::size_t issued() const;

 private:
  static std::string random_token(std::size_t length);

  std::chrono::seconds ttl_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Clock::time_point> access_;
  std::unordered_map<std::string, bool> refresh_;
  std::deque<std::string> refresh_order_;
  std::size_t issued_ = 0;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
