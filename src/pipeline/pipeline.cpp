#include "pipeline/pipeline.hpp"

#include "answer/errors.hpp"
#include "pipeline/retry.hpp"

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

namespace {

// 401, or the 400 IncorrectQueryParameter Caspio sometimes answers for a stale token.
bool is_stale_token_answer(const HttpResponse& response) {
  return response.status == 401 ||
         (response.status == 400 &&
          parse_error_body(response.body).code == "IncorrectQueryParameter");
}

}  // namespace

Outcome Pipeline::execute(HttpRequest request) const {
  request.headers.emplace_back("Accept", "application/json");
  request.headers.emplace_back("User-Agent", options_.user_agent);
  const std::size_t auth_index = request.headers.size();
  std::string token = tokens_->token();
  request.headers.emplace_back("Authorization", "Bearer " + token);
  Outcome outcome = send_with_retry(*transport_, request, options_);
  if (is_stale_token_answer(outcome.response) && tokens_->renew_after_unauthorized(token)) {
    token = tokens_->token();
    request.headers[auth_index].second = "Bearer " + token;
    const int earlier = outcome.attempts;
    outcome = send_with_retry(*transport_, request, options_);
    outcome.attempts += earlier;
  }
  outcome.bearer = std::move(token);
  return outcome;
}

}  // namespace detail
}  // namespace caspio
