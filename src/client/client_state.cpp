#include "client/client_state.hpp"

#include <cctype>
#include <string>

#include "answer/errors.hpp"
#include "pipeline/retry.hpp"

namespace caspio {
namespace detail {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A base URL that names the other REST version is refused: every path and body would be wrong.
void check_base_version(const std::string& base_url, ApiVersion version) {
  std::string lower;
  for (const char c : base_url)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  const bool other =
      version == ApiVersion::v3 ? ends_with(lower, "/rest/v2") : ends_with(lower, "/rest/v3");
  if (other) {
    throw_invalid("base_url '" + base_url + "' is not a REST " + api_version_name(version) +
                  " base, but ClientOptions::api_version is " + api_version_name(version) +
                  " (REST v2 is under /rest/v2, v3 under /integrations/rest/v3)");
  }
}

}  // namespace

ClientState::ClientState(std::string base_url, ClientOptions options,
                         std::shared_ptr<HttpTransport> transport,
                         std::shared_ptr<TokenSource> tokens)
    : base_url_(std::move(base_url)),
      api_version_(options.api_version),
      pipeline_(std::make_shared<const Pipeline>(std::move(options), std::move(transport),
                                                 std::move(tokens))) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  check_url_allowed(base_url_, "base_url");
  if (base_url_.find_first_of("?#") != std::string::npos) {
    throw_invalid("base_url must not contain a query or fragment");
  }
  check_base_version(base_url_, api_version_);
}

void ClientState::require_v3(const char* operation) const {
  if (v3()) return;
  throw_invalid(std::string(operation) +
                " exists only in Caspio REST v3: set ClientOptions::api_version to "
                "ApiVersion::v3 (with a /integrations/rest/v3 base_url)");
}

std::string ClientState::url(const std::vector<std::string>& segments,
                             const QueryParams& params) const {
  return build_url(base_url_, segments, params);
}

std::shared_ptr<const ClientState> ClientState::with_cancellation(
    const CancellationToken& token) const {
  auto copy = std::make_shared<ClientState>(*this);
  copy->cancellation_ = token;
  return copy;
}

void ClientState::check_cancelled() const {
  if (cancellation_ && cancellation_->cancelled()) throw_cancelled();
}

Answer ClientState::call(HttpRequest request, int max_attempts) const {
  if (cancellation_) {
    check_cancelled();
    request.cancelled = [token = *cancellation_] { return token.cancelled(); };
  }
  Outcome outcome = pipeline_->execute(request, max_attempts);
  return decide(request, std::move(outcome));
}

Answer ClientState::call(HttpMethod method, const std::string& url) const {
  HttpRequest request;
  request.method = method;
  request.url = url;
  return call(std::move(request));
}

Answer ClientState::call_json(HttpMethod method, const std::string& url, std::string body) const {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = std::move(body);
  request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  return call(std::move(request));
}

namespace {

template <typename E>
[[noreturn]] void rethrow_more(const E& error, int earlier) {
  ErrorInfo info = error.info();
  info.attempts += earlier;
  throw E(std::move(info));
}

}  // namespace

void ClientState::rethrow_with_attempts(int earlier) {
  if (earlier <= 0) throw;
  try {
    throw;
  } catch (const AuthError& e) {
    rethrow_more(e, earlier);
  } catch (const NotFoundError& e) {
    rethrow_more(e, earlier);
  } catch (const ConflictError& e) {
    rethrow_more(e, earlier);
  } catch (const RateLimitError& e) {
    rethrow_more(e, earlier);
  } catch (const ApiError& e) {
    rethrow_more(e, earlier);
  } catch (const TimeoutError& e) {
    rethrow_more(e, earlier);
  } catch (const TransportError& e) {
    rethrow_more(e, earlier);
  }
  // Not reached: any other Error (CancelledError, InvalidArgumentError) left the try above.
  throw;
}

void ClientState::wait_before_reread(int sent) const {
  HttpRequest polled;  // only its cancellation is looked at
  if (cancellation_) polled.cancelled = [token = *cancellation_] { return token.cancelled(); };
  wait_before_retry(pipeline_->options(), jitter_delay(pipeline_->options().retry, sent - 1),
                    polled);
}

}  // namespace detail
}  // namespace caspio
