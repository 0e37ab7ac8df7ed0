#include "pipeline/token_request.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "answer/answer.hpp"
#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/retry.hpp"
#include "request/url.hpp"

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

std::vector<std::string> credential_secrets(const ClientCredentials& credentials) {
  const std::string pair = credentials.client_id + ":" + credentials.client_secret;
  return {credentials.client_secret, pair, base64_encode(pair)};
}

TokenResponse request_token(HttpTransport& transport, const ClientCredentials& credentials,
                            const std::string& form, const ClientOptions& options,
                            const std::vector<std::string>& secrets) {
  check_header_value(options.user_agent, "ClientOptions::user_agent");
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
  std::vector<std::string> known = credential_secrets(credentials);
  known.insert(known.end(), secrets.begin(), secrets.end());
  const Answer answer = decide(request, send_with_retry(transport, request, options, true, known),
                               /*token_endpoint=*/true);
  const nlohmann::json json = parse_json(answer);
  if (!json.is_object()) throw_bad_answer(answer, "token endpoint answered without a JSON object");
  const auto token = json.find("access_token");
  if (token == json.end() || !token->is_string() || token->get<std::string>().empty()) {
    throw_bad_answer(answer, "token endpoint answer has no access_token");
  }
  TokenResponse out;
  out.access_token = token->get<std::string>();
  if (out.access_token.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
    throw_bad_answer(answer,
                     "token endpoint answered an access_token with a CR, LF or NUL character: "
                     "refused (it would inject a header)");
  }
  out.token_type = json.value("token_type", std::string("bearer"));
  const auto expires = json.find("expires_in");
  std::int64_t seconds = 0;
  if (expires != json.end() && expires->is_number_integer()) {
    seconds = expires->get<std::int64_t>();
  } else if (expires != json.end() && expires->is_number()) {
    seconds = static_cast<std::int64_t>(
        std::min(expires->get<double>(), static_cast<double>(kMaxTokenLifetime.count())));
  } else if (expires != json.end() && expires->is_string()) {
    seconds = std::strtoll(expires->get<std::string>().c_str(), nullptr, 10);
  }
  out.expires_in =
      std::chrono::seconds(std::clamp<std::int64_t>(seconds, 0, kMaxTokenLifetime.count()));
  const auto refresh = json.find("refresh_token");
  if (refresh != json.end() && refresh->is_string())
    out.refresh_token = refresh->get<std::string>();
  return out;
}

}  // namespace detail

TokenResponse fetch_access_token(const ClientCredentials& credentials,
                                 const ClientOptions& options) {
  detail::validate_credentials(credentials);
  const std::shared_ptr<HttpTransport> transport = detail::default_transport(options);
  return detail::request_token(*transport, credentials,
                               detail::encode_form({{"grant_type", "client_credentials"}}),
                               options);
}

}  // namespace caspio
