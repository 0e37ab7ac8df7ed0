// A server that echoes credentials does not get them into what() or ErrorInfo.
#include <gtest/gtest.h>

#include <memory>
#include <string>

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
