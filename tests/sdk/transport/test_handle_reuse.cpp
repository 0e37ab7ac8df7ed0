// The curl transport keeps its pooled easy handles configured between requests (no
// curl_easy_reset): every request still goes out with its own method, body and headers, whatever
// the request before it on the same handle was.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "emulator.hpp"

using caspio_test::Emulator;

namespace {

// A streamed body of `text`.
class TextSource final : public caspio::HttpBodySource {
 public:
  explicit TextSource(std::string text) : text_(std::move(text)) {}
  std::uint64_t size() const override { return text_.size(); }
  std::unique_ptr<caspio::HttpBodyReader> open() const override {
    return std::make_unique<Reader>(text_);
  }

 private:
  class Reader final : public caspio::HttpBodyReader {
   public:
    explicit Reader(const std::string& text) : text_(text) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
      const std::size_t n = std::min(capacity, text_.size() - done_);
      text_.copy(buffer, n, done_);
      done_ += n;
      return n;
    }

   private:
    const std::string& text_;
    std::size_t done_ = 0;
  };
  std::string text_;
};

struct Step {
  caspio::HttpMethod method;
  std::string body;  // sent from memory, or streamed when `streamed`
  bool streamed = false;
  std::string expected_method;
};

}  // namespace

TEST(HandleReuse, EachRequestHasItsOwnMethodBodyAndHeaders) {
  Emulator emu;
  caspio::TransportOptions options;
  options.max_idle_handles = 1;  // one handle serves every request below, one after the other
  auto transport = caspio::make_curl_transport(options);
  const std::string token = emu.server().issue_token();
  using M = caspio::HttpMethod;
  // Every transition between methods and body kinds that leaves state in a handle: a body after
  // a streamed one, a GET or DELETE after a POST (no body again), a POST after a PUT or DELETE.
  const std::vector<Step> steps = {
      {M::post, R"({"Email":"a@x"})", false, "POST"},
      {M::delete_, "", false, "DELETE"},
      {M::get, "", false, "GET"},
      {M::put, R"({"Role":"streamed"})", true, "PUT"},
      {M::post, R"({"Email":"b@x"})", false, "POST"},
      {M::put, R"({"Role":"memory"})", false, "PUT"},
      {M::get, "", false, "GET"},
      {M::post, R"({"Email":"c@x"})", true, "POST"},
      {M::delete_, "", false, "DELETE"},
      {M::post, R"({"Email":"d@x"})", false, "POST"},
      {M::get, "", false, "GET"},
  };
  int i = 0;
  for (const auto& step : steps) {
    caspio::HttpRequest request;
    request.method = step.method;
    request.url = emu.server().rest_url() + "/tables/Demo_Users/records?q.where=PK_ID%3D-" +
                  std::to_string(++i);
    request.headers = {{"Authorization", "Bearer " + token}, {"X-Step", std::to_string(i)}};
    if (step.method == M::post || step.method == M::put) {
      request.headers.emplace_back("Content-Type", "application/json");
    }
    if (step.streamed) {
      request.body_source = std::make_shared<TextSource>(step.body);
    } else {
      request.body = step.body;
    }
    request.timeout = std::chrono::milliseconds(i % 2 == 0 ? 0 : 20000);
    const auto response = transport->send(request);
    EXPECT_GE(response.status, 200) << i;
    EXPECT_FALSE(response.header("X-Caspio-Request-ID").empty()) << i;
  }
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), steps.size());
  std::set<std::string> ports;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    EXPECT_EQ(sent[k].method, steps[k].expected_method) << k;
    EXPECT_EQ(sent[k].body, steps[k].body) << k;
    EXPECT_EQ(sent[k].header("x-step"), std::to_string(k + 1)) << k;  // no header kept over
    EXPECT_EQ(sent[k].param("q.where"), "PK_ID=-" + std::to_string(k + 1)) << k;
    EXPECT_EQ(sent[k].header("transfer-encoding"), "") << k;
    EXPECT_EQ(sent[k].header("accept-encoding"), "") << k;  // automatic: none to loopback
    if (!steps[k].body.empty()) {
      EXPECT_EQ(sent[k].header("content-length"), std::to_string(steps[k].body.size())) << k;
    } else {
      EXPECT_TRUE(sent[k].header("content-length").empty() ||
                  sent[k].header("content-length") == "0")
          << k;
    }
    ports.insert(sent[k].header("remote_port"));
  }
  EXPECT_EQ(ports.size(), 1u);  // one handle, one keep-alive connection throughout
}

TEST(HandleReuse, CompressionOnAsksForGzipOnEveryRequest) {
  Emulator emu;
  caspio::TransportOptions options;
  options.compression = caspio::Compression::on;
  options.max_idle_handles = 1;
  auto transport = caspio::make_curl_transport(options);
  const std::string token = emu.server().issue_token();
  for (int i = 0; i < 3; ++i) {
    caspio::HttpRequest request;
    request.url = emu.server().rest_url() + "/tables";
    request.headers = {{"Authorization", "Bearer " + token}};
    EXPECT_EQ(transport->send(request).status, 200);
  }
  for (const auto& sent : emu.requests()) {
    EXPECT_NE(sent.header("accept-encoding").find("gzip"), std::string::npos);
  }
}
