#include "support/error_report.hpp"

#include <fmt/format.h>

#include <iostream>
#include <string_view>
#include <system_error>

#include "support/cli_error.hpp"

namespace caspio_cli {
namespace {

// One bounded line: control characters become spaces.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char ch : text.substr(0, 400)) {
    out += static_cast<unsigned char>(ch) < 0x20 ? ' ' : ch;
  }
  return out;
}

}  // namespace

ExitCode exit_code_of(const caspio::Error& error) noexcept {
  if (dynamic_cast<const caspio::NotFoundError*>(&error) != nullptr) return exit_not_found;
  if (dynamic_cast<const caspio::AuthError*>(&error) != nullptr) return exit_auth;
  if (dynamic_cast<const caspio::RateLimitError*>(&error) != nullptr) return exit_rate_limit;
  if (dynamic_cast<const caspio::InvalidArgumentError*>(&error) != nullptr) return exit_usage;
  return exit_other;
}

std::string describe(const caspio::Error& error) {
  const caspio::ErrorInfo& info = error.info();
  std::string text = one_line(info.message.empty() ? std::string("no message") : info.message);
  std::string details;
  const auto add = [&details](const std::string& part) {
    details += details.empty() ? part : ", " + part;
  };
  if (!info.code.empty()) add(one_line(info.code));
  if (info.http_status != 0) add(fmt::format("HTTP {}", info.http_status));
  if (!info.request_id.empty()) add("request id " + one_line(info.request_id));
  if (info.attempts > 1) add(fmt::format("after {} attempts", info.attempts));
  if (dynamic_cast<const caspio::TransportError*>(&error) != nullptr && !info.url.empty()) {
    add(info.method + " " + info.url);
  }
  return details.empty() ? text : text + " (" + details + ")";
}

ExitCode report_current_exception(const std::string& what) noexcept {
  ExitCode code = exit_other;
  std::string text;
  try {
    throw;
  } catch (const CliError& e) {
    code = e.code();
    text = e.what();
  } catch (const caspio::Error& e) {
    code = exit_code_of(e);
    text = describe(e);
  } catch (const std::system_error& e) {
    text = e.what();
  } catch (const std::exception& e) {
    text = e.what();
  } catch (...) {
    text = "unknown failure";
  }
  try {
    std::cerr << "caspio: " << (what.empty() ? "" : what + ": ") << one_line(text) << std::endl;
  } catch (...) {
  }
  return code;
}

}  // namespace caspio_cli
