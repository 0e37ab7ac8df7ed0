// The request pipeline with a scripted transport: headers, retries, backoff, Retry-After,
// token caching and renewal, and arguments refused before anything is sent.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "caspio/testing/manual_clock.hpp"

using caspio::testing::FakeTransport;
using caspio::testing::header_of;
using std::chrono::milliseconds;

namespace {

struct Fixture {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::shared_ptr<caspio::testing::ManualClock> clock =
      std::make_shared<caspio::testing::ManualClock>();
  std::vector<milliseconds> sleeps;
  std::mutex sleeps_mutex;

  caspio::ClientOptions options() {
    caspio::ClientOptions o;
    o.transport = fake;
    o.clock = clock;
    o.retry.sleep = [this](milliseconds d) {
      std::lock_guard<std::mutex> lock(sleeps_mutex);
      sleeps.push_back(d);
    };
    return o;
  }
  caspio::Client token_client() { return caspio::Client("c1abc123", "tok-123", options()); }
  caspio::Client credentials_client() {
    return caspio::Client(
        caspio::ClientCredentials{"id", "s3cret", "https://c1abc123.caspio.com/oauth/token"},
        options());
  }
};

std::string token_json(const std::string& access, const std::string& refresh, int expires = 86399) {
  return nlohmann::json{{"access_token", access},
                        {"token_type", "bearer"},
                        {"expires_in", expires},
                        {"refresh_token", refresh}}
      .dump();
}

}  // namespace

TEST(Pipeline, DefaultBaseUrlAndHeadersOnEveryCall) {
  Fixture f;
  f.fake->push(200, R"({"Result":["Demo_Users"]})");
  const auto client = f.token_client();
  EXPECT_EQ(client.base_url(), "https://c1abc123.caspio.com/rest/v2");
  EXPECT_EQ(client.tables().listing(), std::vector<std::string>{"Demo_Users"});
  const auto requests = f.fake->requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].url, "https://c1abc123.caspio.com/rest/v2/tables");
  EXPECT_EQ(requests[0].method, caspio::HttpMethod::get);
  EXPECT_EQ(header_of(requests[0], "Accept"), "application/json");
  EXPECT_EQ(header_of(requests[0], "Authorization"), "Bearer tok-123");
  EXPECT_EQ(header_of(requests[0], "User-Agent"),
            std::string("caspio-cpp/") + caspio::version_string);
}

TEST(Pipeline, RefusesBadConstruction) {
  Fixture f;
  auto o = f.options();
  EXPECT_THROW(caspio::Client("c1abc123", "", o), caspio::InvalidArgumentError);
  EXPECT_THROW(caspio::Client("", "t", o), caspio::InvalidArgumentError);
  EXPECT_THROW(caspio::Client("bad/acct", "t", o), caspio::InvalidArgumentError);
  o.base_url = "http://c1abc123.caspio.com/rest/v2";
  EXPECT_THROW(caspio::Client("c1abc123", "t", o), caspio::InvalidArgumentError);
  o.base_url = "http://127.0.0.1:1234/rest/v2/";
  EXPECT_EQ(caspio::Client("", "t", o).base_url(), "http://127.0.0.1:1234/rest/v2");
  EXPECT_THROW(caspio::Client(caspio::ClientCredentials{"id", "", "https://x/oauth/token"}, o),
               caspio::InvalidArgumentError);
  EXPECT_THROW(
      caspio::Client(caspio::ClientCredentials{"id", "s", "http://remote.example/oauth/token"}, o),
      caspio::InvalidArgumentError);
  EXPECT_TRUE(f.fake->requests().empty());
}

TEST(Pipeline, RetriesServerErrorsWithFullJitterBackoff) {
  Fixture f;
  f.fake->push(503, "");
  f.fake->push(500, "");
  f.fake->push(200, R"({"Result":[]})");
  EXPECT_TRUE(f.token_client().tables().listing().empty());
  EXPECT_EQ(f.fake->requests().size(), 3u);
  ASSERT_EQ(f.sleeps.size(), 2u);
  EXPECT_LE(f.sleeps[0], milliseconds(250));  // bound: initial_backoff
  EXPECT_LE(f.sleeps[1], milliseconds(500));  // bound: initial_backoff * 2
}

