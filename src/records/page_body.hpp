#pragma once
// One page of a fetch-all read, its body received into a buffer that the reader reuses from page
// to page (instead of allocating and freeing a page-sized body each time), and read again when it
// arrived cut short.

#include <strings.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#include "answer/answer.hpp"
#include "answer/errors.hpp"
#include "caspio/http_transport.hpp"
#include "client/client_state.hpp"
#include "records/paging.hpp"

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

/// `read(answer)` of `GET` page `page` of `plan`, the body received into `sink` and lent to the
/// answer while `read` runs (a transport without sink support leaves it in the answer anyway). A
/// body `read` finds cut short (ApiError kMalformedAnswer) is fetched again, within the call's one
/// budget of sends, as ClientState::call_and_read() does.
template <typename Read>
auto read_page(const ClientState& state, const PagePlan& plan, int page, BufferSink& sink,
               Read read) -> decltype(read(std::declval<const Answer&>())) {
  HttpRequest request;
  request.method = HttpMethod::get;
  request.url = state.url(plan.segments, page_params(plan, page));
  request.body_sink = std::shared_ptr<HttpBodySink>(std::shared_ptr<HttpBodySink>(), &sink);
  request.limit_sink_body = true;  // the page stays in memory: max_response_bytes holds
  sink.begun = false;
  return state.call_and_read(request, [&sink, &read](Answer& answer) {
    // Lends the buffer to the answer and takes it back, also when `read` throws.
    struct Lend {
      BufferSink& sink;
      std::string& body;
      explicit Lend(BufferSink& s, std::string& b) : sink(s), body(b) {
        if (sink.begun) body.swap(sink.body);
      }
      ~Lend() {
        if (sink.begun) body.swap(sink.body);
        sink.begun = false;  // a re-read starts afresh
      }
      Lend(const Lend&) = delete;
      Lend& operator=(const Lend&) = delete;
    } lend(sink, answer.response.body);
    return read(static_cast<const Answer&>(answer));
  });
}

}  // namespace detail
}  // namespace caspio
