// Cancelling a call from another thread: before it starts, during a backoff, while waiting for
// an answer in the middle of an export (no partial file left), and other clients unaffected.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "emulator.hpp"
#include "temp_dir.hpp"

using caspio::testing::FakeTransport;
using std::chrono::milliseconds;

namespace {

caspio::Client fake_client(const std::shared_ptr<FakeTransport>& fake) {
  caspio::ClientOptions options;
  options.transport = fake;
  return caspio::Client{"c1abc123", "tok", options};
}

// Runs `cancel` after `after` on another thread; joins on destruction.
class CancelLater {
 public:
  CancelLater(caspio::CancellationToken token, milliseconds after)
      : thread_([token, after] {
          std::this_thread::sleep_for(after);
          token.cancel();
        }) {}
  ~CancelLater() { thread_.join(); }

 private:
  std::thread thread_;
};

}  // namespace

TEST(Cancellation, CancelledBeforeTheCallSendsNothing) {
  auto fake = std::make_shared<FakeTransport>();
  const auto client = fake_client(fake);
  caspio::CancellationToken token;
  token.cancel();
  try {
    client.with_cancellation(token).tables().listing();
    FAIL() << "expected CancelledError";
  } catch (const caspio::CancelledError& e) {
    EXPECT_EQ(e.code(), "Cancelled");
  }
  EXPECT_TRUE(fake->requests().empty());
  EXPECT_NO_THROW(client.tables().listing());  // the original client is not cancelled
  EXPECT_EQ(fake->requests().size(), 1u);
}

TEST(Cancellation, EndsALongBackoffPromptly) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(503, "", {{"Retry-After", "20"}});
  const auto client = fake_client(fake);
  caspio::CancellationToken token;
  const auto start = std::chrono::steady_clock::now();
  {
    CancelLater later(token, milliseconds(200));
    EXPECT_THROW(client.with_cancellation(token).tables().listing(), caspio::CancelledError);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
  EXPECT_EQ(fake->requests().size(), 1u);  // not repeated after the cancellation
}

TEST(Cancellation, StopsAnExportMidwayAndLeavesNoFile) {
  caspio::mock::ServerOptions server_options;
  server_options.rows = 2500;
  caspio_test::Emulator emu(server_options);
  caspio::mock::Fault slow;
  slow.kind = caspio::mock::FaultKind::delay;
  slow.path_prefix = "/rest/v2/tables/Demo_Physicians/records";
  slow.query_contains = "q.pageNumber=2";
  slow.delay = milliseconds(4000);
  emu.server().inject(slow);
  caspio_test::ScratchDir dir;
  const std::string path = (dir.path() / "physicians.csv").string();
  caspio::CancellationToken token;
  const auto client = emu.client().with_cancellation(token);
  const auto start = std::chrono::steady_clock::now();
  {
    CancelLater later(token, milliseconds(500));
    EXPECT_THROW(client.tables().get_records_stream_to_file("Demo_Physicians", {}, path,
                                                            caspio::StreamFormat::csv),
                 caspio::CancelledError);
  }
  // Cancelled while waiting for page 2's answer: within libcurl's progress interval, not 4 s.
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(3000));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "partial output left behind";
}

// Issue 16 item 2: an export cancelled while pages are fetched ahead, or failing on a later page,
// leaves neither the file nor its temporary (`.NAME.tmp-*`) behind.
TEST(Cancellation, CancelledOrFailedPrefetchingExportLeavesNoTemporaryFile) {
  caspio::mock::ServerOptions server_options;
  server_options.rows = 2500;
  caspio_test::Emulator emu(server_options);
  caspio::mock::Fault slow;
  slow.kind = caspio::mock::FaultKind::delay;
  slow.path_prefix = "/rest/v2/tables/Demo_Physicians/records";
  slow.query_contains = "q.pageNumber=3";
  slow.delay = milliseconds(4000);
  emu.server().inject(slow);
  caspio_test::ScratchDir dir;
  const std::string path = (dir.path() / "sdk.json").string();
  caspio::CancellationToken token;
  const auto client = emu.client().with_cancellation(token);
  {
    CancelLater later(token, milliseconds(500));
    EXPECT_THROW(client.tables().get_records_stream_to_file(
                     "Demo_Physicians", caspio::Query{}.page_size(1000).prefetch(2), path),
                 caspio::CancelledError);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "partial output left behind";
}
