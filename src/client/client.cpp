#include "caspio/client.hpp"

#include <fmt/format.h>

#include <cctype>

#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "client/client_state.hpp"
#include "pipeline/token_request.hpp"

namespace caspio {
namespace {

// `https://{account_id}.caspio.com/rest/v2` (v3: `/integrations/rest/v3`), or options.base_url
// when set.
std::string account_base_url(const std::string& account_id, const ClientOptions& options) {
  if (!options.base_url.empty()) return options.base_url;
  if (account_id.empty()) detail::throw_invalid("account ID is empty and no base_url is set");
  for (const char c : account_id) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '.') {
      detail::throw_invalid(fmt::format("account ID '{}' is not a host name part", account_id));
    }
  }
  return fmt::format("https://{}.caspio.com{}", account_id, api_base_path(options.api_version));
}

}  // namespace

Client::Client(const std::string& account_id, const std::string& access_token,
               ClientOptions options)
    : Client(account_id, std::make_shared<StaticTokenSource>(access_token), std::move(options)) {}

Client::Client(const ClientCredentials& credentials, ClientOptions options) {
  detail::validate_credentials(credentials);
  std::string base = options.base_url;
  if (base.empty()) {
    base = detail::origin_of(credentials.token_url) + api_base_path(options.api_version);
  }
  options.transport = detail::default_transport(options);
  auto tokens = std::make_shared<ClientCredentialsTokenSource>(credentials, options);
  state_ = std::make_shared<const detail::ClientState>(std::move(base), options, options.transport,
                                                       std::move(tokens));
}

Client::Client(const std::string& account_id, std::shared_ptr<TokenSource> tokens,
               ClientOptions options) {
  if (!tokens) detail::throw_invalid("token source is null");
  std::string base = account_base_url(account_id, options);
  auto transport = detail::default_transport(options);
  state_ = std::make_shared<const detail::ClientState>(std::move(base), std::move(options),
                                                       std::move(transport), std::move(tokens));
}

Apps Client::apps() const noexcept {
  return Apps(state_);
}
Files Client::files() const noexcept {
  return Files(state_);
}
Tasks Client::tasks() const noexcept {
  return Tasks(state_);
}
Utils Client::utils() const noexcept {
  return Utils(state_);
}
Tables Client::tables() const noexcept {
  return Tables(state_);
}
Views Client::views() const noexcept {
  return Views(state_);
}
Client Client::with_cancellation(const CancellationToken& token) const {
  Client copy = *this;
  copy.state_ = state_->with_cancellation(token);
  return copy;
}

const std::string& Client::base_url() const noexcept {
  return state_->base_url();
}

}  // namespace caspio
