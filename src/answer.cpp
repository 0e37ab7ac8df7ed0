#include "detail/answer.hpp"

#include <fmt/format.h>

#include "caspio/error.hpp"
#include "detail/records.hpp"

namespace caspio {
namespace detail {

void throw_bad_answer(HttpMethod method, const std::string& url, const std::string& what) {
  ErrorInfo info;
  info.http_status = 200;
  info.message = fmt::format("unexpected answer shape: {}", what);
  info.method = to_string(method);
  info.url = url;
  info.attempts = 1;
  throw ApiError(std::move(info));
}

nlohmann::json result_of_answer(const HttpResponse& response, HttpMethod method,
                                const std::string& url) {
  nlohmann::json body = parse_answer(response, method, url);
  if (body.is_object()) {
    const auto it = body.find("Result");
    if (it != body.end()) return std::move(*it);
  }
  throw_bad_answer(method, url, "answer has no Result");
}

nlohmann::json get_result(const ClientState& state, const std::string& url) {
  return result_of_answer(state.call(HttpMethod::get, url), HttpMethod::get, url);
}

}  // namespace detail
}  // namespace caspio
