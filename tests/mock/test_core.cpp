// The emulator's core over plain HTTP: OAuth, bearer checks, envelopes, errors, journal, faults.

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>
#include <vector>

#include "mock_http.hpp"

using caspio::mock::Fault;
using caspio::mock::FaultKind;
using caspio::mock::ServerOptions;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

ServerOptions empty_options() {
  ServerOptions o;
  o.fixture = caspio::mock::Fixture::empty;
  return o;
}

std::string basic(const std::string& id, const std::string& secret) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string in = id + ":" + secret;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += table[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) out += table[(buffer << (6 - bits)) & 63];
  while (out.size() % 4 != 0) out += '=';
  return "Basic " + out;
}

const std::regex kGuidUpper("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$");
const std::regex kB64Token("^[-a-zA-Z0-9._~+/]+=*$");

class CoreTest : public ::testing::Test {
 protected:
  MockHttp mock{empty_options()};

  httplib::Result token_request(const std::string& body, const httplib::Headers& headers = {}) {
    return mock.http().Post("/oauth/token", headers, body, "application/x-www-form-urlencoded");
  }
};

TEST_F(CoreTest, ClientCredentialsWithBasicAuthIssuesBearerToken) {
  auto r = token_request("grant_type=client_credentials",
                         {{"Authorization", basic("caspio-mock-client", "caspio-mock-secret")}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto j = json::parse(r->body);
  EXPECT_EQ(j.at("token_type"), "bearer");
  EXPECT_EQ(j.at("expires_in"), 86399);
  EXPECT_TRUE(std::regex_match(j.at("access_token").get<std::string>(), kB64Token));
  EXPECT_TRUE(std::regex_match(j.at("refresh_token").get<std::string>(), kB64Token));
  EXPECT_EQ(mock.server().tokens_issued(), 2u);  // the fixture's own token, and this one

  auto use = mock.http().Get(
      "/rest/v2/tables", {{"Authorization", "Bearer " + j.at("access_token").get<std::string>()}});
  EXPECT_EQ(use->status, 200);
}

TEST_F(CoreTest, ClientCredentialsInTheFormBodyWork) {
  auto r = token_request(
      "grant_type=client_credentials&client_id=caspio-mock-client&client_secret=caspio-mock-"
      "secret");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(json::parse(r->body).contains("access_token"));
}

TEST_F(CoreTest, TokenEndpointIsLenientAboutContentType) {
  auto r = mock.http().Post(
      "/oauth/token", {},
      "grant_type=client_credentials&client_id=caspio-mock-client&client_secret=caspio-mock-secret",
      "text/plain");
  EXPECT_EQ(r->status, 200);
}

TEST_F(CoreTest, WrongCredentialsAreInvalidClient) {
  auto r = token_request("grant_type=client_credentials",
                         {{"Authorization", basic("caspio-mock-client", "wrong")}});
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body).at("error"), "invalid_client");
  auto none = token_request("grant_type=client_credentials");
  EXPECT_EQ(none->status, 400);
  EXPECT_EQ(json::parse(none->body).at("error"), "invalid_client");
  EXPECT_EQ(mock.server().tokens_issued(), 1u);
}

TEST_F(CoreTest, UnknownOrMissingGrantIsRefused) {
  auto auth =
      httplib::Headers{{"Authorization", basic("caspio-mock-client", "caspio-mock-secret")}};
  auto r = token_request("grant_type=password", auth);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body).at("error"), "unsupported_grant_type");
  auto missing = token_request("", auth);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(json::parse(missing->body).at("error"), "invalid_request");
  auto get = mock.http().Get("/oauth/token");
  EXPECT_EQ(get->status, 405);
}

