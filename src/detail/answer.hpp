#pragma once
// Reading Caspio answers into C++ types, for the Apps, Files, Tasks and Utils facades.

#include <string>

#include <nlohmann/json.hpp>

#include "caspio/http_transport.hpp"
#include "detail/client_state.hpp"

namespace caspio {
namespace detail {

/// Throws ApiError (status 200) saying the answer to `method url` had an unexpected shape.
[[noreturn]] void throw_bad_answer(HttpMethod method, const std::string& url,
                                   const std::string& what);

/// `GET url` and its `Result` member; throws ApiError when the answer is not JSON or has none.
nlohmann::json get_result(const ClientState& state, const std::string& url);

/// `Result` of a 2xx answer body; throws ApiError when it is not JSON or has none.
nlohmann::json result_of_answer(const HttpResponse& response, HttpMethod method,
                                const std::string& url);

/// `value.get<T>()`, with a wrong shape reported as ApiError for `method url`.
template <typename T>
T convert_answer(const nlohmann::json& value, HttpMethod method, const std::string& url) {
  try {
    return value.get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw_bad_answer(method, url, e.what());
  }
}

}  // namespace detail
}  // namespace caspio
