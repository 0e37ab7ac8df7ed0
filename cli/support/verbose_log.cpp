#include "support/verbose_log.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace caspio_cli {
namespace {

struct AttemptLine {
  std::string method;
  std::string url;
  int http_status = 0;
  std::chrono::microseconds duration{0};
  int attempt = 0;
  std::string request_id;
  std::string error;
  bool will_retry = false;
};

void print(const AttemptLine& a) {
  std::string line = fmt::format("caspio: {} {} -> ", a.method, a.url);
  line += a.http_status != 0 ? std::to_string(a.http_status) : "no answer";
  line += fmt::format(" ({:.1f} ms", static_cast<double>(a.duration.count()) / 1000.0);
  if (a.attempt > 0) line += fmt::format(", attempt {}", a.attempt);
  if (!a.request_id.empty()) line += ", request id " + a.request_id;
  if (!a.error.empty()) line += ", " + a.error;
  if (a.will_retry) line += ", will retry";
  line += ")\n";
  std::fputs(line.c_str(), stderr);
}

}  // namespace

void attach_verbose_log(caspio::ClientOptions& options) {
  options.observer = [](const caspio::AttemptEvent& e) {
    print({e.method, e.url, e.http_status, e.duration, e.attempt, e.request_id, e.error,
           e.will_retry});
  };
}

}  // namespace caspio_cli
