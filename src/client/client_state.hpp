#pragma once
// What a Client and its facades share: the base URL and the request pipeline. Facades build URLs
// here and make every call through call(), which ends in the one success-or-error decision.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answer/answer.hpp"
#include "caspio/cancellation.hpp"
#include "caspio/client_options.hpp"
#include "caspio/error.hpp"
#include "caspio/http_transport.hpp"
#include "caspio/token_source.hpp"
#include "pipeline/pipeline.hpp"
#include "request/url.hpp"

namespace caspio {
namespace detail {

/// Immutable after construction; every const method may run on many threads at once.
class ClientState {
 public:
  /// Throws InvalidArgumentError for a refused base URL.
  ClientState(std::string base_url, ClientOptions options, std::shared_ptr<HttpTransport> transport,
              std::shared_ptr<TokenSource> tokens);

  /// Base URL without a trailing slash, e.g. `https://c1abc123.caspio.com/rest/v2`.
  const std::string& base_url() const noexcept { return base_url_; }
  /// The REST API version the facades speak.
  ApiVersion api_version() const noexcept { return api_version_; }
  /// True for REST v3.
  bool v3() const noexcept { return api_version_ == ApiVersion::v3; }
  /// Throws InvalidArgumentError (nothing sent) when the client is not v3: `operation` exists
  /// only in REST v3.
  void require_v3(const char* operation) const;

  /// base_url + encoded segments + encoded params; throws InvalidArgumentError past 2047 chars.
  std::string url(const std::vector<std::string>& segments, const QueryParams& params = {}) const;

  /// A state sharing this one's pipeline whose calls observe `token`.
  std::shared_ptr<const ClientState> with_cancellation(const CancellationToken& token) const;

  /// Throws CancelledError when this state's token was cancelled.
  void check_cancelled() const;

  /// Runs the pipeline for `request` (e.g. with a streamed body or a body sink) and decides:
  /// the Answer of a 2xx, else the typed error. `max_attempts` above zero lowers
  /// RetryOptions::max_attempts for this request.
  Answer call(HttpRequest request, int max_attempts = 0) const;
  /// call() of a bodiless request.
  Answer call(HttpMethod method, const std::string& url) const;
  /// How many times a GET whose 2xx body is not JSON is fetched in all (RetryOptions).
  int read_attempts() const noexcept {
    return std::max(1, pipeline_->options().retry.max_attempts);
  }

  /// `GET url` read by `read(const Answer&)`, as call_and_read().
  template <typename Read>
  auto get_and_read(const std::string& url, Read read) const
      -> decltype(read(std::declval<Answer&>())) {
    HttpRequest request;
    request.method = HttpMethod::get;
    request.url = url;
    return call_and_read(request, read);
  }

  /// call(`request`) read by `read(Answer&)`. A 2xx answer whose body `read` finds malformed
  /// (ApiError kMalformedAnswer, e.g. cut short on the way) is fetched again after a backoff.
  /// One budget of RetryOptions::max_attempts sends covers the whole call, the pipeline's
  /// retries and these re-reads together, and every error reports the sends of the whole call.
  template <typename Read>
  auto call_and_read(const HttpRequest& request, Read read) const
      -> decltype(read(std::declval<Answer&>())) {
    const int budget = read_attempts();
    int sent = 0;
    for (;;) {
      Answer answer;
      try {
        answer = call(request, budget - sent);
      } catch (const Error&) {
        rethrow_with_attempts(sent);
      }
      sent += answer.attempts;
      try {
        return read(answer);
      } catch (const ApiError& e) {
        if (e.code() != kMalformedAnswer) throw;
        if (sent >= budget) rethrow_with_attempts(sent - answer.attempts);
      }
      wait_before_reread(sent);
    }
  }
  /// call() with a JSON body (`Content-Type: application/json; charset=utf-8`).
  Answer call_json(HttpMethod method, const std::string& url, std::string body) const;

 private:
  /// Rethrows the Error being handled with `earlier` sends added to its attempt count.
  [[noreturn]] static void rethrow_with_attempts(int earlier);
  /// The backoff before a re-read after `sent` sends (cancellable).
  void wait_before_reread(int sent) const;

  std::string base_url_;
  ApiVersion api_version_ = ApiVersion::v2;
  std::shared_ptr<const Pipeline> pipeline_;
  std::optional<CancellationToken> cancellation_;
};

/// `Result` of `GET url` as T (ApiError for a wrong shape).
template <typename T>
T get_result(const ClientState& state, const std::string& url) {
  return state.get_and_read(url, [](const Answer& answer) { return result_as<T>(answer); });
}

}  // namespace detail
}  // namespace caspio