TEST(Pipeline, HonoursRetryAfterOn429And503) {
  Fixture f;
  f.fake->push(429, "", {{"Retry-After", "3"}});
  f.fake->push(503, "", {{"Retry-After", "1"}});
  f.fake->push(200, R"({"Result":[]})");
  f.token_client().tables().listing();
  ASSERT_EQ(f.sleeps.size(), 2u);
  EXPECT_EQ(f.sleeps[0], milliseconds(3000));
  EXPECT_EQ(f.sleeps[1], milliseconds(1000));
}

TEST(Pipeline, RetriesCaspioThrottle400AndGivesUpWithRateLimitError) {
  Fixture f;
  const std::string throttle =
      R"([{"message":"You have exceeded your API call rate limits.","name":"api-calls-rate"}])";
  for (int i = 0; i < 4; ++i) f.fake->push(400, throttle);
  try {
    f.token_client().tables().listing();
    FAIL() << "expected RateLimitError";
  } catch (const caspio::RateLimitError& e) {
    EXPECT_EQ(e.info().attempts, 4);
    EXPECT_EQ(e.info().http_status, 400);
    EXPECT_EQ(e.info().code, "api-calls-rate");
  }
  EXPECT_EQ(f.fake->requests().size(), 4u);
}

TEST(Pipeline, DoesNotRetryPostOrClientErrors) {
  Fixture f;
  f.fake->push(503, "");
  EXPECT_THROW(f.token_client().tables().create_record("T", {{"A", 1}}), caspio::ApiError);
  EXPECT_EQ(f.fake->requests().size(), 1u);
  f.fake->push(400, R"({"Code":"IncorrectQueryParameter","Message":"bad"})");
  EXPECT_THROW(f.token_client().tables().listing(), caspio::ApiError);
  EXPECT_EQ(f.fake->requests().size(), 2u);
  EXPECT_TRUE(f.sleeps.empty());
}

TEST(Pipeline, RetriesConnectionFailuresThenReportsAttempts) {
  Fixture f;
  f.fake->push_transport_error();
  f.fake->push(200, R"({"Result":["A"]})");
  EXPECT_EQ(f.token_client().tables().listing().size(), 1u);
  for (int i = 0; i < 4; ++i) f.fake->push_transport_error(/*timeout=*/true);
  try {
    f.token_client().views().listing();
    FAIL() << "expected TimeoutError";
  } catch (const caspio::TimeoutError& e) {
    EXPECT_EQ(e.info().attempts, 4);
    EXPECT_EQ(e.info().method, "GET");
    EXPECT_EQ(e.info().url, "https://c1abc123.caspio.com/rest/v2/views");
    EXPECT_EQ(e.info().http_status, 0);
  }
}

TEST(Pipeline, StaticToken401IsAuthErrorWithoutRepeatAndWithoutToken) {
  Fixture f;
  f.fake->push(401, R"({"Code":"Unauthorized","Message":"Authorization has been denied"})");
  try {
    f.token_client().tables().listing();
    FAIL() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    EXPECT_EQ(std::string(e.what()).find("tok-123"), std::string::npos);
    EXPECT_EQ(e.info().http_status, 401);
  }
  EXPECT_EQ(f.fake->requests().size(), 1u);
}

TEST(Pipeline, CredentialsFetchOnceAndCacheAcrossCopiesAndFacades) {
  Fixture f;
  f.fake->push(200, token_json("AT1", "RT1"));
  const auto client = f.credentials_client();
  EXPECT_EQ(client.base_url(), "https://c1abc123.caspio.com/rest/v2");
  const auto copy = client;  // NOLINT: copies share the token cache
  client.tables().listing();
  copy.views().listing();
  copy.tables().listing();
  const auto requests = f.fake->requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].url, "https://c1abc123.caspio.com/oauth/token");
  EXPECT_EQ(requests[0].method, caspio::HttpMethod::post);
  EXPECT_EQ(requests[0].body, "grant_type=client_credentials");
  EXPECT_EQ(header_of(requests[0], "Authorization"), "Basic aWQ6czNjcmV0");  // id:s3cret
  EXPECT_EQ(header_of(requests[0], "Content-Type"), "application/x-www-form-urlencoded");
  for (std::size_t i = 1; i < requests.size(); ++i) {
    EXPECT_EQ(header_of(requests[i], "Authorization"), "Bearer AT1");
  }
}

