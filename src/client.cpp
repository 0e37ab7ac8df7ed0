#include "caspio/client.hpp"

#include <fmt/format.h>

#include <cctype>

#include "caspio/error.hpp"
#include "detail/client_state.hpp"
#include "detail/errors.hpp"

namespace caspio {
namespace detail {

std::shared_ptr<HttpTransport> default_transport(const ClientOptions& options) {
  if (options.transport) return options.transport;
  TransportOptions transport_options;
  transport_options.connect_timeout = options.connect_timeout;
  transport_options.request_timeout = options.request_timeout;
  return make_curl_transport(transport_options);
}

ClientState::ClientState(std::string base_url, ClientOptions options,
                         std::shared_ptr<HttpTransport> transport,
                         std::unique_ptr<TokenProvider> tokens)
    : base_url_(std::move(base_url)),
      options_(std::move(options)),
      transport_(std::move(transport)),
      tokens_(std::move(tokens)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  check_url_allowed(base_url_, "base_url");
  if (base_url_.find_first_of("?#") != std::string::npos) {
    throw_invalid("base_url must not contain a query or fragment");
  }
}

std::string ClientState::url(const std::vector<std::string>& segments,
                             const QueryParams& params) const {
  return build_url(base_url_, segments, params);
}

Outcome ClientState::execute(HttpRequest request) const {
  request.headers.emplace_back("Accept", "application/json");
  request.headers.emplace_back("User-Agent", options_.user_agent);
  const std::size_t auth_index = request.headers.size();
  std::string token = tokens_->token();
  request.headers.emplace_back("Authorization", "Bearer " + token);
  Outcome outcome = send_with_retry(*transport_, request, options_.retry);
  // 401, or the 400 IncorrectQueryParameter Caspio sometimes answers for a stale token: renew
  // once (when the provider can) and repeat once.
  const bool stale = outcome.response.status == 401 ||
                     (outcome.response.status == 400 &&
                      parse_error_body(outcome.response.body).code == "IncorrectQueryParameter");
  if (stale && tokens_->renew_after_unauthorized(token)) {
    token = tokens_->token();
    request.headers[auth_index].second = "Bearer " + token;
    const int earlier = outcome.attempts;
    outcome = send_with_retry(*transport_, request, options_.retry);
    outcome.attempts += earlier;
  }
  return outcome;
}

HttpResponse ClientState::call(HttpMethod method, const std::string& url) const {
  HttpRequest request;
  request.method = method;
  request.url = url;
  Outcome outcome = execute(request);
  if (outcome.response.status < 200 || outcome.response.status > 299) {
    throw_http_error(request, outcome.response, outcome.attempts);
  }
  return std::move(outcome.response);
}

HttpResponse ClientState::call(HttpRequest request) const {
  Outcome outcome = execute(request);
  if (outcome.response.status < 200 || outcome.response.status > 299) {
    throw_http_error(request, outcome.response, outcome.attempts);
  }
  return std::move(outcome.response);
}

HttpResponse ClientState::call_json(HttpMethod method, const std::string& url,
                                    const std::string& body) const {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  Outcome outcome = execute(request);
  if (outcome.response.status < 200 || outcome.response.status > 299) {
    throw_http_error(request, outcome.response, outcome.attempts);
  }
  return std::move(outcome.response);
}

}  // namespace detail

Client::Client(const std::string& account_id, const std::string& access_token,
               ClientOptions options) {
  if (access_token.empty()) detail::throw_invalid("access token is empty");
  std::string base = options.base_url;
  if (base.empty()) {
    if (account_id.empty()) detail::throw_invalid("account ID is empty and no base_url is set");
    for (const char c : account_id) {
      if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '.') {
        detail::throw_invalid(fmt::format("account ID '{}' is not a host name part", account_id));
      }
    }
    base = fmt::format("https://{}.caspio.com/rest/v2", account_id);
  }
  auto transport = detail::default_transport(options);
  state_ = std::make_shared<const detail::ClientState>(
      std::move(base), options, std::move(transport),
      std::make_unique<detail::StaticTokenProvider>(access_token));
}

Client::Client(const ClientCredentials& credentials, ClientOptions options) {
  detail::validate_credentials(credentials);
  std::string base = options.base_url;
  if (base.empty()) base = detail::origin_of(credentials.token_url) + "/rest/v2";
  auto transport = detail::default_transport(options);
  auto tokens = std::make_unique<detail::CredentialsTokenProvider>(credentials, transport, options);
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
const std::string& Client::base_url() const noexcept {
  return state_->base_url();
}

}  // namespace caspio
