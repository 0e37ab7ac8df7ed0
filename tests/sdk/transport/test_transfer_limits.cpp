// The default transport against a small local server: a slow but steady download outlives the
// stall limit, a stalled one fails in bounded time, an oversized body is refused, and exported
// files follow the umask.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "caspio/caspio.hpp"
#include "temp_dir.hpp"

using std::chrono::milliseconds;

namespace {

// An HTTP server on a free loopback port, serving until destroyed.
class LocalServer {
 public:
  LocalServer() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(milliseconds(1));
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  httplib::Server& http() { return server_; }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_) + "/rest/v2"; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// Streams `chunks` pieces of `piece` bytes, `pause` apart, as a JSON string in {"Result": …}:
// one piece per call of the content provider.
void slow_result(httplib::Response& res, int chunks, std::size_t piece, milliseconds pause) {
  auto sent = std::make_shared<int>(-1);
  // Not a compressible type: the bytes must leave at once, not in one gzip block at the end.
  res.set_chunked_content_provider("application/octet-stream",
                                   [=](std::size_t, httplib::DataSink& sink) {
                                     std::string bytes;
                                     if (*sent < 0) {
                                       bytes = R"({"Result":[")";
                                     } else if (*sent < chunks) {
                                       std::this_thread::sleep_for(pause);
                                       bytes.assign(piece, 'x');
                                     } else {
                                       bytes = R"("]})";
                                     }
                                     if (!sink.write(bytes.data(), bytes.size())) return false;
                                     if (++*sent > chunks) sink.done();
                                     return true;
                                   });
}

caspio::ClientOptions local_options(const LocalServer& server) {
  caspio::ClientOptions options;
  options.base_url = server.base();
  options.retry.max_attempts = 1;
  return options;
}

}  // namespace

TEST(TransferLimits, SlowButSteadyTransferIsNotCut) {
  LocalServer server;
  server.http().Get("/rest/v2/tables", [](const httplib::Request&, httplib::Response& res) {
    slow_result(res, 25, 100, milliseconds(100));  // 2.5 s, moving every 100 ms
  });
  auto options = local_options(server);
  options.stall_timeout = milliseconds(1000);  // the per-attempt figure is 1 s…
  const caspio::Client client{"", "tok", options};
  const auto start = std::chrono::steady_clock::now();
  const auto names = client.tables().listing();  // …and the transfer takes 2.5 s
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(2400));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].size(), 2500u);
}

TEST(TransferLimits, StalledTransferFailsInBoundedTime) {
  std::atomic<bool> release{false};  // before the server: its handler may still read it at the end
  LocalServer server;
  server.http().Get("/rest/v2/tables", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [&](std::size_t, httplib::DataSink& sink) {
      sink.write("{", 1);
      for (int i = 0; i < 100 && !release; ++i) std::this_thread::sleep_for(milliseconds(50));
      return false;
    });
  });
  auto options = local_options(server);
  options.stall_timeout = milliseconds(1000);
  const caspio::Client client{"", "tok", options};
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(client.tables().listing(), caspio::TimeoutError);
  const auto took = std::chrono::steady_clock::now() - start;
  release = true;
  EXPECT_LT(took, milliseconds(4000));
}

TEST(TransferLimits, OversizedBodyIsATypedError) {
  LocalServer server;
  server.http().Get("/rest/v2/tables", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"Result":[")" + std::string(3 << 20, 'y') + R"("]})", "application/json");
  });
  auto options = local_options(server);
  options.max_response_bytes = 1 << 20;
  const caspio::Client client{"", "tok", options};
  try {
    client.tables().listing();
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.code(), "ResponseTooLarge");
    EXPECT_EQ(e.http_status(), 200);
  }
}

