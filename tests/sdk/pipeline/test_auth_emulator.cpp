// Tokens, the request pipeline and the curl transport against the in-process emulator.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "emulator.hpp"

using caspio::mock::Fault;
using caspio::mock::FaultKind;
using caspio_test::Emulator;
using std::chrono::milliseconds;

namespace {

// A request that passes authentication and answers 404: useful before any table exists.
void probe(const caspio::Client& client) {
  EXPECT_THROW(client.tables().description("No_Such_Table"), caspio::NotFoundError);
}

}  // namespace

TEST(AuthEmulator, FetchAccessTokenSendsBasicAuthAndTheGrant) {
  Emulator emu(caspio_test::empty_fixture());
  const auto token = caspio::fetch_access_token(emu.credentials());
  EXPECT_FALSE(token.access_token.empty());
  EXPECT_EQ(token.token_type, "bearer");
  EXPECT_EQ(token.expires_in.count(), 86399);
  EXPECT_FALSE(token.refresh_token.empty());
  const auto sent = emu.requests("/oauth/token");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].method, "POST");
  EXPECT_EQ(sent[0].body, "grant_type=client_credentials");
  EXPECT_EQ(sent[0].header("authorization"),
            "Basic " + std::string("Y2FzcGlvLW1vY2stY2xpZW50OmNhc3Bpby1tb2NrLXNlY3JldA=="));
  EXPECT_EQ(sent[0].header("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(sent[0].header("accept"), "application/json");
  EXPECT_EQ(sent[0].status, 200);
}

TEST(AuthEmulator, WrongSecretIsAuthErrorWithoutTheSecret) {
  Emulator emu(caspio_test::empty_fixture());
  auto credentials = emu.credentials();
  credentials.client_secret = "not-the-secret-42";
  try {
    caspio::fetch_access_token(credentials);
    FAIL() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.code(), "invalid_client");
    EXPECT_EQ(std::string(e.what()).find("not-the-secret-42"), std::string::npos);
  }
}

TEST(AuthEmulator, ClientCachesOneTokenAcrossCallsCopiesAndFacades) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  const auto copy = client;
  probe(client);
  probe(copy);
  EXPECT_THROW(copy.views().description("No_Such_View"), caspio::NotFoundError);
  EXPECT_EQ(emu.server().tokens_issued(), 1u);
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 3u);
  const std::string bearer = sent[0].header("authorization");
  EXPECT_EQ(bearer.rfind("Bearer ", 0), 0u);
  for (const auto& entry : sent) {
    EXPECT_EQ(entry.header("authorization"), bearer);
    EXPECT_EQ(entry.header("accept"), "application/json");
    EXPECT_EQ(entry.header("user-agent"), std::string("caspio-cpp/") + caspio::version_string);
  }
}

TEST(AuthEmulator, ExpiredTokenGets401ThenOneRefreshAndOneRepeat) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  probe(client);
  emu.server().expire_tokens();
  emu.server().clear_journal();
  probe(client);
  const auto all = emu.server().journal();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].status, 401);
  EXPECT_EQ(all[1].path, "/oauth/token");
  EXPECT_EQ(all[1].body.rfind("grant_type=refresh_token&refresh_token=", 0), 0u);
  EXPECT_EQ(all[1].status, 200);
  EXPECT_EQ(all[2].status, 404);
  EXPECT_EQ(all[2].target, all[0].target);
  EXPECT_NE(all[2].header("authorization"), all[0].header("authorization"));
}

TEST(AuthEmulator, StaticTokenClientReports401AsAuthErrorWithoutTheToken) {
  Emulator emu(caspio_test::empty_fixture());
  const std::string token = emu.server().issue_token();
  const caspio::Client client("ignored", token, emu.options());
  probe(client);
  emu.server().expire_tokens();
  try {
    client.tables().listing();
    FAIL() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    EXPECT_EQ(e.http_status(), 401);
    EXPECT_EQ(e.code(), "Unauthorized");
    EXPECT_FALSE(e.info().request_id.empty());
    EXPECT_EQ(std::string(e.what()).find(token), std::string::npos);
    EXPECT_EQ(e.info().url.find(token), std::string::npos);
  }
  EXPECT_EQ(emu.requests().size(), 2u);  // no repeat: a fixed token cannot be renewed
}

