#pragma once
// Test support: a scripted HttpTransport that records every request it is given.

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"

namespace caspio_test {

/// Answers from a queue of scripted steps (a response or a thrown error); when the queue is
/// empty it answers 200 `{"Result":[]}`.
class FakeTransport : public caspio::HttpTransport {
 public:
  using Step = std::function<caspio::HttpResponse(const caspio::HttpRequest&)>;

  void push(Step step) {
    std::lock_guard<std::mutex> lock(mutex_);
    steps_.push_back(std::move(step));
  }
  void push(int status, std::string body = {}, caspio::HttpHeaders headers = {}) {
    caspio::HttpResponse response{status, std::move(headers), std::move(body)};
    push([response](const caspio::HttpRequest&) { return response; });
  }
  void push_transport_error(bool timeout = false) {
    push([timeout](const caspio::HttpRequest&) -> caspio::HttpResponse {
      caspio::ErrorInfo info;
      info.message = timeout ? "timed out" : "connection refused";
      if (timeout) throw caspio::TimeoutError(info);
      throw caspio::TransportError(info);
    });
  }

  caspio::HttpResponse send(const caspio::HttpRequest& request) override {
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
    return caspio::HttpResponse{200, {}, R"({"Result":[]})"};
  }

  std::vector<caspio::HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Step> steps_;
  std::vector<caspio::HttpRequest> requests_;
};

/// First header value with `name` (exact case), or "".
inline std::string header_of(const caspio::HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) return value;
  }
  return {};
}

}  // namespace caspio_test
