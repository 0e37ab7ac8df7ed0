// Fuzzes the emulator's multipart upload handling: the input is the body of
// `POST` or `PUT /rest/v2/files` (boundary `fuzzb`), sent with a valid token and its exact
// Content-Length to a caspio::mock::Server over loopback; httplib splits the parts and the Files
// module reads them (uploaded_files, names, content types) and stores the files. Checks: every
// answer is an HTTP status line, a 201 reports the files, and the emulator keeps answering.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "loopback.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  caspio::fuzz::check_alive(true);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  // Half the inputs upload new files (POST), half overwrite (PUT).
  const char* method = size % 2 == 0 ? "POST" : "PUT";
  std::string request = std::string(method) +
                        " /rest/v2/files HTTP/1.1\r\nHost: fuzz\r\nAuthorization: Bearer " +
                        caspio::fuzz::emulator_token() +
                        "\r\nContent-Type: multipart/form-data; boundary=fuzzb\r\n"
                        "Content-Length: " +
                        std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  const std::string answer = caspio::fuzz::exchange(request);
  const int status = caspio::fuzz::check_status_line(answer);
  if (status == 201 && answer.find("\"Result\"") == std::string::npos) {
    std::fprintf(stderr, "201 without a Result: %.300s\n", answer.c_str());
    std::abort();
  }
  caspio::fuzz::report_500(answer);
  caspio::fuzz::check_alive(answer.empty());
  return 0;
}
