// The curl transport's streamed request bodies (HttpBodySource) and response sinks
// (HttpBodySink), against the emulator.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>

#include "emulator.hpp"

using caspio_test::Emulator;

namespace {

// Bytes i % 251, generated on the fly: the body never exists in memory whole.
class PatternSource final : public caspio::HttpBodySource {
 public:
  explicit PatternSource(std::uint64_t size) : size_(size) {}
  std::uint64_t size() const override { return size_; }
  std::unique_ptr<caspio::HttpBodyReader> open() const override {
    ++opens;
    return std::make_unique<Reader>(size_, largest_read);
  }
  mutable std::atomic<int> opens{0};
  mutable std::atomic<std::size_t> largest_read{0};

 private:
  class Reader final : public caspio::HttpBodyReader {
   public:
    Reader(std::uint64_t size, std::atomic<std::size_t>& largest)
        : size_(size), largest_(largest) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(capacity, size_ - done_));
      for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<char>((done_ + i) % 251);
      done_ += n;
      if (n > largest_) largest_ = n;
      return n;
    }

   private:
    std::uint64_t size_;
    std::uint64_t done_ = 0;
    std::atomic<std::size_t>& largest_;
  };
  std::uint64_t size_;
};

class CountingSink final : public caspio::HttpBodySink {
 public:
  void begin(int status, const caspio::HttpHeaders&) override {
    ++begins;
    last_status = status;
    bytes.clear();
  }
  void write(const char* data, std::size_t size) override { bytes.append(data, size); }
  int begins = 0;
  int last_status = 0;
  std::string bytes;
};

}  // namespace

TEST(TransportStreaming, BodySourceIsSentWithContentLengthNotChunked) {
  Emulator emu;
  auto transport = caspio::make_curl_transport();
  auto source = std::make_shared<PatternSource>(3u * 1024 * 1024 + 7);
  caspio::HttpRequest request;
  request.method = caspio::HttpMethod::put;
  request.url = emu.server().rest_url() + "/tables/Demo_Users/records?q.where=1%3D0";
  request.headers = {{"Authorization", "Bearer " + emu.server().issue_token()},
                     {"Content-Type", "application/octet-stream"}};
  request.body_source = source;
  request.body = "ignored when a source is set";
  const auto response = transport->send(request);
  EXPECT_GE(response.status, 200);
  const auto sent = emu.requests().back();
  EXPECT_EQ(sent.method, "PUT");
  EXPECT_EQ(sent.header("content-length"), std::to_string(source->size()));
  EXPECT_EQ(sent.header("transfer-encoding"), "");
  ASSERT_EQ(sent.body.size(), source->size());
  bool pattern = true;
  for (std::size_t i = 0; i < sent.body.size() && pattern; i += 4099) {
    pattern = sent.body[i] == static_cast<char>(i % 251);
  }
  EXPECT_TRUE(pattern);
  EXPECT_EQ(source->opens.load(), 1);
  EXPECT_LE(source->largest_read.load(), 1u << 20);  // pulled in small pieces
}

TEST(TransportStreaming, SinkGetsSuccessBodiesAndErrorsStayInTheResponse) {
  Emulator emu;
  auto transport = caspio::make_curl_transport();
  const std::string token = emu.server().issue_token();
  auto sink = std::make_shared<CountingSink>();
  caspio::HttpRequest request;
  request.url = emu.server().rest_url() + "/files/b0bd9207-06e2-4932-8c1a-97aff5c93ae5";
  request.headers = {{"Authorization", "Bearer " + token}};
  request.body_sink = sink;
  auto response = transport->send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(sink->begins, 1);
  EXPECT_EQ(sink->bytes.size(), 1449u);

  request.url = emu.server().rest_url() + "/files/00000000-0000-0000-0000-000000000000";
  response = transport->send(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("Code"), std::string::npos);
  EXPECT_EQ(sink->begins, 1);  // not called for an error answer

  // An empty 2xx body still calls begin().
  request.method = caspio::HttpMethod::post;
  request.url = emu.server().rest_url() + "/tasks/b7c3b7d5-4fa5-4725-86a2-6ca5ca797157/run";
  response = transport->send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(sink->begins, 2);
  EXPECT_TRUE(sink->bytes.empty());
}

TEST(TransportStreaming, PutWithASourceIsRetriedWithTheBodyReadAgain) {
  Emulator emu;
  caspio::mock::Fault busy;
  busy.kind = caspio::mock::FaultKind::status;
  busy.status = 503;
  busy.method = "PUT";
  busy.path_prefix = "/rest/v2/files";
  emu.server().inject(busy);
  const std::string dir = ::testing::TempDir();
  const std::string src = dir + "/surface-retry-upload.txt";
  {
    std::FILE* f = std::fopen(src.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("retried body", f);
    std::fclose(f);
  }
  const auto result = emu.client().files().upload_overwrite_by_key(src);
  std::remove(src.c_str());
  EXPECT_TRUE(result.created);
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].status, 503);
  EXPECT_EQ(sent[1].status, 201);
  ASSERT_EQ(sent[1].parts.size(), 1u);
  EXPECT_EQ(sent[1].parts[0].content, "retried body");
  EXPECT_EQ(sent[0].header("content-length"), sent[1].header("content-length"));
  EXPECT_EQ(emu.sleeps().size(), 1u);
}
