#pragma once
// The request pipeline: auth (bearer token from the TokenSource) → retry (with the observer
// hook) → transport. Renews the token once after a refusal and repeats the request once.

#include <memory>
#include <string>

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
  /// its status; throws TransportError/TimeoutError when none arrived. `max_attempts` above zero
  /// lowers RetryOptions::max_attempts for this request (what is left of a call's budget).
  Outcome execute(HttpRequest request, int max_attempts = 0) const;

  /// The settings in use.
  const ClientOptions& options() const noexcept { return options_; }

 private:
  ClientOptions options_;
  std::shared_ptr<HttpTransport> transport_;
  std::shared_ptr<TokenSource> tokens_;
};

/// Throws InvalidArgumentError naming `what` when `value` holds a CR, LF or NUL: sent in a header
/// it would end the header line and inject another one (or the body).
void check_header_value(const std::string& value, const char* what);

/// The transport of `options`, or a new default libcurl transport from its timeouts.
std::shared_ptr<HttpTransport> default_transport(const ClientOptions& options);

}  // namespace detail
}  // namespace caspio
