#pragma once
// A body sink that keeps a 2xx body in one buffer, so that the pages of one read reuse it instead
// of allocating (and freeing) a page-sized body each time.

#include <strings.h>

#include <cstdlib>
#include <string>

#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// Keeps the body of the last answer in `body`, reserved from its Content-Length.
class BufferSink final : public HttpBodySink {
 public:
  void begin(int, const HttpHeaders& headers) override {
    begun = true;
    body.clear();
    for (const auto& [name, value] : headers) {
      if (name.size() == 14 && strncasecmp(name.c_str(), "Content-Length", 14) == 0) {
        const unsigned long long size = std::strtoull(value.c_str(), nullptr, 10);
        if (size > 0 && size < (1ull << 30)) body.reserve(static_cast<std::size_t>(size));
      }
    }
  }
  void write(const char* data, std::size_t size) override { body.append(data, size); }

  bool begun = false;  ///< Set by begin(): the body is here, not in the answer.
  std::string body;    ///< The body received.
};

}  // namespace detail
}  // namespace caspio