TEST_F(CoreTest, RefreshTokenGrantGivesANewPair) {
  auto auth =
      httplib::Headers{{"Authorization", basic("caspio-mock-client", "caspio-mock-secret")}};
  auto first = json::parse(token_request("grant_type=client_credentials", auth)->body);
  auto r = token_request(
      "grant_type=refresh_token&refresh_token=" + first.at("refresh_token").get<std::string>(),
      auth);
  ASSERT_EQ(r->status, 200);
  auto second = json::parse(r->body);
  EXPECT_NE(second.at("access_token"), first.at("access_token"));
  EXPECT_NE(second.at("refresh_token"), first.at("refresh_token"));

  auto bad = token_request("grant_type=refresh_token&refresh_token=nope", auth);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body).at("error"), "invalid_grant");

  // Client credentials are required for the refresh grant too, in the body or as Basic.
  auto body_creds = token_request(
      "grant_type=refresh_token&client_id=caspio-mock-client&"
      "client_secret=caspio-mock-secret&refresh_token=" +
      second.at("refresh_token").get<std::string>());
  EXPECT_EQ(body_creds->status, 200);
  auto no_creds = token_request("grant_type=refresh_token&refresh_token=" +
                                second.at("refresh_token").get<std::string>());
  EXPECT_EQ(no_creds->status, 400);
}

TEST_F(CoreTest, ResourceCallsWithoutAValidTokenAre401) {
  auto none = mock.http().Get("/rest/v2/tables");
  EXPECT_EQ(none->status, 401);
  auto j = json::parse(none->body);
  EXPECT_EQ(j.at("Code"), "Unauthorized");
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");

  auto wrong = mock.http().Get("/rest/v2/tables", {{"Authorization", "Bearer not-a-token"}});
  EXPECT_EQ(wrong->status, 401);
  auto basic_scheme = mock.http().Get("/rest/v2/tables", {{"Authorization", "Basic abc"}});
  EXPECT_EQ(basic_scheme->status, 401);
}

TEST_F(CoreTest, BearerSchemeIsCaseInsensitive) {
  auto lower = mock.http().Get("/rest/v2/tables", {{"Authorization", "bearer " + mock.token()}});
  EXPECT_EQ(lower->status, 200);
  auto upper = mock.http().Get("/rest/v2/tables", {{"Authorization", "BEARER " + mock.token()}});
  EXPECT_EQ(upper->status, 200);
}

TEST(CoreTokenTtl, TokensExpireAfterTheirLifetime) {
  ServerOptions o = empty_options();
  o.token_ttl = std::chrono::seconds(1);
  MockHttp mock(o);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 401);
}

TEST_F(CoreTest, TokensCanBeExpiredOnDemandInProcessAndOverHttp) {
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  mock.server().expire_tokens();
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 401);

  auto fresh = mock.server().issue_token();
  httplib::Headers h{{"Authorization", "Bearer " + fresh}};
  EXPECT_EQ(mock.http().Get("/rest/v2/tables", h)->status, 200);
  EXPECT_EQ(mock.http().Post("/__mock/tokens/expire", "", "application/json")->status, 200);
  EXPECT_EQ(mock.http().Get("/rest/v2/tables", h)->status, 401);
  auto count = json::parse(mock.http().Get("/__mock/tokens")->body);
  EXPECT_EQ(count.at("issued"), 2);
}

TEST_F(CoreTest, EveryResponseCarriesAnUpperCaseRequestId) {
  auto ok = mock.get("/rest/v2/tables");
  auto err = mock.get("/rest/v2/tables/Nope");
  auto unauth = mock.http().Get("/rest/v2/tables");
  auto token = token_request("grant_type=nope");
  for (const auto* r : {&ok, &err, &unauth, &token}) {
    ASSERT_TRUE(*r);
    EXPECT_TRUE(std::regex_match((*r)->get_header_value("X-Caspio-Request-ID"), kGuidUpper))
        << (*r)->get_header_value("X-Caspio-Request-ID");
  }
  EXPECT_NE(ok->get_header_value("X-Caspio-Request-ID"),
            err->get_header_value("X-Caspio-Request-ID"));
}

