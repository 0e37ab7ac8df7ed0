// Files move through the SDK in pieces: a 1 GiB upload and a large download never sit in memory
// whole (checked against the process's peak resident size).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "peak_rss.hpp"
#include "temp_dir.hpp"

using caspio::testing::FakeTransport;
using caspio_test::peak_rss;
using caspio_test::ScratchDir;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

caspio::Client client_over(const std::shared_ptr<FakeTransport>& transport) {
  caspio::ClientOptions o;
  o.transport = transport;
  return caspio::Client("acct", "tok", o);
}

}  // namespace

TEST(LargeFiles, AOneGibUploadIsStreamedFromDisk) {
  ScratchDir dir;
  const std::string big = dir.file("big.bin");
  {
    const int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, static_cast<off_t>(1024 * kMiB)), 0);  // sparse: no disk used
    ::close(fd);
  }
  auto transport = std::make_shared<FakeTransport>();
  std::uint64_t streamed = 0;
  std::uint64_t declared = 0;
  std::size_t body_bytes = 1;
  transport->push([&](const caspio::HttpRequest& request) {
    body_bytes = request.body.size();
    declared = request.body_source->size();
    auto reader = request.body_source->open();
    std::vector<char> buffer(kMiB);
    while (const std::size_t n = reader->read(buffer.data(), buffer.size())) streamed += n;
    return caspio::HttpResponse{201, {}, R"({"Result":[{"Name":"big.bin","ExternalKey":"k"}]})"};
  });
  const std::uint64_t before = peak_rss();
  const auto result = client_over(transport).files().upload_by_key({big});
  const std::uint64_t after = peak_rss();
  EXPECT_EQ(result.uploaded.size(), 1u);
  EXPECT_EQ(body_bytes, 0u);
  EXPECT_GT(declared, 1024 * kMiB);
  EXPECT_LT(declared, 1024 * kMiB + 1024);  // the file plus the multipart framing
  EXPECT_EQ(streamed, declared);
  EXPECT_LT(after - before, 64 * kMiB) << "peak RSS grew by " << (after - before) / kMiB << " MiB";
}

TEST(LargeFiles, ALargeDownloadIsStreamedToDisk) {
  ScratchDir dir;
  auto transport = std::make_shared<FakeTransport>();
  transport->push(200,
                  R"({"Result":{"Folders":[],"Files":[{"Name":"big.bin","ExternalKey":"k"}]}})");
  constexpr std::uint64_t kSize = 256 * kMiB;
  transport->push([](const caspio::HttpRequest& request) {
    request.body_sink->begin(200, {{"Content-Type", "application/octet-stream"}});
    const std::vector<char> chunk(kMiB, 'x');
    for (std::uint64_t i = 0; i < kSize / kMiB; ++i) {
      request.body_sink->write(chunk.data(), chunk.size());
    }
    return caspio::HttpResponse{200, {}, {}};
  });
  const std::uint64_t before = peak_rss();
  const auto result = client_over(transport).files().download_by_key("k", "", dir.path().string());
  const std::uint64_t after = peak_rss();
  EXPECT_EQ(result.bytes, kSize);
  EXPECT_EQ(std::filesystem::file_size(result.path), kSize);
  EXPECT_EQ(dir.entries(), 1u);
  EXPECT_LT(after - before, 64 * kMiB) << "peak RSS grew by " << (after - before) / kMiB << " MiB";
}
