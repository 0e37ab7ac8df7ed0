// Which answers are repeated: what can succeed on a repeat is, Caspio's deterministic errors are
// not (even with status 500).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "caspio/testing/manual_clock.hpp"

using caspio::testing::FakeTransport;

namespace {

int attempts_for(int status, const std::string& body) {
  auto fake = std::make_shared<FakeTransport>();
  for (int i = 0; i < 4; ++i) fake->push(status, body);
  caspio::ClientOptions options;
  options.transport = fake;
  options.retry.sleep = [](std::chrono::milliseconds) {};
  const caspio::Client client{"c1abc123", "tok", options};
  try {
    client.tables().get_records_paginated("T", caspio::Query{}.select("Nope"));
  } catch (const caspio::Error&) {
  }
  return static_cast<int>(fake->requests().size());
}

}  // namespace

TEST(RetryClasses, DeterministicServerErrorsAreSentOnce) {
  EXPECT_EQ(attempts_for(500, R"({"Code":"SqlServerError","Message":"Invalid column name"})"), 1);
  EXPECT_EQ(attempts_for(500, R"({"Code":"InvalidInputValue","Message":"type"})"), 1);
  EXPECT_EQ(attempts_for(400, R"({"Code":"SqlServerError","Message":"syntax"})"), 1);
  EXPECT_EQ(attempts_for(404, R"({"Code":"ObjectNotFound","Message":"no"})"), 1);
  EXPECT_EQ(attempts_for(501, ""), 1);
}

TEST(RetryClasses, TransientAnswersAreRetried) {
  EXPECT_EQ(attempts_for(500, R"({"Code":"InternalError","Message":"oops"})"), 4);
  EXPECT_EQ(attempts_for(500, ""), 4);
  EXPECT_EQ(attempts_for(502, ""), 4);
  EXPECT_EQ(attempts_for(503, ""), 4);
  EXPECT_EQ(attempts_for(504, ""), 4);
  EXPECT_EQ(attempts_for(408, ""), 4);
  EXPECT_EQ(attempts_for(429, ""), 4);
  EXPECT_EQ(attempts_for(400, R"([{"message":"limit","name":"api-calls-rate"}])"), 4);
}

TEST(RetryClasses, CallDeadlineStopsRetrying) {
  auto fake = std::make_shared<FakeTransport>();
  for (int i = 0; i < 4; ++i) fake->push(503, "", {{"Retry-After", "2"}});
  auto clock = std::make_shared<caspio::testing::ManualClock>();
  caspio::ClientOptions options;
  options.transport = fake;
  options.clock = clock;
  options.call_timeout = std::chrono::milliseconds(3000);
  const caspio::Client client{"c1abc123", "tok", options};
  // t=0: 503, wait 2 s (fits in 3 s); t=2 s: 503, another 2 s would pass the deadline: stop.
  try {
    client.tables().listing();
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.http_status(), 503);
    EXPECT_EQ(e.info().attempts, 2);
  }
  const auto sent = fake->requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].timeout.count(), 3000);  // each attempt carries the rest of the deadline
  EXPECT_EQ(sent[1].timeout.count(), 1000);
  EXPECT_EQ(clock->sleeps().size(), 1u);
}
