// Error bodies in every shape Caspio sends become typed errors carrying its fields.
#include <gtest/gtest.h>

#include <string>

#include "answer/errors.hpp"
#include "caspio/caspio.hpp"

using caspio::HttpMethod;
using caspio::HttpRequest;
using caspio::HttpResponse;
using caspio::detail::parse_error_body;
using caspio::detail::throw_http_error;

namespace {

HttpRequest get_request() {
  return HttpRequest{HttpMethod::get, "https://c1.caspio.com/rest/v2/tables/Nope/records", {}, {}};
}

// Throws the error for `response` and returns it as the base class, checking its dynamic type.
template <typename Expected>
caspio::ErrorInfo error_for(const HttpResponse& response) {
  try {
    throw_http_error(get_request(), response, 2);
  } catch (const Expected& e) {
    return e.info();
  }
  ADD_FAILURE() << "expected another error type";
  return {};
}

}  // namespace

TEST(ErrorBody, JsonCaspioShape) {
  const auto body = parse_error_body(
      R"({"Code":"ObjectNotFound","Message":"Requested object not found","Resource":"https://x/rest/v2/tables/Nope","RequestId":"B08C00FC-F98E-41BF-A171-6738AA4CDB2D"})");
  EXPECT_EQ(body.code, "ObjectNotFound");
  EXPECT_EQ(body.message, "Requested object not found");
  EXPECT_EQ(body.resource, "https://x/rest/v2/tables/Nope");
  EXPECT_EQ(body.request_id, "B08C00FC-F98E-41BF-A171-6738AA4CDB2D");
}

TEST(ErrorBody, XmlErrorResultShape) {
  const auto body = parse_error_body(
      R"(<ErrorResult xmlns:xsd="http://www.w3.org/2001/XMLSchema"><Error>UnsufficientPrivileges</Error><Description>Cannot perform operation because your Caspio API profile doesn&apos;t have enough privileges.</Description><Resource>https://c2.caspio.com/rest/v2/files/path?filePath=%2FIcons&amp;x=1</Resource><RequestId>B08C00FC</RequestId></ErrorResult>)");
  EXPECT_EQ(body.code, "UnsufficientPrivileges");
  EXPECT_EQ(body.message,
            "Cannot perform operation because your Caspio API profile doesn't have enough "
            "privileges.");
  EXPECT_EQ(body.resource, "https://c2.caspio.com/rest/v2/files/path?filePath=%2FIcons&x=1");
  EXPECT_EQ(body.request_id, "B08C00FC");
}

TEST(ErrorBody, XmlDocumentedShapeAndJsonAlternates) {
  const auto xml = parse_error_body(
      R"(<Error xmlns:i="x"><Code>SqlServerError</Code><Message>Invalid column name 'X'.</Message></Error>)");
  EXPECT_EQ(xml.code, "SqlServerError");
  EXPECT_EQ(xml.message, "Invalid column name 'X'.");
  const auto alt = parse_error_body(R"({"Error":"Bad","Description":"Worse"})");
  EXPECT_EQ(alt.code, "Bad");
  EXPECT_EQ(alt.message, "Worse");
  const auto oauth = parse_error_body(R"({"error":"invalid_client"})");
  EXPECT_EQ(oauth.code, "invalid_client");
}

TEST(ErrorBody, ThrottleArrayHtmlAndEmpty) {
  const auto throttle = parse_error_body(
      R"([{"message":"You have exceeded your API call rate limits.","name":"api-calls-rate"}])");
  EXPECT_EQ(throttle.code, "api-calls-rate");
  EXPECT_EQ(throttle.message, "You have exceeded your API call rate limits.");
  const auto html = parse_error_body("<html><body>File or directory not found.</body></html>");
  EXPECT_EQ(html.code, "");
  EXPECT_EQ(parse_error_body("").message, "");
  EXPECT_EQ(parse_error_body("{not json").code, "");
}

TEST(ErrorMapping, StatusesBecomeTypedErrors) {
  const auto not_found = error_for<caspio::NotFoundError>(
      {404, {{"X-Caspio-Request-ID", "RID-1"}}, R"({"Code":"ObjectNotFound","Message":"m"})"});
  EXPECT_EQ(not_found.http_status, 404);
  EXPECT_EQ(not_found.code, "ObjectNotFound");
  EXPECT_EQ(not_found.request_id, "RID-1");
  EXPECT_EQ(not_found.method, "GET");
  EXPECT_EQ(not_found.url, get_request().url);
  EXPECT_EQ(not_found.attempts, 2);
  error_for<caspio::AuthError>({401, {}, ""});
  error_for<caspio::AuthError>({403, {}, "<Error><Code>IpForbidden</Code></Error>"});
  error_for<caspio::ConflictError>({409, {}, "{}"});
  const auto limited = error_for<caspio::RateLimitError>({429, {{"Retry-After", "7"}}, ""});
  ASSERT_TRUE(limited.retry_after.has_value());
  EXPECT_EQ(limited.retry_after->count(), 7);
  error_for<caspio::RateLimitError>({400, {}, R"([{"message":"m","name":"api-calls-rate"}])"});
  const auto bad = error_for<caspio::ApiError>(
      {400, {}, R"({"Code":"IncorrectQueryParameter","Message":"q.pageSize"})"});
  EXPECT_EQ(bad.code, "IncorrectQueryParameter");
  const auto html = error_for<caspio::ApiError>({502, {}, "<html><h1>Bad gateway</h1></html>"});
  EXPECT_EQ(html.http_status, 502);
  EXPECT_NE(html.message.find("non-Caspio"), std::string::npos);
  const auto empty = error_for<caspio::ApiError>({500, {}, ""});
  EXPECT_EQ(empty.message, "empty error body");
}

TEST(ErrorMapping, WhatIsOnePreciseLine) {
  try {
    throw_http_error(get_request(),
                     {404, {}, "{\"Code\":\"ObjectNotFound\",\"Message\":\"two\\nlines\"}"}, 1);
  } catch (const caspio::Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.find('\n'), std::string::npos);
    EXPECT_NE(what.find("GET https://c1.caspio.com/rest/v2/tables/Nope/records"),
              std::string::npos);
    EXPECT_NE(what.find("HTTP 404"), std::string::npos);
    EXPECT_NE(what.find("ObjectNotFound"), std::string::npos);
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.code(), "ObjectNotFound");
  }
}

TEST(RetryAfter, SecondsAndHttpDates) {
  using caspio::detail::parse_retry_after;
  EXPECT_EQ(parse_retry_after("5")->count(), 5);
  EXPECT_FALSE(parse_retry_after("").has_value());
  EXPECT_FALSE(parse_retry_after("soon").has_value());
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT")->count(), 0);  // in the past
}