TEST(Pipeline, After401RenewsWithRefreshTokenAndRepeatsOnce) {
  Fixture f;
  f.fake->push(200, token_json("AT1", "RT1"));
  f.fake->push(401, "");
  f.fake->push(200, token_json("AT2", "RT2"));
  f.fake->push(200, R"({"Result":["X"]})");
  EXPECT_EQ(f.credentials_client().tables().listing(), std::vector<std::string>{"X"});
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[2].body, "grant_type=refresh_token&refresh_token=RT1");
  EXPECT_EQ(header_of(r[2], "Authorization"), "Basic aWQ6czNjcmV0");
  EXPECT_EQ(header_of(r[3], "Authorization"), "Bearer AT2");
}

TEST(Pipeline, SecondConsecutive401IsAuthErrorAfterExactlyOneRepeat) {
  Fixture f;
  f.fake->push(200, token_json("AT1", "RT1"));
  f.fake->push(401, "");
  f.fake->push(200, token_json("AT2", "RT2"));
  f.fake->push(401, "");
  try {
    f.credentials_client().tables().listing();
    FAIL() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    const std::string what = e.what();
    for (const char* secret : {"AT1", "AT2", "RT1", "RT2", "s3cret"}) {
      EXPECT_EQ(what.find(secret), std::string::npos) << secret;
      EXPECT_EQ(e.info().url.find(secret), std::string::npos) << secret;
      EXPECT_EQ(e.info().message.find(secret), std::string::npos) << secret;
    }
    EXPECT_EQ(e.info().attempts, 2);
  }
  EXPECT_EQ(f.fake->requests().size(), 4u);
}

TEST(Pipeline, RefusedRefreshTokenFallsBackToClientCredentials) {
  Fixture f;
  f.fake->push(200, token_json("AT1", "RT1"));
  f.fake->push(401, "");
  f.fake->push(400, R"({"error":"invalid_grant"})");
  f.fake->push(200, token_json("AT3", "RT3"));
  f.fake->push(200, R"({"Result":[]})");
  f.credentials_client().tables().listing();
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[2].body, "grant_type=refresh_token&refresh_token=RT1");
  EXPECT_EQ(r[3].body, "grant_type=client_credentials");
  EXPECT_EQ(header_of(r[4], "Authorization"), "Bearer AT3");
}

TEST(Pipeline, RenewsBeforeExpiry) {
  Fixture f;
  f.fake->push(200, token_json("AT1", "RT1", /*expires=*/1));
  f.fake->push(200, R"({"Result":[]})");
  f.fake->push(200, R"({"Result":[]})");
  f.fake->push(200, token_json("AT2", "RT2"));
  f.fake->push(200, R"({"Result":[]})");
  const auto client = f.credentials_client();
  client.tables().listing();
  f.clock->advance(milliseconds(999));
  client.tables().listing();  // not yet due: the cached token
  ASSERT_EQ(f.fake->requests().size(), 3u);
  EXPECT_EQ(header_of(f.fake->requests()[2], "Authorization"), "Bearer AT1");
  f.clock->advance(milliseconds(1));
  client.tables().listing();
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[3].body, "grant_type=refresh_token&refresh_token=RT1");
  EXPECT_EQ(header_of(r[4], "Authorization"), "Bearer AT2");
}