TEST_F(CoreTest, ErrorBodyHasCaspioShapeWithResourceAndRequestId) {
  auto r = mock.get("/rest/v2/nothing/here?x=%20y");
  ASSERT_EQ(r->status, 404);
  EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
  // Member order as documented: Code, Message, Resource, RequestId.
  EXPECT_EQ(r->body.find("{\"Code\":"), 0u) << r->body;
  auto j = json::parse(r->body);
  EXPECT_EQ(j.at("Code"), "ObjectNotFound");
  EXPECT_EQ(j.at("Resource"), mock.server().base_url() + "/rest/v2/nothing/here?x=%20y");
  EXPECT_EQ(j.at("RequestId"), r->get_header_value("X-Caspio-Request-ID"));
}

TEST_F(CoreTest, XmlErrorWhenXmlIsAccepted) {
  auto r = mock.http().Get("/rest/v2/nothing", {{"Authorization", "Bearer " + mock.token()},
                                                {"Accept", "application/xml"}});
  ASSERT_EQ(r->status, 404);
  EXPECT_EQ(r->body.rfind("<ErrorResult", 0), 0u) << r->body;
  EXPECT_NE(r->body.find("<Error>ObjectNotFound</Error>"), std::string::npos);
  EXPECT_NE(r->body.find("<RequestId>" + r->get_header_value("X-Caspio-Request-ID")),
            std::string::npos);
}

TEST_F(CoreTest, UriLongerThan2047IsRefusedWith414) {
  std::string target = "/rest/v2/tables?q.where=";
  EXPECT_EQ(mock.get(target + std::string(2047 - target.size(), 'a'))->status, 200);
  auto r = mock.get(target + std::string(2048 - target.size(), 'a'));
  EXPECT_EQ(r->status, 414);
  EXPECT_EQ(json::parse(r->body).at("Code"), "RequestUriTooLong");
}

TEST_F(CoreTest, PathsOutsideTheApiGetIisHtml404) {
  auto r = mock.get("/rest/v9/tables");
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(r->body.find("File or directory not found"), std::string::npos);
}

TEST_F(CoreTest, KnownPathWithWrongMethodIs405) {
  auto r = mock.http().Patch("/rest/v2/tables", mock.auth(), "{}", "application/json");
  EXPECT_EQ(r->status, 405);
}

TEST_F(CoreTest, JournalRecordsTheWireRequest) {
  mock.server().clear_journal();
  auto r = mock.http().Put("/rest/v2/tables/My%20Table/records?q.where=A%3D1&response=rows",
                           mock.auth(), R"({"A":2})", "application/json");
  ASSERT_TRUE(r);
  auto journal = mock.server().journal();
  ASSERT_EQ(journal.size(), 1u);
  const auto& e = journal[0];
  EXPECT_EQ(e.method, "PUT");
  EXPECT_EQ(e.path, "/rest/v2/tables/My%20Table/records");
  EXPECT_EQ(e.query, "q.where=A%3D1&response=rows");
  EXPECT_EQ(e.param("q.where").value_or(""), "A=1");
  EXPECT_EQ(e.header("authorization"), "Bearer (redacted)");  // credentials are not journaled
  EXPECT_EQ(e.header("Content-Type"), "application/json");
  EXPECT_EQ(e.body, R"({"A":2})");
  EXPECT_EQ(e.status, r->status);
  EXPECT_EQ(e.request_id, r->get_header_value("X-Caspio-Request-ID"));

  auto over_http = json::parse(mock.http().Get("/__mock/journal")->body);
  ASSERT_EQ(over_http.size(), 1u);
  EXPECT_EQ(over_http[0].at("target"),
            "/rest/v2/tables/My%20Table/records?q.where=A%3D1&response=rows");
  EXPECT_EQ(mock.http().Delete("/__mock/journal")->status, 200);
  EXPECT_TRUE(mock.server().journal().empty());
}

