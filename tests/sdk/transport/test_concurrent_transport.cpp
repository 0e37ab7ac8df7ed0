// One Client's libcurl transport under many threads at once while the server drops connections:
// every call succeeds (GETs are retried), every handle thrown away after a drop is replaced, and
// no connection is used by two threads (libcurl does not support a connection cache shared by
// concurrent threads; sharing it crashed an 8-thread create_records in CI). Run under ASan and
// TSan too (scripts/sanitize.sh).
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "caspio/caspio.hpp"
#include "emulator.hpp"

TEST(ConcurrentTransport, SixteenThreadsShareOneClientWhileConnectionsDrop) {
  caspio_test::Emulator emu;
  caspio::mock::Fault drop;
  drop.kind = caspio::mock::FaultKind::drop;
  drop.method = "GET";
  drop.path_prefix = "/rest/v2/tables";
  drop.count = 40;  // about 2.5 in a row per thread: well within max_attempts
  drop.skip = 20;
  emu.server().inject(drop);
  auto options = emu.options();
  options.retry.max_attempts = 12;
  options.retry.initial_backoff = std::chrono::milliseconds(1);
  options.retry.max_backoff = std::chrono::milliseconds(5);
  const caspio::Client client(emu.credentials(), options);
  constexpr int kThreads = 16;
  constexpr int kCalls = 60;
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        try {
          if ((t + i) % 3 == 0) {
            const auto rows = client.tables().get_records(
                "Demo_Physicians", caspio::Query{}.select({"Email"}).where("PK_ID <= {}", 5));
            if (rows.size() == 5) ++ok;
          } else {
            if (!client.tables().listing().empty()) ++ok;
          }
        } catch (const caspio::Error& e) {
          ++failed;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  // Every drop was retried: the server saw each call once plus once per drop.
  EXPECT_EQ(emu.requests("/rest/v2/tables").size(),
            static_cast<std::size_t>(kThreads * kCalls + 40));
}
