#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <optional>

#include "answer/errors.hpp"
#include "pipeline/retry.hpp"
#include "pipeline/token_request.hpp"

namespace caspio {
namespace detail {

std::shared_ptr<HttpTransport> default_transport(const ClientOptions& options) {
  if (options.transport) return options.transport;
  TransportOptions transport_options;
  transport_options.connect_timeout = options.connect_timeout;
  transport_options.stall_timeout = options.stall_timeout;
  transport_options.request_timeout = options.request_timeout;
  transport_options.max_response_bytes = options.max_response_bytes;
  transport_options.ca_info = options.ca_info;
  transport_options.ca_path = options.ca_path;
  transport_options.proxy = options.proxy;
  transport_options.use_environment_proxy = options.use_environment_proxy;
  transport_options.compression = options.compression;
  return make_curl_transport(transport_options);
}

Pipeline::Pipeline(ClientOptions options, std::shared_ptr<HttpTransport> transport,
                   std::shared_ptr<TokenSource> tokens)
    : options_(std::move(options)), transport_(std::move(transport)), tokens_(std::move(tokens)) {
  if (!options_.clock) options_.clock = system_clock();
}

void check_header_value(const std::string& value, const char* what) {
  const bool injects = std::any_of(value.begin(), value.end(),
                                   [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
  if (injects) {
    throw_invalid(std::string(what) +
                  " contains a CR, LF or NUL character: refused before sending (it would inject "
                  "a header)");
  }
}

namespace {

// 401, or the 400 IncorrectQueryParameter Caspio sometimes answers for a stale token.
bool is_stale_token_answer(const HttpResponse& response) {
  return response.status == 401 ||
         (response.status == 400 &&
          parse_error_body(response.body).code == "IncorrectQueryParameter");
}

}  // namespace

Outcome Pipeline::execute(HttpRequest request, int max_attempts) const {
  std::optional<ClientOptions> lowered;  // only for the rest of a call's budget (rare)
  if (max_attempts > 0 && max_attempts < options_.retry.max_attempts) {
    lowered = options_;
    lowered->retry.max_attempts = max_attempts;
  }
  const ClientOptions& options = lowered ? *lowered : options_;
  request.headers.emplace_back("Accept", "application/json");
  check_header_value(options_.user_agent, "ClientOptions::user_agent");
  request.headers.emplace_back("User-Agent", options_.user_agent);
  const std::size_t auth_index = request.headers.size();
  std::string token = tokens_->token();
  check_header_value(token, "the access token");
  request.headers.emplace_back("Authorization", "Bearer " + token);
  std::vector<std::string> secrets = token_source_secrets(*tokens_);
  secrets.push_back(token);
  Outcome outcome = send_with_retry(*transport_, request, options, false, secrets);
  if (is_stale_token_answer(outcome.response) && tokens_->renew_after_unauthorized(token)) {
    token = tokens_->token();
    check_header_value(token, "the access token");
    request.headers[auth_index].second = "Bearer " + token;
    secrets = token_source_secrets(*tokens_);
    secrets.push_back(outcome.secrets.back());  // the refused token
    secrets.push_back(token);
    const int earlier = outcome.attempts;
    outcome = send_with_retry(*transport_, request, options, false, secrets);
    outcome.attempts += earlier;
  }
  return outcome;
}

}  // namespace detail
}  // namespace caspio