TEST(TransferLimits, EnvironmentProxyIsIgnoredUnlessAskedFor) {
  LocalServer server;
  server.http().Get("/rest/v2/tables", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"Result":["direct"]})", "application/json");
  });
  // A proxy that does not exist: using it would fail the request.
  ::setenv("http_proxy", "http://127.0.0.1:9", 1);
  ::setenv("no_proxy", "", 1);
  auto options = local_options(server);
  const caspio::Client direct{"", "tok", options};
  EXPECT_EQ(direct.tables().listing(), std::vector<std::string>{"direct"});
  options.use_environment_proxy = true;
  const caspio::Client proxied{"", "tok", options};
  EXPECT_THROW(proxied.tables().listing(), caspio::TransportError);
  ::unsetenv("http_proxy");
  ::unsetenv("no_proxy");
}

TEST(TransferLimits, ExportedFileFollowsTheUmask) {
  LocalServer server;
  server.http().Get(
      "/rest/v2/tables/T/records", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"Result":[{"PK_ID":1,"Email":"a@example.com"}]})", "application/json");
      });
  caspio_test::ScratchDir dir;
  const caspio::Client client{"", "tok", local_options(server)};
  const mode_t previous = ::umask(077);
  const std::string path = (dir.path() / "private.json").string();
  client.tables().get_records_stream_to_file("T", {}, path);
  ::umask(previous);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

// Issue 16 item 1: record pages go to a body sink, which max_response_bytes used to skip.
TEST(TransferLimits, OversizedRecordPageIsATypedErrorForEveryRead) {
  LocalServer server;
  server.http().Get("/rest/v2/tables/T/records", [](const httplib::Request&,
                                                    httplib::Response& res) {
    res.set_content(R"({"Result":[{"PK_ID":1,"Notes":")" + std::string(3 << 20, 'y') + R"("}]})",
                    "application/json");
  });
  caspio_test::ScratchDir dir;
  auto options = local_options(server);
  options.max_response_bytes = 1 << 20;
  const caspio::Client client{"", "tok", options};
  const auto expect_too_large = [](const auto& read) {
    try {
      read();
      ADD_FAILURE() << "expected ApiError ResponseTooLarge";
    } catch (const caspio::ApiError& e) {
      EXPECT_EQ(e.code(), "ResponseTooLarge");
      EXPECT_EQ(e.http_status(), 200);
    }
  };
  expect_too_large([&] { client.tables().get_records("T"); });
  expect_too_large([&] {
    for (const auto& row : client.tables().records("T")) (void)row;
  });
  const std::string path = (dir.path() / "big.json").string();
  expect_too_large([&] { client.tables().get_records_stream_to_file("T", {}, path); });
  EXPECT_FALSE(std::filesystem::exists(path));
}

// Issue 16 item 7: a transfer that moved steadily then stops fails within about a second of the
// stall limit (libcurl's low-speed check averaged over ~5 s and fired ~6 s late).
TEST(TransferLimits, StallAfterSteadyBytesFailsWithinASecondOfTheLimit) {
  std::atomic<bool> release{false};  // before the server: its handler may still read it
  std::atomic<std::int64_t> last_write_ns{0};
  LocalServer server;
  server.http().Get("/rest/v2/tables", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider(
        "application/octet-stream", [&](std::size_t, httplib::DataSink& sink) {
          const std::string head = R"({"Result":[")";
          sink.write(head.data(), head.size());
          const std::string piece(4096, 'x');
          for (int i = 0; i < 8; ++i) {  // 0.8 s of steady bytes, then nothing
            sink.write(piece.data(), piece.size());
            last_write_ns = std::chrono::steady_clock::now().time_since_epoch().count();
            std::this_thread::sleep_for(milliseconds(100));
          }
          for (int i = 0; i < 200 && !release; ++i) std::this_thread::sleep_for(milliseconds(50));
          return false;
        });
  });
  auto options = local_options(server);
  options.stall_timeout = milliseconds(1000);
  const caspio::Client client{"", "tok", options};
  EXPECT_THROW(client.tables().listing(), caspio::TimeoutError);
  const auto ended = std::chrono::steady_clock::now().time_since_epoch().count();
  release = true;
  const auto stalled_for = std::chrono::nanoseconds(ended - last_write_ns.load());
  EXPECT_GE(stalled_for, milliseconds(900));
  EXPECT_LT(stalled_for, milliseconds(2300));  // the limit, + libcurl's once-a-second poll
}