TEST_F(CoreTest, JournalKeepsMultipartParts) {
  mock.server().clear_journal();
  httplib::MultipartFormDataItems items = {{"file0", "abc", "a.txt", "text/plain"},
                                           {"file1", "PNG", "b.png", "image/png"}};
  mock.http().Post("/rest/v2/files", mock.auth(), items);
  auto journal = mock.server().journal();
  ASSERT_EQ(journal.size(), 1u);
  ASSERT_EQ(journal[0].parts.size(), 2u);
  EXPECT_EQ(journal[0].parts[0].filename, "a.txt");
  EXPECT_EQ(journal[0].parts[1].content_type, "image/png");
  EXPECT_EQ(journal[0].parts[1].content, "PNG");
}

TEST_F(CoreTest, StatusFaultAppliesToTheNextNMatchingRequests) {
  Fault f;
  f.kind = FaultKind::status;
  f.status = 503;
  f.method = "GET";
  f.path_prefix = "/rest/v2/tables";
  f.count = 2;
  mock.server().inject(f);
  EXPECT_EQ(mock.get("/rest/v2/applications")->status != 503, true);  // other path untouched
  auto first = mock.get("/rest/v2/tables");
  EXPECT_EQ(first->status, 503);
  EXPECT_EQ(json::parse(first->body).at("Code"), "ServiceUnavailable");
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 503);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
}

TEST_F(CoreTest, Status429CarriesRetryAfter) {
  Fault f;
  f.status = 429;
  f.retry_after = 3;
  mock.server().inject(f);
  auto r = mock.get("/rest/v2/tables");
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Retry-After"), "3");
}

TEST_F(CoreTest, RateLimit400HasCaspioThrottleBody) {
  Fault f;
  f.kind = FaultKind::rate_limit_400;
  mock.server().inject(f);
  auto r = mock.get("/rest/v2/tables");
  EXPECT_EQ(r->status, 400);
  auto j = json::parse(r->body);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j[0].at("name"), "api-calls-rate");
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
}

TEST_F(CoreTest, DelayFaultDelaysThenServes) {
  Fault f;
  f.kind = FaultKind::delay;
  f.delay = std::chrono::milliseconds(300);
  mock.server().inject(f);
  auto start = std::chrono::steady_clock::now();
  auto r = mock.get("/rest/v2/tables");
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r->status, 200);
  EXPECT_GE(took, std::chrono::milliseconds(300));
}

TEST_F(CoreTest, TruncateFaultSendsHalfAJsonBody) {
  auto whole = mock.get("/rest/v2/nothing")->body;  // a JSON error body of known size
  Fault f;
  f.kind = FaultKind::truncate;
  mock.server().inject(f);
  auto r = mock.get("/rest/v2/nothing");
  ASSERT_TRUE(r);
  EXPECT_TRUE(json::parse(r->body, nullptr, false).is_discarded());
  EXPECT_LT(r->body.size(), whole.size());
}

TEST_F(CoreTest, DropFaultClosesTheConnectionMidBody) {
  Fault f;
  f.kind = FaultKind::drop;
  mock.server().inject(f);
  httplib::Client fresh("127.0.0.1", mock.server().port());
  auto r = fresh.Get("/rest/v2/nothing", mock.auth());
  EXPECT_FALSE(r);  // the client sees a broken response, not a complete one
  EXPECT_EQ(mock.get("/rest/v2/nothing")->status, 404);  // the server goes on serving
}

TEST_F(CoreTest, FaultsOverHttpControlEndpoint) {
  auto add = mock.http().Post(
      "/__mock/faults", R"({"kind":"status","status":500,"count":1,"path_prefix":"/rest/v2/"})",
      "application/json");
  EXPECT_EQ(add->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 500);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);

  mock.http().Post("/__mock/faults", R"({"kind":"status","status":500,"count":5})",
                   "application/json");
  EXPECT_EQ(mock.http().Delete("/__mock/faults")->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);

  auto bad = mock.http().Post("/__mock/faults", R"({"kind":"explode"})", "application/json");
  EXPECT_EQ(bad->status, 400);
}

