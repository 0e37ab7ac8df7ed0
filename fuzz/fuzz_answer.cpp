// Fuzzes the SDK's reading of answers: detail::parse_error_body, parse_retry_after and
// is_throttle_400 on their own, then detail::decide and the Result readers on a fuzzed
// HttpResponse (status, headers, body). Checks: every non-2xx becomes a caspio::ApiError (or
// subclass) with that status; a 2xx reader either succeeds or throws ApiError, never another
// exception; the bearer token sent never appears in what() or the ErrorInfo fields.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "answer/answer.hpp"
#include "answer/errors.hpp"
#include "caspio/error.hpp"

namespace {

const std::string kBearer = "fuzzBearer0123456789abcdefTOKEN";

void require(bool ok, const char* what, const std::string& detail) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_answer: %s: %s\n", what, detail.c_str());
  std::abort();
}

bool leaks(const std::string& text) {
  return text.find(kBearer) != std::string::npos;
}

void check_no_token(const caspio::Error& e) {
  const caspio::ErrorInfo& info = e.info();
  require(!leaks(e.what()), "token in what()", e.what());
  for (const std::string* field : {&info.code, &info.message, &info.resource, &info.request_id}) {
    require(!leaks(*field), "token in ErrorInfo", *field);
  }
}

// The readers of a 2xx answer: a value or ApiError.
void read_success(const caspio::detail::Answer& answer) {
  try {
    (void)caspio::detail::records_affected(answer);
  } catch (const caspio::ApiError& e) {
    check_no_token(e);
  }
  try {
    (void)caspio::detail::result_rows(answer);
  } catch (const caspio::ApiError& e) {
    check_no_token(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  caspio::HttpResponse response;
  response.status = in.ConsumeIntegralInRange<int>(100, 599);
  const bool token_endpoint = in.ConsumeBool();
  const int headers = in.ConsumeIntegralInRange<int>(0, 3);
  static const char* kNames[] = {"Retry-After", "X-Caspio-Request-ID", "Content-Type"};
  for (int i = 0; i < headers; ++i) {
    std::string value = in.ConsumeRandomLengthString(80);
    if (value == "@T") value = kBearer;
    response.headers.emplace_back(kNames[i], value);
  }
  std::string body = in.ConsumeRemainingBytesAsString();
  // `@T` in the body stands for the token the request sent (a server echoing it).
  for (std::size_t pos = 0; (pos = body.find("@T", pos)) != std::string::npos;) {
    body.replace(pos, 2, kBearer);
  }
  response.body = body;

  (void)caspio::detail::parse_error_body(body);
  (void)caspio::detail::is_throttle_400(response.status, body);
  if (const auto wait = caspio::detail::parse_retry_after(response.header("Retry-After"))) {
    require(wait->count() >= 0, "negative Retry-After", response.header("Retry-After"));
  }

  caspio::HttpRequest request;
  request.method = caspio::HttpMethod::get;
  request.url = "https://c1abc123.caspio.com/rest/v2/tables/Demo/records?q.pageSize=5";
  caspio::detail::Outcome outcome{response, 1, {kBearer}};
  const bool success = response.status >= 200 && response.status <= 299;
  try {
    const caspio::detail::Answer answer =
        caspio::detail::decide(request, std::move(outcome), token_endpoint);
    require(success, "decide accepted a non-2xx status", std::to_string(response.status));
    read_success(answer);
  } catch (const caspio::ApiError& e) {
    require(!success, "decide threw for a 2xx status", e.what());
    require(e.http_status() == response.status, "wrong status in the error", e.what());
    check_no_token(e);
  }
  return 0;
}