TEST(AuthEmulator, RetriesOn503And429HonouringRetryAfter) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  Fault unavailable;
  unavailable.kind = FaultKind::status;
  unavailable.method = "GET";
  unavailable.path_prefix = "/rest/v2/tables";
  unavailable.status = 503;
  unavailable.retry_after = 2;
  emu.server().inject(unavailable);
  Fault limited = unavailable;
  limited.status = 429;
  limited.retry_after = 1;
  emu.server().inject(limited);
  probe(client);
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].status, 503);
  EXPECT_EQ(sent[1].status, 429);
  EXPECT_EQ(sent[2].status, 404);
  ASSERT_EQ(emu.sleeps().size(), 2u);
  EXPECT_EQ(emu.sleeps()[0], milliseconds(2000));
  EXPECT_EQ(emu.sleeps()[1], milliseconds(1000));
}

TEST(AuthEmulator, RetriesThrottle400AndDroppedConnections) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  Fault throttle;
  throttle.kind = FaultKind::rate_limit_400;
  throttle.path_prefix = "/rest/v2/";
  emu.server().inject(throttle);
  Fault drop;
  drop.kind = FaultKind::drop;
  drop.path_prefix = "/rest/v2/";
  emu.server().inject(drop);
  probe(client);
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].status, 400);
  EXPECT_EQ(sent[2].status, 404);
}

TEST(AuthEmulator, GivesUpAfterMaxAttemptsWithTheLastStatus) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  Fault down;
  down.kind = FaultKind::status;
  down.path_prefix = "/rest/v2/";
  down.status = 500;
  down.count = 10;
  emu.server().inject(down);
  try {
    client.tables().listing();
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.http_status(), 500);
    EXPECT_EQ(e.info().attempts, 4);
    EXPECT_EQ(e.info().method, "GET");
    EXPECT_EQ(e.info().url, emu.server().rest_url() + "/tables");
    EXPECT_FALSE(e.info().request_id.empty());
  }
  EXPECT_EQ(emu.requests().size(), 4u);
}

TEST(AuthEmulator, RequestTimeoutIsTimeoutError) {
  Emulator emu(caspio_test::empty_fixture());
  auto options = emu.options();
  options.request_timeout = milliseconds(200);
  options.retry.max_attempts = 1;
  const caspio::Client client(emu.credentials(), options);
  probe(client);  // token fetched
  Fault slow;
  slow.kind = FaultKind::delay;
  slow.path_prefix = "/rest/v2/";
  slow.delay = milliseconds(1500);
  emu.server().inject(slow);
  EXPECT_THROW(client.tables().listing(), caspio::TimeoutError);
}

TEST(AuthEmulator, ConnectionRefusedIsTransportError) {
  std::string rest_url;
  {
    Emulator emu(caspio_test::empty_fixture());
    rest_url = emu.server().rest_url();
  }  // stopped: nothing listens on that port now
  caspio::ClientOptions options;
  options.base_url = rest_url;
  options.retry.max_attempts = 2;
  options.retry.sleep = [](milliseconds) {};
  const caspio::Client client("acct", "token", options);
  try {
    client.tables().listing();
    FAIL() << "expected TransportError";
  } catch (const caspio::TransportError& e) {
    EXPECT_EQ(e.info().attempts, 2);
    EXPECT_EQ(e.info().http_status, 0);
  }
}

TEST(AuthEmulator, ManyThreadsShareOneClientAndOneToken) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  std::atomic<int> not_found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&client, &not_found] {
      for (int i = 0; i < 25; ++i) {
        try {
          client.tables().description("No_Such_Table");
        } catch (const caspio::NotFoundError&) {
          ++not_found;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(not_found.load(), 100);
  EXPECT_EQ(emu.server().tokens_issued(), 1u);
  EXPECT_EQ(emu.requests().size(), 100u);
}

TEST(AuthEmulator, StaleToken400QuirkIsRenewedAndRepeatedOnce) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  probe(client);
  emu.server().set_stale_token_400(true);
  emu.server().expire_tokens();
  emu.server().clear_journal();
  probe(client);  // 400 for the stale token, renewal, then the real answer (404)
  const auto all = emu.server().journal();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].status, 400);
  EXPECT_EQ(all[1].path, "/oauth/token");
  EXPECT_EQ(all[2].status, 404);
}

TEST(AuthEmulator, GenuineIncorrectQueryParameterStillFailsAfterOneRepeat) {
  Emulator emu(caspio_test::empty_fixture());
  const auto client = emu.client();
  probe(client);
  caspio::mock::Fault bad;
  bad.kind = FaultKind::status;
  bad.status = 400;
  bad.path_prefix = "/rest/v2/";
  bad.count = 5;
  emu.server().inject(bad);
  emu.server().clear_journal();
  EXPECT_THROW(client.tables().listing(), caspio::ApiError);
  EXPECT_EQ(emu.requests().size(), 2u);  // the request and its single repeat
}