namespace {

// A server answering one small page of records for table T.
void serve_one_page(LocalServer& server) {
  server.http().Get(
      "/rest/v2/tables/T/records", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"Result":[{"PK_ID":1,"Email":"a@example.com"}]})", "application/json");
      });
}

}  // namespace

// Issue 16 item 2: an existing file keeps its mode; a symbolic link is followed (its target is
// replaced, the link stays a link).
TEST(TransferLimits, ExportKeepsAnExistingFilesModeAndFollowsASymlink) {
  LocalServer server;
  serve_one_page(server);
  caspio_test::ScratchDir dir;
  const caspio::Client client{"", "tok", local_options(server)};
  const std::string real = dir.write("real.json", "old");
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  const mode_t previous = ::umask(022);
  client.tables().get_records_stream_to_file("T", {}, real);
  struct stat st {};
  ASSERT_EQ(::stat(real.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);  // not widened to 0644
  EXPECT_NE(caspio_test::slurp(real).find("a@example.com"), std::string::npos);

  ASSERT_EQ(::chmod(real.c_str(), 0640), 0);
  const std::string link = dir.file("link.json");
  ASSERT_EQ(::symlink("real.json", link.c_str()), 0);
  dir.write("real.json", "old");
  client.tables().get_records_stream_to_file("T", {}, link);
  ::umask(previous);
  struct stat lst {};
  ASSERT_EQ(::lstat(link.c_str(), &lst), 0);
  EXPECT_TRUE(S_ISLNK(lst.st_mode)) << "the link was replaced by a regular file";
  EXPECT_NE(caspio_test::slurp(real).find("a@example.com"), std::string::npos);
  ASSERT_EQ(::stat(real.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(dir.entries(), 2u);  // no temporary file left

  // A dangling link is refused with a clear error, and left alone.
  const std::string dangling = dir.file("dangling.json");
  ASSERT_EQ(::symlink("missing/nowhere.json", dangling.c_str()), 0);
  EXPECT_THROW(client.tables().get_records_stream_to_file("T", {}, dangling), std::exception);
  ASSERT_EQ(::lstat(dangling.c_str(), &lst), 0);
  EXPECT_TRUE(S_ISLNK(lst.st_mode));
}

// Issue 16 item 2: a FIFO at the target is written through (like `curl -o`), not replaced.
TEST(TransferLimits, ExportIntoAFifoWritesThroughIt) {
  LocalServer server;
  serve_one_page(server);
  caspio_test::ScratchDir dir;
  const std::string fifo = dir.file("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reader end, opened first (non-blocking) so that the export's open does not wait.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  std::string received;
  std::thread drain([reader, &received] {
    const auto until = std::chrono::steady_clock::now() + milliseconds(5000);
    char buffer[4096];
    while (std::chrono::steady_clock::now() < until) {
      const ssize_t n = ::read(reader, buffer, sizeof buffer);
      if (n > 0) {
        received.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 && !received.empty()) {
        break;  // the writer closed after writing
      } else {
        std::this_thread::sleep_for(milliseconds(5));
      }
    }
  });
  const caspio::Client client{"", "tok", local_options(server)};
  EXPECT_NO_THROW(client.tables().get_records_stream_to_file("T", {}, fifo));
  drain.join();
  ::close(reader);
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a regular file";
  EXPECT_NE(received.find("a@example.com"), std::string::npos) << received;
  EXPECT_EQ(dir.entries(), 1u);
}
