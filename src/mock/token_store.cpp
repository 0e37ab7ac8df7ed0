#include "token_store.hpp"

#include <random>

namespace caspio {
namespace mock {
namespace detail {

std::string TokenStore::random_token(std::size_t length) {
  // RFC 6750 b64token alphabet, as Caspio's tokens use.
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
  std::string out(length, ' ');
  for (auto& c : out) c = alphabet[pick(rng)];
  return out;
}

nlohmann::json TokenStore::issue() {
  std::string access = random_token(86);
  std::string refresh = random_token(44);
  std::lock_guard<std::mutex> lock(mutex_);
  access_[access] = Clock::now() + ttl_;
  refresh_[refresh] = true;
  refresh_order_.push_back(refresh);
  while (refresh_order_.size() > kMaxRefreshTokens) {
    refresh_.erase(refresh_order_.front());
    refresh_order_.pop_front();
  }
  ++issued_;
  return {{"access_token", access},
          {"token_type", "bearer"},
          {"expires_in", ttl_.count()},
          {"refresh_token", refresh}};
}

bool TokenStore::refresh(const std::string& refresh_token, nlohmann::json& out) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (refresh_.find(refresh_token) == refresh_.end()) return false;
  }
  out = issue();
  return true;
}

TokenStore::Status TokenStore::check(const std::string& access_token) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = access_.find(access_token);
  if (it == access_.end()) return Status::unknown;
  return Clock::now() < it->second ? Status::valid : Status::expired;
}

void TokenStore::expire_all() {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto past = Clock::now() - std::chrono::seconds(1);
  for (auto& entry : access_) entry.second = past;
}

std::size_t TokenStore::issued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return issued_;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
