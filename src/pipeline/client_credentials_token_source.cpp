#include <mutex>

#include "caspio/error.hpp"
#include "caspio/token_source.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/token_request.hpp"
#include "request/url.hpp"

namespace caspio {

struct ClientCredentialsTokenSource::State {
  ClientCredentials credentials;
  ClientOptions options;
  std::shared_ptr<HttpTransport> transport;
  std::mutex mutex;
  TokenResponse current;
  Clock::time_point renew_at{};
  bool have_token = false;

  // Fetches a new token: the refresh_token grant when there is one, else (or when it is
  // refused) client credentials. Called with `mutex` held.
  void renew() {
    TokenResponse fresh;
    bool renewed = false;
    if (have_token && !current.refresh_token.empty()) {
      try {
        fresh =
            detail::request_token(*transport, credentials,
                                  detail::encode_form({{"grant_type", "refresh_token"},
                                                       {"refresh_token", current.refresh_token}}),
                                  options, {current.refresh_token, current.access_token});
        renewed = true;
      } catch (const ApiError&) {
        // The refresh token was refused (expired, revoked, capped): fall back to credentials.
      }
    }
    if (!renewed) {
      fresh = detail::request_token(*transport, credentials,
                                    detail::encode_form({{"grant_type", "client_credentials"}}),
                                    options, {current.refresh_token, current.access_token});
    }
    if (fresh.refresh_token.empty()) fresh.refresh_token = current.refresh_token;
    current = std::move(fresh);
    have_token = true;
    auto lifetime =
        current.expires_in.count() > 0 ? current.expires_in : std::chrono::seconds(86399);
    lifetime = std::min(lifetime, detail::kMaxTokenLifetime);
    renew_at = options.clock->now() + lifetime - detail::renewal_margin(lifetime);
  }
};

ClientCredentialsTokenSource::ClientCredentialsTokenSource(ClientCredentials credentials,
                                                           ClientOptions options)
    : state_(std::make_unique<State>()) {
  detail::validate_credentials(credentials);
  if (!options.clock) options.clock = system_clock();
  state_->transport = detail::default_transport(options);
  state_->credentials = std::move(credentials);
  state_->options = std::move(options);
}

ClientCredentialsTokenSource::~ClientCredentialsTokenSource() = default;

std::string ClientCredentialsTokenSource::token() {
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (!state_->have_token || state_->options.clock->now() >= state_->renew_at) state_->renew();
  return state_->current.access_token;
}

bool ClientCredentialsTokenSource::renew_after_unauthorized(const std::string& rejected) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (state_->have_token && state_->current.access_token != rejected) return true;  // renewed
  state_->renew();
  return true;
}

namespace detail {

std::vector<std::string> token_source_secrets(TokenSource& tokens) {
  auto* source = dynamic_cast<ClientCredentialsTokenSource*>(&tokens);
  if (source == nullptr) return {};
  return source->secrets();
}

}  // namespace detail

std::vector<std::string> ClientCredentialsTokenSource::secrets() const {
  std::vector<std::string> out = detail::credential_secrets(state_->credentials);
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (!state_->current.refresh_token.empty()) out.push_back(state_->current.refresh_token);
  return out;
}

}  // namespace caspio
