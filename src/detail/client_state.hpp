#pragma once
// What a Client and its facades share: base URL, options, transport and token provider, plus the
// request pipeline auth → retry → transport.

#include <memory>
#include <string>
#include <vector>

#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"
#include "detail/retry.hpp"
#include "detail/token_provider.hpp"
#include "detail/url.hpp"

namespace caspio {
namespace detail {

/// Immutable after construction except for the token provider and transport, which are
/// thread-safe themselves; so every const method may run on many threads at once.
class ClientState {
 public:
  ClientState(std::string base_url, ClientOptions options, std::shared_ptr<HttpTransport> transport,
              std::unique_ptr<TokenProvider> tokens);

  /// Base URL without a trailing slash, e.g. `https://c1abc123.caspio.com/rest/v2`.
  const std::string& base_url() const noexcept { return base_url_; }

  /// base_url + encoded segments + encoded params; throws InvalidArgumentError past 2047 chars.
  std::string url(const std::vector<std::string>& segments, const QueryParams& params = {}) const;

  /// Runs the pipeline (adds Accept, User-Agent, Authorization; retries; renews the token once
  /// after a 401 and repeats once). Returns the final answer, whatever its status.
  Outcome execute(HttpRequest request) const;

  /// execute() then throws the typed error for a non-2xx answer.
  HttpResponse call(HttpMethod method, const std::string& url) const;
  /// execute() of a prepared request (e.g. with a streamed body or a body sink), then throws the
  /// typed error for a non-2xx answer.
  HttpResponse call(HttpRequest request) const;
  /// As call(method, url) with a JSON body (`Content-Type: application/json`).
  HttpResponse call_json(HttpMethod method, const std::string& url, const std::string& body) const;

 private:
  std::string base_url_;
  ClientOptions options_;
  std::shared_ptr<HttpTransport> transport_;
  std::unique_ptr<TokenProvider> tokens_;
};

/// Makes the default curl transport from the client options' timeouts.
std::shared_ptr<HttpTransport> default_transport(const ClientOptions& options);

}  // namespace detail
}  // namespace caspio