TEST(Pipeline, HugeExpiresInIsClampedNotOverflowed) {
  Fixture f;
  f.fake->push(200, R"({"access_token":"AT1","token_type":"bearer",)"
                    R"("expires_in":9223372036854775807,"refresh_token":"RT1"})");
  const auto client = f.credentials_client();
  for (int i = 0; i < 3; ++i) client.tables().listing();
  f.clock->advance(std::chrono::hours(24 * 365));
  client.tables().listing();
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 5u);  // one token request, four listings
  for (std::size_t i = 1; i < r.size(); ++i) {
    EXPECT_EQ(header_of(r[i], "Authorization"), "Bearer AT1");
  }
}

TEST(Pipeline, FetchAccessTokenParsesAndRefusesBadCredentials) {
  Fixture f;
  f.fake->push(200, token_json("AT9", "RT9"));
  const auto token = caspio::fetch_access_token(
      caspio::ClientCredentials{"id", "s3cret", "https://c1abc123.caspio.com/oauth/token"},
      f.options());
  EXPECT_EQ(token.access_token, "AT9");
  EXPECT_EQ(token.token_type, "bearer");
  EXPECT_EQ(token.expires_in.count(), 86399);
  EXPECT_EQ(token.refresh_token, "RT9");
  f.fake->push(400, R"({"error":"invalid_client"})");
  try {
    caspio::fetch_access_token(
        caspio::ClientCredentials{"id", "wrong", "https://c1abc123.caspio.com/oauth/token"},
        f.options());
    FAIL() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    EXPECT_EQ(e.code(), "invalid_client");
    EXPECT_EQ(std::string(e.what()).find("wrong"), std::string::npos);
  }
  EXPECT_THROW(
      caspio::fetch_access_token(caspio::ClientCredentials{"", "s", "https://x/t"}, f.options()),
      caspio::InvalidArgumentError);
  EXPECT_EQ(f.fake->requests().size(), 2u);
}

TEST(Pipeline, InvalidArgumentsAreRefusedBeforeAnythingIsSent) {
  Fixture f;
  const auto client = f.token_client();
  const auto t = client.tables();
  const auto v = client.views();
  using caspio::InvalidArgumentError;
  using caspio::Query;
  using caspio::Where;
  EXPECT_THROW(t.update_records("T", Where{}, {{"A", 1}}), InvalidArgumentError);
  EXPECT_THROW(t.delete_records("T", Where{}), InvalidArgumentError);
  EXPECT_THROW(t.delete_records("T", ""), InvalidArgumentError);
  EXPECT_THROW(v.update_records("V", Where{}, {{"A", 1}}), InvalidArgumentError);
  EXPECT_THROW(v.delete_records("V", Where{}), InvalidArgumentError);
  EXPECT_THROW(t.update_password_field_value("T", "Password", "x", Where{}), InvalidArgumentError);
  EXPECT_THROW(t.delete_password_field_value("T", "Password", Where{}), InvalidArgumentError);
  EXPECT_THROW(t.update_records("T", Where::all(), nlohmann::json::object()), InvalidArgumentError);
  EXPECT_THROW(t.update_records("T", Where::all(), {{"PK_ID", 3}}), InvalidArgumentError);
  EXPECT_THROW(t.create_record("T", nlohmann::json::array()), InvalidArgumentError);
  EXPECT_THROW(t.create_record("T", {{"pk_id", 1}}), InvalidArgumentError);
  EXPECT_THROW(t.create_record("", {{"A", 1}}), InvalidArgumentError);
  EXPECT_THROW(t.description(""), InvalidArgumentError);
  EXPECT_THROW(t.field_definition("T", ""), InvalidArgumentError);
  EXPECT_THROW(t.create("T", {}), InvalidArgumentError);
  EXPECT_THROW(t.create("T", {caspio::FieldDefinition{"A", ""}}), InvalidArgumentError);
  EXPECT_THROW(t.add_field("T", caspio::FieldDefinition{"", "STRING"}), InvalidArgumentError);
  EXPECT_THROW(t.update_field_definition("T", "F", nlohmann::json{{"Type", "TEXT"}}),
               InvalidArgumentError);
  EXPECT_THROW(t.update_field_definition("T", "F", caspio::FieldUpdate{}), InvalidArgumentError);
  EXPECT_THROW(t.get_records_paginated("T", Query{}.limit(10).page_size(10)), InvalidArgumentError);
  EXPECT_THROW(t.get_records("T", Query{}.page_number(2)), InvalidArgumentError);
  EXPECT_THROW(t.records("T", Query{}.page_number(2)), InvalidArgumentError);
  EXPECT_THROW(t.get_records("T", Query{}.where("A = {}", std::string(2100, 'x'))),
               InvalidArgumentError);
  EXPECT_THROW(t.get_records_stream_to_file("T", {}, ""), InvalidArgumentError);
  EXPECT_TRUE(f.fake->requests().empty());
}