TEST_F(CoreTest, RateLimiterAnswers429WithRetryAfterOrCaspio400) {
  mock.server().set_rate_limit(2, std::chrono::seconds(60), 429);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  auto limited = mock.get("/rest/v2/tables");
  EXPECT_EQ(limited->status, 429);
  EXPECT_GE(std::stoi(limited->get_header_value("Retry-After")), 1);

  auto r = mock.http().Post("/__mock/settings",
                            R"({"rate_limit":{"calls":1,"window_seconds":60,"status":400}})",
                            "application/json");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  auto throttled = mock.get("/rest/v2/tables");
  EXPECT_EQ(throttled->status, 400);
  EXPECT_NE(throttled->body.find("api-calls-rate"), std::string::npos);

  mock.server().set_rate_limit(0, std::chrono::seconds(1), 429);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
}

TEST_F(CoreTest, ControlEndpointsAreNotJournaled) {
  mock.server().clear_journal();
  mock.http().Get("/__mock/health");
  mock.http().Get("/__mock/journal");
  EXPECT_TRUE(mock.server().journal().empty());
}

TEST_F(CoreTest, ServesRequestsConcurrently) {
  Fault f;
  f.kind = FaultKind::delay;
  f.delay = std::chrono::milliseconds(400);
  f.count = 4;
  mock.server().inject(f);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", mock.server().port());
      auto r = c.Get("/rest/v2/tables", mock.auth());
      if (r && r->status == 200) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(ok.load(), 4);
  EXPECT_LT(took, std::chrono::milliseconds(1200));  // 4 x 400 ms in parallel, not in series
}

}  // namespace

namespace {
TEST(CoreQuirks, StaleTokenQuirkAnswers400ForExpiredTokensOnly) {
  MockHttp mock(empty_options());
  mock.server().set_stale_token_400(true);
  mock.server().expire_tokens();
  auto stale = mock.get("/rest/v2/tables");
  EXPECT_EQ(stale->status, 400);
  EXPECT_EQ(json::parse(stale->body).at("Code"), "IncorrectQueryParameter");
  auto unknown = mock.http().Get("/rest/v2/tables", {{"Authorization", "Bearer never-issued"}});
  EXPECT_EQ(unknown->status, 401);
  mock.http().Post("/__mock/settings", R"({"stale_token_400":false})", "application/json");
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 401);
}
}  // namespace

namespace {
TEST(CoreFaults, QueryContainsTargetsOneLaterPage) {
  MockHttp mock(empty_options());
  Fault f;
  f.status = 500;
  f.query_contains = "q.pageNumber=2";
  mock.server().inject(f);
  EXPECT_EQ(mock.get("/rest/v2/tables?q.pageNumber=1")->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables?q.pageNumber=2")->status, 500);
  EXPECT_EQ(mock.get("/rest/v2/tables?q.pageNumber=2")->status, 200);
}
}  // namespace

namespace {
TEST(CoreFaults, SkipLetsMatchingRequestsThroughAndEachFaultCountsOnItsOwn) {
  MockHttp mock(empty_options());
  Fault third;
  third.status = 503;
  third.skip = 2;
  Fault fifth;
  fifth.status = 502;
  fifth.skip = 4;
  mock.server().inject(third);
  mock.server().inject(fifth);
  std::vector<int> statuses;
  for (int i = 0; i < 6; ++i) statuses.push_back(mock.get("/rest/v2/tables")->status);
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 503, 200, 502, 200}));
  // Over HTTP: a negative skip is refused.
  auto bad = mock.http().Post("/__mock/faults", R"({"kind":"drop","skip":-1})", "application/json");
  EXPECT_EQ(bad->status, 400);
  auto ok = mock.http().Post("/__mock/faults", R"({"status":500,"skip":1})", "application/json");
  EXPECT_EQ(ok->status / 100, 2);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 200);
  EXPECT_EQ(mock.get("/rest/v2/tables")->status, 500);
}
}  // namespace
