#pragma once
// The request pipeline: auth (bearer token from the TokenSource) → retry (with the observer
// hook) → transport. Renews the token once after a refusal and repeats the request once.

#include <memory>

#include "caspio/client_options.hpp"
#include "caspio/http_transport.hpp"
#include "caspio/token_source.hpp"
#include "pipeline/outcome.hpp"

namespace caspio {
namespace detail {

/// Immutable after construction; execute() may run on many threads at once.
class Pipeline {
 public:
  /// `options.clock` null means the system clock.
  Pipeline(ClientOptions options, std::shared_ptr<HttpTransport> transport,
           std::shared_ptr<TokenSource> tokens);

  /// Adds Accept, User-Agent and Authorization, sends with retries, and after a 401 (or Caspio's
  /// stale-token 400) renews the token once and repeats once. Returns the final answer, whatever
  /// its status; throws TransportError/TimeoutError when none arrived.
  Outcome execute(HttpRequest request) const;

  /// The settings in use.
  const ClientOptions& options() const noexcept { return options_; }

 private:
  ClientOptions options_;
  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<TokenSource> tokens_;
};

/// The transport of `options`, or a new default libcurl transport from its timeouts.
std::shared_ptr<HttpTransport> default_transport(const ClientOptions& options);

}  // namespace detail
}  // namespace caspio
