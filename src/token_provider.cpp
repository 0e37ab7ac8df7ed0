#include "detail/token_provider.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "caspio/error.hpp"
#include "detail/errors.hpp"
#include "detail/retry.hpp"
#include "detail/url.hpp"

namespace caspio {
namespace detail {

std::string base64_encode(const std::string& data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(data[i]) << 16) |
                       (static_cast<unsigned char>(data[i + 1]) << 8) |
                       static_cast<unsigned char>(data[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    const bool two = i + 1 < data.size();
    if (two) n |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += two ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::chrono::seconds renewal_margin(std::chrono::seconds lifetime) {
  return std::min<std::chrono::seconds>(std::chrono::minutes(5), lifetime / 4);
}

void validate_credentials(const ClientCredentials& credentials) {
  if (credentials.client_id.empty()) throw_invalid("ClientCredentials.client_id is empty");
  if (credentials.client_secret.empty()) throw_invalid("ClientCredentials.client_secret is empty");
  if (credentials.token_url.empty()) throw_invalid("ClientCredentials.token_url is empty");
  check_url_allowed(credentials.token_url, "token_url");
}

TokenResponse request_token(HttpTransport& transport, const ClientCredentials& credentials,
                            const std::string& form, const ClientOptions& options) {
  HttpRequest request;
  request.method = HttpMethod::post;
  request.url = credentials.token_url;
  request.headers = {
      {"Authorization",
       "Basic " + base64_encode(credentials.client_id + ":" + credentials.client_secret)},
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"Accept", "application/json"},
      {"User-Agent", options.user_agent},
  };
  request.body = form;
  // A token request creates nothing a repeat could duplicate: retry it like an idempotent call.
  RetryOptions retry = options.retry;
  retry.retry_non_idempotent = true;
  const Outcome outcome = send_with_retry(transport, request, retry);
  const HttpResponse& response = outcome.response;
  if (response.status < 200 || response.status > 299) {
    throw_http_error(request, response, outcome.attempts, /*token_endpoint=*/true);
  }
  const auto json = nlohmann::json::parse(response.body, nullptr, false);
  const auto fail = [&](const std::string& why) {
    ErrorInfo info;
    info.http_status = response.status;
    info.message = why;
    info.method = "POST";
    info.url = credentials.token_url;
    info.attempts = outcome.attempts;
    info.request_id = response.header("X-Caspio-Request-ID");
    throw ApiError(std::move(info));
  };
  if (!json.is_object()) fail("token endpoint answered without a JSON object");
  const auto token = json.find("access_token");
  if (token == json.end() || !token->is_string() || token->get<std::string>().empty()) {
    fail("token endpoint answer has no access_token");
  }
  TokenResponse out;
  out.access_token = token->get<std::string>();
  out.token_type = json.value("token_type", std::string("bearer"));
  const auto expires = json.find("expires_in");
  if (expires != json.end() && expires->is_number()) {
    out.expires_in = std::chrono::seconds(expires->get<std::int64_t>());
  } else if (expires != json.end() && expires->is_string()) {
    out.expires_in = std::chrono::seconds(std::atoll(expires->get<std::string>().c_str()));
  }
  const auto refresh = json.find("refresh_token");
  if (refresh != json.end() && refresh->is_string())
    out.refresh_token = refresh->get<std::string>();
  return out;
}

CredentialsTokenProvider::CredentialsTokenProvider(ClientCredentials credentials,
                                                   std::shared_ptr<HttpTransport> transport,
                                                   ClientOptions options)
    : credentials_(std::move(credentials)),
      transport_(std::move(transport)),
      options_(std::move(options)) {}

void CredentialsTokenProvider::renew_locked() {
  TokenResponse fresh;
  bool renewed = false;
  if (have_token_ && !current_.refresh_token.empty()) {
    try {
      fresh = request_token(
          *transport_, credentials_,
          encode_form({{"grant_type", "refresh_token"}, {"refresh_token", current_.refresh_token}}),
          options_);
      renewed = true;
    } catch (const ApiError&) {
      // The refresh token was refused (expired, revoked, capped): fall back to credentials.
    }
  }
  if (!renewed) {
    fresh = request_token(*transport_, credentials_,
                          encode_form({{"grant_type", "client_credentials"}}), options_);
  }
  if (fresh.refresh_token.empty()) fresh.refresh_token = current_.refresh_token;
  current_ = std::move(fresh);
  have_token_ = true;
  const auto lifetime =
      current_.expires_in.count() > 0 ? current_.expires_in : std::chrono::seconds(86399);
  renew_at_ = Clock::now() + lifetime - renewal_margin(lifetime);
}

std::string CredentialsTokenProvider::token() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!have_token_ || Clock::now() >= renew_at_) renew_locked();
  return current_.access_token;
}

bool CredentialsTokenProvider::renew_after_unauthorized(const std::string& rejected) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (have_token_ && current_.access_token != rejected) return true;  // another thread renewed
  renew_locked();
  return true;
}

}  // namespace detail

TokenResponse fetch_access_token(const ClientCredentials& credentials,
                                 const ClientOptions& options) {
  detail::validate_credentials(credentials);
  std::shared_ptr<HttpTransport> transport = options.transport;
  if (!transport) {
    TransportOptions transport_options;
    transport_options.connect_timeout = options.connect_timeout;
    transport_options.request_timeout = options.request_timeout;
    transport = make_curl_transport(transport_options);
  }
  return detail::request_token(*transport, credentials,
                               detail::encode_form({{"grant_type", "client_credentials"}}),
                               options);
}

}  // namespace caspio
