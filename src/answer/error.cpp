#include "caspio/error.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string_view>

#include "answer/errors.hpp"
#include "answer/redact.hpp"

namespace caspio {

namespace {

// One line, bounded: control characters become spaces, long text is cut.
std::string one_line(std::string_view text, std::size_t max = 300) {
  std::string out;
  out.reserve(std::min(text.size(), max + 3));
  for (const char ch : text) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    out += (static_cast<unsigned char>(ch) < 0x20) ? ' ' : ch;
  }
  return out;
}

std::string describe(const ErrorInfo& info) {
  std::string text = "caspio: ";
  if (!info.method.empty()) text += fmt::format("{} {}: ", info.method, info.url);
  if (info.http_status != 0) text += fmt::format("HTTP {} ", info.http_status);
  if (!info.code.empty()) text += one_line(info.code, 80) + ": ";
  text += one_line(info.message.empty() ? std::string_view("(no message)") : info.message);
  if (!info.request_id.empty())
    text += fmt::format(" [RequestId {}]", one_line(info.request_id, 80));
  if (info.attempts > 1) text += fmt::format(" after {} attempts", info.attempts);
  return text;
}

// Every error the SDK builds passes here: no credential a server echoed survives.
ErrorInfo redacted(ErrorInfo info) {
  info.message = detail::redact_secrets(std::move(info.message));
  info.code = detail::redact_secrets(std::move(info.code));
  info.resource = detail::redact_secrets(std::move(info.resource));
  info.request_id = detail::redact_secrets(std::move(info.request_id));
  info.url = detail::redact_secrets(std::move(info.url));
  return info;
}

}  // namespace

Error::Error(ErrorInfo info)
    : std::runtime_error(describe(info = redacted(std::move(info)))), info_(std::move(info)) {}

namespace detail {

void throw_repeated_page(int page) {
  ErrorInfo info;
  info.code = "RepeatedPage";
  info.message = fmt::format(
      "page {} repeated the rows of page {}: the server ignores q.pageNumber; stopped instead of "
      "reading forever",
      page, page - 1);
  throw ApiError(std::move(info));
}

void throw_cancelled() {
  ErrorInfo info;
  info.code = "Cancelled";
  info.message = "the call was cancelled";
  throw CancelledError(std::move(info));
}

void throw_invalid(const std::string& message) {
  ErrorInfo info;
  info.message = message;
  throw InvalidArgumentError(std::move(info));
}

}  // namespace detail
}  // namespace caspio
