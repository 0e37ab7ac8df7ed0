#pragma once
// What a Client and its facades share: the base URL and the request pipeline. Facades build URLs
// here and make every call through call(), which ends in the one success-or-error decision.

#include <memory>
#include <string>
#include <vector>

#include "answer/answer.hpp"
#include "caspio/client_options.hpp"
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

  /// base_url + encoded segments + encoded params; throws InvalidArgumentError past 2047 chars.
  std::string url(const std::vector<std::string>& segments, const QueryParams& params = {}) const;

  /// Runs the pipeline for `request` (e.g. with a streamed body or a body sink) and decides:
  /// the Answer of a 2xx, else the typed error.
  Answer call(HttpRequest request) const;
  /// call() of a bodiless request.
  Answer call(HttpMethod method, const std::string& url) const;
  /// call() with a JSON body (`Content-Type: application/json; charset=utf-8`).
  Answer call_json(HttpMethod method, const std::string& url, std::string body) const;

 private:
  std::string base_url_;
  Pipeline pipeline_;
};

/// `Result` of `GET url` as T (ApiError for a wrong shape).
template <typename T>
T get_result(const ClientState& state, const std::string& url) {
  return result_as<T>(state.call(HttpMethod::get, url));
}

}  // namespace detail
}  // namespace caspio