TEST(Pipeline, FetchAllSendsPagesNeverLimitAndAStableOrder) {
  Fixture f;
  nlohmann::json full = {{"Result", nlohmann::json::array()}};
  for (int i = 0; i < 1000; ++i) full["Result"].push_back({{"PK_ID", i + 1}});
  f.fake->push(200, full.dump());
  f.fake->push(200, R"({"Result":[{"PK_ID":1001}]})");
  const auto rows = f.token_client().tables().get_records(
      "My Table", caspio::Query{}.where("Name = {}", "O'Brien"));
  EXPECT_EQ(rows.size(), 1001u);
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 2u);
  const std::string base =
      "https://c1abc123.caspio.com/rest/v2/tables/My%20Table/records?"
      "q.where=Name%20%3D%20%27O%27%27Brien%27&q.orderBy=PK_ID&q.pageNumber=";
  EXPECT_EQ(r[0].url, base + "1&q.pageSize=1000");
  EXPECT_EQ(r[1].url, base + "2&q.pageSize=1000");
}

TEST(Pipeline, FetchAllWithLimitIsOneRequestWithoutPaging) {
  Fixture f;
  f.fake->push(200, R"({"Result":[{"A":1},{"A":2}]})");
  const auto rows =
      f.token_client().views().get_records("V", caspio::Query{}.limit(2).order_by("A"));
  EXPECT_EQ(rows.size(), 2u);
  const auto r = f.fake->requests();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].url, "https://c1abc123.caspio.com/rest/v2/views/V/records?q.orderBy=A&q.limit=2");
}

// Issue 16 item 3: a CR or LF in a header value would end the header line and inject another.
TEST(Pipeline, CrOrLfInTokenOrUserAgentIsRefusedBeforeSending) {
  {
    Fixture f;
    EXPECT_THROW(caspio::Client("c1abc123", "tok\r\nX-Injected: 1", f.options()).tables().listing(),
                 caspio::InvalidArgumentError);
    EXPECT_TRUE(f.fake->requests().empty());
  }
  {
    Fixture f;
    auto options = f.options();
    options.user_agent = "agent\nX-Injected: 1";
    EXPECT_THROW(caspio::Client("c1abc123", "tok-123", options).tables().listing(),
                 caspio::InvalidArgumentError);
    EXPECT_TRUE(f.fake->requests().empty());
  }
  {
    // A TokenSource of the caller's.
    struct Bad final : caspio::TokenSource {
      std::string token() override { return "tok\nX-Injected: 1"; }
      bool renew_after_unauthorized(const std::string&) override { return false; }
    };
    Fixture f;
    const caspio::Client client("c1abc123", std::make_shared<Bad>(), f.options());
    EXPECT_THROW(client.tables().listing(), caspio::InvalidArgumentError);
    EXPECT_TRUE(f.fake->requests().empty());
  }
  {
    // The token endpoint's answer: only the token request goes out.
    Fixture f;
    f.fake->push(200, token_json("tok\r\nX-Injected: 1", "refresh-1"));
    const auto client = f.credentials_client();
    try {
      client.tables().listing();
      FAIL() << "expected an error";
    } catch (const caspio::Error& e) {
      EXPECT_NE(std::string(e.what()).find("CR, LF"), std::string::npos) << e.what();
    }
    ASSERT_EQ(f.fake->requests().size(), 1u);
    EXPECT_NE(f.fake->requests()[0].url.find("/oauth/token"), std::string::npos);
  }
}
