#pragma once
// Building typed errors: argument refusals and HTTP error answers.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "caspio/error.hpp"
#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// Throws InvalidArgumentError with `message` (nothing was sent).
[[noreturn]] void throw_invalid(const std::string& message);

/// Throws ApiError (code "RepeatedPage"): page `page` of a fetch-all read repeated the rows of
/// the page before it, so the server is not paging and the read would never end.
[[noreturn]] void throw_repeated_page(int page);

/// Throws CancelledError (code "Cancelled").
[[noreturn]] void throw_cancelled();

/// Caspio's error fields found in a body (JSON object or array, XML), all "" when absent.
struct ErrorBody {
  std::string code;
  std::string message;
  std::string resource;
  std::string request_id;
};

/// Reads `Code`/`Error`/`error`, `Message`/`Description`/`error_description`, `Resource`,
/// `RequestId` from a JSON object, Caspio's throttle array `[{"message","name"}]`, or XML
/// (`<ErrorResult>`, `<Error>`); HTML and empty bodies give empty fields.
ErrorBody parse_error_body(const std::string& body);

/// True for 400 answers whose body carries Caspio's `api-calls-rate` throttle.
bool is_throttle_400(int status, const std::string& body);

/// `Retry-After` as seconds (delta-seconds or HTTP-date); std::nullopt when absent or bad.
std::optional<std::chrono::seconds> parse_retry_after(const std::string& value);

/// Throws the typed error for a non-2xx answer to `request` after `attempts` tries.
/// `token_endpoint` maps 400 to AuthError (OAuth's invalid_client / invalid_grant). Any echo of
/// one of `secrets` (the token sent, the refresh token, the client secret…) in the server's text
/// is redacted.
[[noreturn]] void throw_http_error(const HttpRequest& request, const HttpResponse& response,
                                   int attempts, bool token_endpoint = false,
                                   const std::vector<std::string>& secrets = {});

/// The URL with any query string removed (for error reports of token requests).
std::string strip_query(const std::string& url);

}  // namespace detail
}  // namespace caspio
