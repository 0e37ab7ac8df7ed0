// The default transport against a small local server: a slow but steady download outlives the
// stall limit, a stalled one fails in bounded time, an oversized body is refused, and exported
// files follow the umask.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>

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
