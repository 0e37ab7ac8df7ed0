// One decision for every call: after a retried request, the typed error of every facade carries
// the real method, URL, request id and attempt count (a bad 200 shape and an error status alike).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"

using caspio::testing::FakeTransport;

namespace {

struct Call {
  const char* name;
  const char* method;
  const char* url;  // expected URL, after the base
  std::function<void(const caspio::Client&)> run;
};

std::vector<Call> calls() {
  using caspio::Query;
  using caspio::Where;
  return {
      {"tables().listing", "GET", "/tables", [](const caspio::Client& c) { c.tables().listing(); }},
      {"tables().get_records", "GET",
       "/tables/T/records?q.orderBy=PK_ID&q.pageNumber=1&q.pageSize=1000",
       [](const caspio::Client& c) { c.tables().get_records("T"); }},
      {"tables().update_records", "PUT", "/tables/T/records?q.where=A%3D1&response=rows",
       [](const caspio::Client& c) {
         c.tables().update_records("T", Where{"A=1"}, {{"B", 2}}, caspio::ReturnRows::yes);
       }},
      {"views().description", "GET", "/views/V",
       [](const caspio::Client& c) { c.views().description("V"); }},
      {"views().get_records_paginated", "GET", "/views/V/records?q.pageNumber=2&q.pageSize=5",
       [](const caspio::Client& c) {
         c.views().get_records_paginated("V", Query{}.page_number(2).page_size(5));
       }},
      {"apps().listing", "GET", "/applications",
       [](const caspio::Client& c) { c.apps().listing(); }},
      {"apps().dp_deploy_code_by_keys", "GET", "/applications/A/datapages/P/deployment?method=I",
       [](const caspio::Client& c) { c.apps().dp_deploy_code_by_keys("A", "P", "i"); }},
      {"files().metadata_by_key", "GET", "/files?externalKey=K",
       [](const caspio::Client& c) { c.files().metadata_by_key("K"); }},
      {"tasks().properties_by_key", "GET", "/tasks/K",
       [](const caspio::Client& c) { c.tasks().properties_by_key("K"); }},
      {"utils().copy_record", "GET", "/tables/T/fields",
       [](const caspio::Client& c) { c.utils().copy_record("T", Where{"A=1"}); }},
  };
}

const std::string kBase = "https://c1abc123.caspio.com/rest/v2";

caspio::Client client_over(const std::shared_ptr<FakeTransport>& fake) {
  caspio::ClientOptions options;
  options.transport = fake;
  options.retry.sleep = [](std::chrono::milliseconds) {};
  return caspio::Client("c1abc123", "tok", options);
}

caspio::HttpHeaders request_id(const std::string& id) {
  return {{"X-Caspio-Request-ID", id}};
}

}  // namespace

TEST(AnswerAttempts, BadShapeAfterARetryNamesTheRealRequest) {
  for (const Call& call : calls()) {
    SCOPED_TRACE(call.name);
    auto fake = std::make_shared<FakeTransport>();
    fake->push(503, R"({"Code":"ServiceUnavailable","Message":"busy"})", request_id("RID-1"));
    fake->push(200, R"({"Unexpected":true})", request_id("RID-2"));
    try {
      call.run(client_over(fake));
      FAIL() << "expected ApiError";
    } catch (const caspio::ApiError& e) {
      EXPECT_EQ(e.info().attempts, 2);
      EXPECT_EQ(e.info().request_id, "RID-2");
      EXPECT_EQ(e.info().http_status, 200);
      EXPECT_EQ(e.info().method, call.method);
      EXPECT_EQ(e.info().url, kBase + call.url);
    }
    EXPECT_EQ(fake->requests().size(), 2u);
  }
}

TEST(AnswerAttempts, ErrorStatusAfterRetriesCountsEveryAttempt) {
  for (const Call& call : calls()) {
    SCOPED_TRACE(call.name);
    auto fake = std::make_shared<FakeTransport>();
    fake->push(502, "", request_id("RID-1"));
    fake->push(429, R"([{"message":"slow down","name":"api-calls-rate"}])", request_id("RID-2"));
    fake->push(404, R"({"Code":"ObjectNotFound","Message":"no such thing","RequestId":"RID-3"})");
    try {
      call.run(client_over(fake));
      FAIL() << "expected NotFoundError";
    } catch (const caspio::NotFoundError& e) {
      EXPECT_EQ(e.info().attempts, 3);
      EXPECT_EQ(e.info().request_id, "RID-3");
      EXPECT_EQ(e.info().code, "ObjectNotFound");
      EXPECT_EQ(e.info().method, call.method);
      EXPECT_EQ(e.info().url, kBase + call.url);
    }
  }
}

