#pragma once
// One request being served by the emulator, and the helpers every route module uses to answer.

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace caspio {
namespace mock {
namespace detail {

/// Thrown by a route handler; the dispatcher answers with Caspio's error body
/// `{"Code","Message","Resource","RequestId"}` and this status.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

/// 404 ObjectNotFound, as Caspio answers for an unknown table, view, app, task or file key.
ApiError not_found(const std::string& what = "Requested object not found");
/// 400 IncorrectQueryParameter.
ApiError bad_query(const std::string& message);
/// 400 IncorrectBodyParameter.
ApiError bad_body(const std::string& message);
/// 400 SqlServerError with a SQL-Server-like message.
ApiError sql_error(const std::string& message);

/// The request being served plus what the dispatcher learnt about it.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  /// Decoded values of the `{}` placeholders of the matched route pattern, in order.
  std::vector<std::string> params;
  /// The `X-Caspio-Request-ID` of this answer (upper-case GUID).
  std::string request_id;
  /// Full request URL as received (`Resource` of error bodies).
  std::string resource;

  /// Decoded query parameter; std::nullopt when absent. An empty value stays "" (Caspio treats an
  /// empty q.* value as "not given"; use query_nonempty for that).
  std::optional<std::string> query(const std::string& name) const;
  /// Decoded query parameter, std::nullopt when absent or empty.
  std::optional<std::string> query_nonempty(const std::string& name) const;
  /// The body parsed as JSON; throws bad_body() when it is not valid JSON.
  nlohmann::json json_body() const;

  /// Answers `status` with a JSON body.
  void reply_json(int status, const nlohmann::json& body);
  /// Answers `status` with no body.
  void reply_empty(int status);
  /// Answers `status` with raw bytes.
  void reply_bytes(int status, std::string bytes, const std::string& content_type);
};

/// Matches requests to handlers by method and path segments (on the raw, still percent-encoded
/// path, so `%2F` inside a name never splits a segment). A pattern is like
/// "/rest/v2/tables/{}/records"; each `{}` matches one non-empty segment, passed decoded in
/// Call::params.
class Router {
 public:
  using Handler = std::function<void(Call&)>;
  /// Registers a handler for one method and pattern.
  void add(const std::string& method, const std::string& pattern, Handler handler);
  /// Runs the matching handler. Throws ApiError 404 when no pattern matches the path, and
  /// 405 when the path matches but not the method.
  void dispatch(Call& call, const std::string& raw_path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

/// Deepest nesting of arrays and objects a JSON body may have.
constexpr int kMaxJsonDepth = 64;
/// Parses a request body as JSON: 400 IncorrectBodyParameter when it is not valid JSON or nests
/// deeper than kMaxJsonDepth (checked before parsing, so a body of brackets costs no memory).
nlohmann::json parse_json_body(const std::string& body);

/// Percent-decodes one path segment or query value ('+' is kept as '+').
std::string percent_decode(const std::string& in);
/// Splits a raw path on '/', dropping empty segments, without decoding.
std::vector<std::string> split_path(const std::string& raw_path);
/// ASCII case-insensitive equality.
bool iequals(const std::string& a, const std::string& b);
/// Lower-case ASCII copy.
std::string ascii_lower(std::string s);
/// A new upper-case GUID (as Caspio's RequestId) or lower-case (as its ExternalKeys).
std::string new_guid(bool upper_case);
/// The time as Caspio's records show it: "YYYY-MM-DDTHH:MM:SS" (UTC, no zone).
std::string iso_now();
/// The time as v2 file metadata shows it: "M/D/YYYY h:mm:ss AM" (UTC).
std::string us_now();

}  // namespace detail
}  // namespace mock
}  // namespace caspio
