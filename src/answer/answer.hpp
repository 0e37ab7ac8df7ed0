#pragma once
// The one place that turns what the pipeline got back into a result or a typed error, and reads
// the members of Caspio's success answers (`Result`, `RecordsAffected`) with the request's method,
// URL, request id and attempt count in every error.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/definitions.hpp"
#include "caspio/http_transport.hpp"
#include "caspio/row.hpp"
#include "pipeline/outcome.hpp"

namespace caspio {
namespace detail {

/// A successful (2xx) answer and where it came from.
struct Answer {
  HttpMethod method = HttpMethod::get;  ///< Method of the request.
  std::string url;                      ///< URL of the request.
  HttpResponse response;                ///< The answer.
  int attempts = 1;                     ///< Sends it took.

  /// HTTP status of the answer.
  int status() const noexcept { return response.status; }
  /// `X-Caspio-Request-ID` of the answer, or "".
  std::string request_id() const { return response.header("X-Caspio-Request-ID"); }
};

/// The decision for every call: the Answer of a 2xx outcome; otherwise throws the typed error
/// (AuthError, NotFoundError, ConflictError, RateLimitError, ApiError). `token_endpoint` maps 400
/// to AuthError and reports the URL without its query.
Answer decide(const HttpRequest& request, Outcome outcome, bool token_endpoint = false);

/// ErrorInfo::code of an ApiError for a 2xx body that is not JSON at all (e.g. truncated).
constexpr const char* kMalformedAnswer = "MalformedAnswer";

/// Throws ApiError saying that `answer` had an unexpected shape (`why`), with `code`.
[[noreturn]] void throw_bad_answer(const Answer& answer, const std::string& why,
                                   const char* code = "");

/// The body as JSON; ApiError when it is not JSON.
nlohmann::json parse_json(const Answer& answer);
/// The body's `Result` member; ApiError when the body is not a JSON object with one.
nlohmann::json result_of(const Answer& answer);
/// The body's `Result` as rows (an array of objects, fields in the body's order); ApiError
/// otherwise.
std::vector<Row> result_rows(const Answer& answer);
/// The body's `RecordsAffected` (0 when the body is empty or has none).
std::int64_t records_affected(const Answer& answer);

/// `value.get<T>()`, a wrong shape reported as ApiError for `answer`.
template <typename T>
T convert(const nlohmann::json& value, const Answer& answer) {
  try {
    return value.get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw_bad_answer(answer, std::string("unexpected answer shape: ") + e.what());
  }
}

/// `Result` of `answer` as T.
template <typename T>
T result_as(const Answer& answer) {
  return convert<T>(result_of(answer), answer);
}

/// The answers of small calls read without a DOM (answer/result_parser.hpp); a body the fast
/// path does not take goes through the generic result_as, with the same result or error.
template <>
std::vector<std::string> result_as<std::vector<std::string>>(const Answer& answer);
/// As above, for `GET …/fields`.
template <>
std::vector<FieldDefinition> result_as<std::vector<FieldDefinition>>(const Answer& answer);
/// As above, for `GET …/fields/{field}`.
template <>
FieldDefinition result_as<FieldDefinition>(const Answer& answer);

}  // namespace detail
}  // namespace caspio
