// The observer hook and the token-source seam: one event per attempt without credentials, a
// user-implemented TokenSource, a ManualClock for retry delays.
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "caspio/testing/manual_clock.hpp"

using caspio::testing::FakeTransport;
using caspio::testing::header_of;
using caspio::testing::ManualClock;

namespace {

// A vault that hands out numbered tokens and counts renewals.
class VaultTokens final : public caspio::TokenSource {
 public:
  std::string token() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return "vault-" + std::to_string(generation_);
  }
  bool renew_after_unauthorized(const std::string& rejected) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (rejected == "vault-" + std::to_string(generation_)) ++generation_;
    ++renewals_;
    return true;
  }
  int renewals() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return renewals_;
  }

 private:
  mutable std::mutex mutex_;
  int generation_ = 1;
  int renewals_ = 0;
};

}  // namespace

TEST(Observer, OneEventPerAttemptWithoutCredentials) {
  auto fake = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<ManualClock>();
  fake->push(200, R"({"access_token":"SECRET-AT","expires_in":86399,"refresh_token":"SECRET-RT"})");
  fake->push(503, "", {{"X-Caspio-Request-ID", "R1"}});
  fake->push_transport_error();
  fake->push(200, R"({"Result":["T"]})", {{"X-Caspio-Request-ID", "R3"}});
  std::vector<caspio::AttemptEvent> events;
  caspio::ClientOptions options;
  options.transport = fake;
  options.clock = clock;
  options.observer = [&](const caspio::AttemptEvent& e) { events.push_back(e); };
  caspio::Client client{
      caspio::ClientCredentials{"id", "SECRET-CS", "https://c1abc123.caspio.com/oauth/token"},
      options};
  EXPECT_EQ(client.tables().listing(), std::vector<std::string>{"T"});
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].method, "POST");
  EXPECT_EQ(events[0].url, "https://c1abc123.caspio.com/oauth/token");
  EXPECT_EQ(events[0].http_status, 200);
  EXPECT_EQ(events[1].url, "https://c1abc123.caspio.com/rest/v2/tables");
  EXPECT_EQ(events[1].http_status, 503);
  EXPECT_EQ(events[1].request_id, "R1");
  EXPECT_TRUE(events[1].will_retry);
  EXPECT_EQ(events[2].http_status, 0);
  EXPECT_EQ(events[2].attempt, 2);
  EXPECT_EQ(events[2].error, "connection refused");
  EXPECT_TRUE(events[2].will_retry);
  EXPECT_EQ(events[3].attempt, 3);
  EXPECT_EQ(events[3].request_id, "R3");
  EXPECT_FALSE(events[3].will_retry);
  for (const auto& e : events) {
    for (const char* secret : {"SECRET-AT", "SECRET-RT", "SECRET-CS"}) {
      EXPECT_EQ(e.url.find(secret), std::string::npos);
      EXPECT_EQ(e.error.find(secret), std::string::npos);
    }
  }
  // The retry delays went through the injected clock: nothing slept for real.
  EXPECT_EQ(clock->sleeps().size(), 2u);
}

TEST(TokenSourceSeam, UserSourceIsUsedAndRenewedOnceAfter401) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(401, R"({"Code":"Unauthorized","Message":"expired"})");
  fake->push(200, R"({"Result":["T"]})");
  auto vault = std::make_shared<VaultTokens>();
  caspio::ClientOptions options;
  options.transport = fake;
  options.base_url = "https://c1abc123.caspio.com/rest/v2";
  caspio::Client client{"", vault, options};
  EXPECT_EQ(client.tables().listing(), std::vector<std::string>{"T"});
  const auto sent = fake->requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(header_of(sent[0], "Authorization"), "Bearer vault-1");
  EXPECT_EQ(header_of(sent[1], "Authorization"), "Bearer vault-2");
  EXPECT_EQ(vault->renewals(), 1);
  EXPECT_THROW((caspio::Client{"c1", std::shared_ptr<caspio::TokenSource>{}, options}),
               caspio::InvalidArgumentError);
}

TEST(TokenSourceSeam, CredentialsSourceCanBeSharedByTwoClients) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(200, R"({"access_token":"AT1","expires_in":86399})");
  caspio::ClientOptions options;
  options.transport = fake;
  options.base_url = "https://c1abc123.caspio.com/rest/v2";
  auto shared = std::make_shared<caspio::ClientCredentialsTokenSource>(
      caspio::ClientCredentials{"id", "cs", "https://c1abc123.caspio.com/oauth/token"}, options);
  caspio::Client a{"", shared, options};
  caspio::Client b{"", shared, options};
  a.tables().listing();
  b.views().listing();
  const auto sent = fake->requests();
  ASSERT_EQ(sent.size(), 3u);  // one token request for both clients
  EXPECT_EQ(header_of(sent[1], "Authorization"), "Bearer AT1");
  EXPECT_EQ(header_of(sent[2], "Authorization"), "Bearer AT1");
}
