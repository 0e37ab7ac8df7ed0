// Fuzzes the emulator's request handling from the wire: the input is one raw HTTP request (request
// line, headers, body) sent to a caspio::mock::Server over loopback. `@T` in the input stands for
// a valid access token and `@L` for the body's length. Checks: every answer is an HTTP/1.1 status
// line (or a closed connection), and the emulator keeps answering. The control API (`/__mock`) is
// left out: it can inject delays and limits on purpose.
#include <cstddef>
#include <cstdint>
#include <string>

#include "loopback.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  caspio::fuzz::check_alive(true);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string request(reinterpret_cast<const char*>(data), size);
  if (request.find("__mock") != std::string::npos) return -1;  // not a corpus input
  request = caspio::fuzz::fill_markers(std::move(request));
  const std::string answer = caspio::fuzz::exchange(request);
  caspio::fuzz::check_status_line(answer);
  caspio::fuzz::report_500(answer);
  caspio::fuzz::check_alive(answer.empty());
  return 0;
}
