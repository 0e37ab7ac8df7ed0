#include "answer/answer.hpp"

#include <fmt/format.h>
#include <strings.h>
#include <algorithm>
#include <cctype>

#include "answer/errors.hpp"
#include "answer/redact.hpp"
#include "answer/result_parser.hpp"
#include "answer/row_parser.hpp"
#include "caspio/error.hpp"

namespace caspio {
namespace detail {

Answer decide(const HttpRequest& request, Outcome outcome, bool token_endpoint) {
  // The request id ends up in errors (what()): a server echoing the token there must not leak it.
  for (auto& [name, value] : outcome.response.headers) {
    if (::strcasecmp(name.c_str(), "X-Caspio-Request-ID") == 0) {
      // A GUID (hex digits and dashes) holds none of the patterns redact_secrets looks for.
      const bool guid = std::all_of(value.begin(), value.end(), [](char c) {
        return c == '-' || std::isxdigit(static_cast<unsigned char>(c)) != 0;
      });
      if (!guid) {
        value = redact_all(std::move(value), outcome.secrets);
        continue;
      }
      for (const auto& secret : outcome.secrets) value = redact_exact(std::move(value), secret);
    }
  }
  const int status = outcome.response.status;
  if (status < 200 || status > 299) {
    throw_http_error(request, outcome.response, outcome.attempts, token_endpoint, outcome.secrets);
  }
  Answer answer;
  answer.method = request.method;
  answer.url = token_endpoint ? strip_query(request.url) : request.url;
  answer.response = std::move(outcome.response);
  answer.attempts = outcome.attempts;
  return answer;
}

void throw_bad_answer(const Answer& answer, const std::string& why, const char* code) {
  ErrorInfo info;
  info.code = code;
  info.http_status = answer.status();
  info.message = why;
  info.request_id = answer.request_id();
  info.method = to_string(answer.method);
  info.url = answer.url;
  info.attempts = answer.attempts;
  throw ApiError(std::move(info));
}

nlohmann::json parse_json(const Answer& answer) {
  auto json = nlohmann::json::parse(answer.response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    throw_bad_answer(
        answer,
        fmt::format("answer body is not valid JSON ({} bytes)", answer.response.body.size()),
        kMalformedAnswer);
  }
  return json;
}

nlohmann::json result_of(const Answer& answer) {
  nlohmann::json body = parse_json(answer);
  if (body.is_object()) {
    const auto it = body.find("Result");
    if (it != body.end()) return std::move(*it);
  }
  throw_bad_answer(answer, "answer has no Result");
}

std::vector<Row> result_rows(const Answer& answer) {
  // The fast path (simdjson); a body it does not take is read again below to name the problem.
  if (auto rows = parse_result_rows(answer.response.body)) return std::move(*rows);
  auto body =
      nlohmann::ordered_json::parse(answer.response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    throw_bad_answer(
        answer,
        fmt::format("answer body is not valid JSON ({} bytes)", answer.response.body.size()),
        kMalformedAnswer);
  }
  const auto result = body.is_object() ? body.find("Result") : body.end();
  if (!body.is_object() || result == body.end()) throw_bad_answer(answer, "answer has no Result");
  if (!result->is_array()) throw_bad_answer(answer, "answer has no Result array");
  std::vector<Row> rows;
  rows.reserve(result->size());
  for (const auto& row : *result) {
    if (!row.is_object()) {
      throw_bad_answer(answer, fmt::format("Result holds {} where a record (JSON object) belongs",
                                           row.type_name()));
    }
    rows.push_back(Row::from_json(row));
  }
  return rows;
}

std::int64_t records_affected(const Answer& answer) {
  if (answer.response.body.empty()) return 0;
  const nlohmann::json body = parse_json(answer);
  if (!body.is_object()) return 0;
  const auto it = body.find("RecordsAffected");
  if (it == body.end() || !it->is_number()) return 0;
  return it->get<std::int64_t>();
}

template <>
std::vector<std::string> result_as<std::vector<std::string>>(const Answer& answer) {
  if (auto names = parse_result_names(answer.response.body)) return std::move(*names);
  return convert<std::vector<std::string>>(result_of(answer), answer);
}

template <>
std::vector<FieldDefinition> result_as<std::vector<FieldDefinition>>(const Answer& answer) {
  if (auto fields = parse_result_fields(answer.response.body)) return std::move(*fields);
  return convert<std::vector<FieldDefinition>>(result_of(answer), answer);
}

template <>
FieldDefinition result_as<FieldDefinition>(const Answer& answer) {
  if (auto field = parse_result_field(answer.response.body)) return std::move(*field);
  return convert<FieldDefinition>(result_of(answer), answer);
}

}  // namespace detail
}  // namespace caspio
