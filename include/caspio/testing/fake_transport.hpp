#pragma once
/// @file
/// caspio::testing::FakeTransport, a scripted HttpTransport for unit tests of code that calls the
/// SDK: it answers from a queue of scripted steps and records every request it was given.
///
/// @code
/// auto fake = std::make_shared<caspio::testing::FakeTransport>();
/// fake->push(200, R"({"Result":["Demo_Users"]})");
/// caspio::ClientOptions options;
/// options.transport = fake;
/// options.base_url = "https://c1abc123.caspio.com/rest/v2";
/// caspio::Client client{"", "token", options};
/// auto names = client.tables().listing();      // {"Demo_Users"}
/// auto sent = fake->requests();                // one GET …/tables
/// @endcode

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "caspio/error.hpp"
#include "caspio/http_transport.hpp"

namespace caspio {
namespace testing {

/// Answers requests from a queue of scripted steps (an answer, or a thrown error); when the queue
/// is empty it answers 200 `{"Result":[]}`. Every request is recorded.
/// @par Thread safety
/// All methods may be called from many threads at once.
class FakeTransport : public HttpTransport {
 public:
  /// A scripted step: gets the request, returns the answer or throws (TransportError…).
  using Step = std::function<HttpResponse(const HttpRequest&)>;

  /// Queues a step.
  void push(Step step) {
    std::lock_guard<std::mutex> lock(mutex_);
    steps_.push_back(std::move(step));
  }
  /// Queues an answer with this status, body and headers.
  void push(int status, std::string body = {}, HttpHeaders headers = {}) {
    HttpResponse response{status, std::move(headers), std::move(body)};
    push([response](const HttpRequest&) { return response; });
  }
  /// Queues a failure with no answer: TimeoutError when `timeout`, else TransportError.
  void push_transport_error(bool timeout = false) {
    push([timeout](const HttpRequest&) -> HttpResponse {
      ErrorInfo info;
      info.message = timeout ? "timed out" : "connection refused";
      if (timeout) throw TimeoutError(info);
      throw TransportError(info);
    });
  }

  /// Records `request`, then runs the next step (or answers 200 `{"Result":[]}`). A streamed
  /// body (HttpRequest::body_source) is recorded as the pointer, not read; a 2xx body comes back
  /// in HttpResponse::body even when the request has a sink (the SDK then feeds the sink itself,
  /// as for any transport without sink support).
  HttpResponse send(const HttpRequest& request) override {
    Step step;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(request);
      if (!steps_.empty()) {
        step = std::move(steps_.front());
        steps_.pop_front();
      }
    }
    if (step) return step(request);
    return HttpResponse{200, {}, R"({"Result":[]})"};
  }

  /// Every request received so far, in order.
  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  /// Number of scripted steps not yet used.
  std::size_t pending() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return steps_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Step> steps_;
  std::vector<HttpRequest> requests_;
};

/// The first value of header `name` in `request` (ASCII case-insensitive), or "".
inline std::string header_of(const HttpRequest& request, const std::string& name) {
  for (const auto& field : request.headers) {
    if (field.first.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
      same = lower(field.first[i]) == lower(name[i]);
    }
    if (same) return field.second;
  }
  return {};
}

}  // namespace testing
}  // namespace caspio
