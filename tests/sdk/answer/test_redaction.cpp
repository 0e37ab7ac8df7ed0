// A server that echoes credentials does not get them into what() or ErrorInfo.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "answer/redact.hpp"
#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"

using caspio::testing::FakeTransport;

TEST(Redaction, EchoedBearerTokenIsRedacted) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(400, R"({"Code":"IncorrectBodyParameter","Message":"bad token tok-SECRET-1234 in )"
                  R"(Authorization: Bearer tok-SECRET-1234"})");
  caspio::ClientOptions options;
  options.transport = fake;
  const caspio::Client client{"c1abc123", "tok-SECRET-1234", options};
  try {
    client.tables().listing();
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(std::string(e.what()).find("tok-SECRET"), std::string::npos) << e.what();
    EXPECT_EQ(e.info().message.find("tok-SECRET"), std::string::npos) << e.info().message;
    EXPECT_NE(e.info().message.find("[redacted]"), std::string::npos);
    EXPECT_EQ(e.code(), "IncorrectBodyParameter");
  }
}

TEST(Redaction, SecretsInKnownShapesAreRedacted) {
  using caspio::detail::redact_secrets;
  EXPECT_EQ(redact_secrets("Bearer abc.def-123 rejected"), "Bearer [redacted] rejected");
  EXPECT_EQ(redact_secrets(R"({"access_token":"AT-1","x":1})"),
            R"({"access_token":"[redacted]","x":1})");
  EXPECT_EQ(redact_secrets("grant_type=refresh_token&refresh_token=RT-9&a=b"),
            "grant_type=refresh_token&refresh_token=[redacted]&a=b");
  EXPECT_EQ(redact_secrets("client_secret = s3cr3t;"), "client_secret = [redacted];");
  EXPECT_EQ(redact_secrets("authorization: Basic aWQ6c2VjcmV0"), "authorization: Basic [redacted]");
  EXPECT_EQ(redact_secrets("no secrets here"), "no secrets here");
}

// Found by fuzz/fuzz_answer: the request id (body `RequestId` or the `X-Caspio-Request-ID`
// header) was copied into what() and ErrorInfo without redaction.
TEST(Redaction, EchoedTokenInRequestIdIsRedacted) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(404, R"({"Code":"ObjectNotFound","Message":"no","RequestId":"tok-SECRET-1234"})");
  fake->push(401, R"({"Code":"Unauthorized"})", {{"X-Caspio-Request-ID", "tok-SECRET-1234"}});
  fake->push(200, R"({"NoResult":1})", {{"X-Caspio-Request-ID", "id tok-SECRET-1234"}});
  caspio::ClientOptions options;
  options.transport = fake;
  options.retry.max_attempts = 1;
  const caspio::Client client{"c1abc123", "tok-SECRET-1234", options};
  for (int i = 0; i < 3; ++i) {
    try {
      client.tables().listing();
      FAIL() << "expected ApiError";
    } catch (const caspio::ApiError& e) {
      EXPECT_EQ(std::string(e.what()).find("tok-SECRET"), std::string::npos) << e.what();
      EXPECT_EQ(e.info().request_id.find("tok-SECRET"), std::string::npos) << e.info().request_id;
      EXPECT_NE(e.info().request_id.find("[redacted]"), std::string::npos) << e.info().request_id;
    }
  }
}

// Issue 16 item 4: every credential the client holds (client secret, the client_id:secret pair
// and its base64, the refresh token, the tokens) is redacted wherever a server echoes it: in
// what(), in ErrorInfo and in observer events (what `caspio -v` prints).
TEST(Redaction, EveryCredentialTheClientHoldsIsRedactedFromErrorsAndEvents) {
  const std::string id = "client-id-0001";
  const std::string secret = "client-SECRET-5678";
  const std::string pair = id + ":" + secret;
  const std::string basic = "Y2xpZW50LWlkLTAwMDE6Y2xpZW50LVNFQ1JFVC01Njc4";  // base64(pair)
  const std::string refresh = "refresh-SECRET-9012";
  const std::string access = "access-SECRET-3456";
  const std::vector<std::string> leaks = {secret, basic, refresh, access, "SECRET"};
  std::vector<std::string> events;
  auto fake = std::make_shared<FakeTransport>();
  caspio::ClientOptions options;
  options.transport = fake;
  options.retry.max_attempts = 2;
  options.retry.sleep = [](std::chrono::milliseconds) {};
  options.observer = [&events](const caspio::AttemptEvent& e) {
    events.push_back(e.request_id + " | " + e.error);
  };
  const caspio::Client client{
      caspio::ClientCredentials{id, secret, "https://c1abc123.caspio.com/oauth/token"}, options};
  const auto expect_clean = [&](const caspio::Error& e) {
    const std::string text = std::string(e.what()) + e.info().message + e.info().code +
                             e.info().resource + e.info().request_id;
    for (const auto& leak : leaks) EXPECT_EQ(text.find(leak), std::string::npos) << text;
  };
  // The token endpoint refuses, echoing the secret, the pair and the basic credential (plain
  // words, not in a shape redact_secrets knows).
  fake->push(400,
             R"({"error":"invalid_client","error_description":"unknown )" + pair + " (" + basic +
                 ") " + secret + R"("})",
             {{"X-Caspio-Request-ID", basic}});
  try {
    client.tables().listing();
    ADD_FAILURE() << "expected AuthError";
  } catch (const caspio::AuthError& e) {
    expect_clean(e);
  }
  // Then a token, and an API error echoing the refresh token and the access token, twice (a
  // retried 503 reported to the observer with its request id).
  fake->push(200, nlohmann::json{{"access_token", access},
                                 {"token_type", "bearer"},
                                 {"expires_in", 86399},
                                 {"refresh_token", refresh}}
                      .dump());
  for (int i = 0; i < 2; ++i) {
    fake->push(503,
               R"({"Code":"Busy","Message":"token )" + access + " refresh " + refresh + " " +
                   secret + R"("})",
               {{"X-Caspio-Request-ID", "id " + access + " " + refresh}});
  }
  try {
    client.tables().listing();
    ADD_FAILURE() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    expect_clean(e);
    EXPECT_EQ(e.info().attempts, 2);
  }
  ASSERT_GE(events.size(), 3u);
  for (const auto& event : events) {
    for (const auto& leak : leaks) EXPECT_EQ(event.find(leak), std::string::npos) << event;
  }
}