TEST(AnswerAttempts, MalformedBodyIsFetchedAgainThenReported) {
  auto fake = std::make_shared<FakeTransport>();
  fake->push(200, R"({"Result":["a",)", request_id("RID-1"));  // truncated
  fake->push(200, R"({"Result":["a","b"]})", request_id("RID-2"));
  EXPECT_EQ(client_over(fake).tables().listing(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(fake->requests().size(), 2u);
}

TEST(AnswerAttempts, BadJsonReportsTheRequestIdOfTheAnswer) {
  auto fake = std::make_shared<FakeTransport>();
  // A body that is not JSON at all (cut short, an HTML page) is fetched again, 4 times at most.
  for (int i = 0; i < 4; ++i) fake->push(200, "<html>oops</html>", request_id("RID-9"));
  try {
    client_over(fake).tasks().listing();
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(fake->requests().size(), 4u);
    EXPECT_EQ(e.code(), "MalformedAnswer");
    EXPECT_EQ(e.info().attempts, 4);  // every send of the call (issue 16 item 8)
    EXPECT_EQ(e.info().request_id, "RID-9");
    EXPECT_NE(e.info().message.find("not valid JSON"), std::string::npos);
  }
}

// Issue 16 item 8: one retry budget per call. The pipeline's retries and the re-reads of a
// malformed 2xx body share RetryOptions::max_attempts (4), each re-read waits a backoff, and the
// error counts every send (it used to report 1 while 4 went out, and allow 16 sends per page).
TEST(AnswerAttempts, OneBudgetForRetriesAndReReadsWithBackoffAndTheRealCount) {
  const std::vector<Call> reads = {
      {"tables().listing", "GET", "/tables", [](const caspio::Client& c) { c.tables().listing(); }},
      {"tables().get_records", "GET",
       "/tables/T/records?q.orderBy=PK_ID&q.pageNumber=1&q.pageSize=1000",
       [](const caspio::Client& c) { c.tables().get_records("T"); }},
  };
  for (const Call& call : reads) {
    SCOPED_TRACE(call.name);
    auto fake = std::make_shared<FakeTransport>();
    // Three rounds of "503 then a cut body": 6 sends would be allowed by nested loops.
    for (int i = 0; i < 3; ++i) {
      fake->push(503, R"({"Code":"ServiceUnavailable","Message":"busy"})", request_id("RID-A"));
      fake->push(200, R"({"Result":[)", request_id("RID-B"));
    }
    std::vector<std::chrono::milliseconds> sleeps;
    caspio::ClientOptions options;
    options.transport = fake;
    options.retry.max_attempts = 4;
    options.retry.sleep = [&sleeps](std::chrono::milliseconds d) { sleeps.push_back(d); };
    const caspio::Client client("c1abc123", "tok", options);
    try {
      call.run(client);
      FAIL() << "expected ApiError";
    } catch (const caspio::ApiError& e) {
      EXPECT_EQ(e.code(), "MalformedAnswer");
      EXPECT_EQ(e.info().attempts, 4);
      EXPECT_EQ(e.info().request_id, "RID-B");
      EXPECT_EQ(e.info().url, kBase + call.url);
    }
    EXPECT_EQ(fake->requests().size(), 4u);
    EXPECT_EQ(sleeps.size(), 3u);  // a wait before every send but the first, re-reads included
  }
  for (const Call& call : reads) {
    SCOPED_TRACE(call.name);
    auto fake = std::make_shared<FakeTransport>();
    for (int i = 0; i < 8; ++i) fake->push(200, "<html>cut</html>", request_id("RID-C"));
    std::vector<std::chrono::milliseconds> sleeps;
    caspio::ClientOptions options;
    options.transport = fake;
    options.retry.max_attempts = 4;
    options.retry.sleep = [&sleeps](std::chrono::milliseconds d) { sleeps.push_back(d); };
    EXPECT_THROW(call.run(caspio::Client("c1abc123", "tok", options)), caspio::ApiError);
    EXPECT_EQ(fake->requests().size(), 4u);
    EXPECT_EQ(sleeps.size(), 3u);
  }
}
