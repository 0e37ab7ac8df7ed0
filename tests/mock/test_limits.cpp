// The emulator's limits, as a user's test suite meets them: heavy or allocating queries, large or
// deeply nested bodies, idle connections, over-long URIs and headers, the control API's input, and
// the journal's treatment of credentials.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "mock_http.hpp"
#include "peak_rss.hpp"

using caspio::mock::ServerOptions;
using caspio_test::enc;
using caspio_test::MockHttp;
using caspio_test::peak_rss;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A TCP connection to the emulator, for requests httplib's client will not send.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  /// Sends `text` whole; false when the connection is gone.
  bool send_text(const std::string& text) {
    std::size_t sent = 0;
    while (sent < text.size()) {
      auto n = ::send(fd_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  /// Sends one byte; false when the connection is gone.
  bool send_byte(char c) { return ::send(fd_, &c, 1, MSG_NOSIGNAL) == 1; }
  /// True when the peer closed (or answered) within `wait`.
  bool closed_within(std::chrono::milliseconds wait) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) > 0;
  }

  /// Sends `request` and reads until the peer closes or `timeout` passes.
  std::string exchange(const std::string& request, std::chrono::milliseconds timeout) {
    timeval tv{static_cast<time_t>(timeout.count() / 1000),
               static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::size_t sent = 0;
    while (sent < request.size()) {
      auto n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    std::string answer;
    char buffer[4096];
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(n));
      if (complete(answer)) break;
    }
    return answer;
  }

 private:
  // True once the head and a Content-Length body have arrived.
  static bool complete(const std::string& answer) {
    auto head_end = answer.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    auto cl = answer.find("Content-Length: ");
    if (cl == std::string::npos || cl > head_end) return true;
    auto length = std::stoul(answer.substr(cl + 16));
    return answer.size() >= head_end + 4 + length;
  }

  int fd_;
  bool connected_ = false;
};

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(answer.substr(9, 3));
}

json body_of(const std::string& answer) {
  auto head_end = answer.find("\r\n\r\n");
  if (head_end == std::string::npos) return nullptr;
  return json::parse(answer.substr(head_end + 4), nullptr, false);
}

/// Caspio's error body: Code, Message, Resource, RequestId.
void expect_caspio_error(const json& body, const std::string& code) {
  ASSERT_TRUE(body.is_object()) << body.dump();
  EXPECT_EQ(body.value("Code", ""), code) << body.dump();
  EXPECT_FALSE(body.value("Message", "").empty()) << body.dump();
  EXPECT_TRUE(body.contains("Resource")) << body.dump();
  EXPECT_EQ(body.value("RequestId", "").size(), 36u) << body.dump();
}

ServerOptions rows_options(std::size_t rows) {
  ServerOptions o;
  o.rows = rows;
  return o;
}

const std::string kPhysicians = "/rest/v2/tables/Demo_Physicians/records";

// A 4-way self-join of 3,000 rows: 8e13 combinations, far beyond any time limit.
const std::string kHeavyWhere =
    "(SELECT COUNT(*) FROM Demo_Physicians a, Demo_Physicians b, Demo_Physicians c, "
    "Demo_Physicians d WHERE a.PK_ID + b.PK_ID + c.PK_ID + d.PK_ID < 0) = 0";

}  // namespace

// ---- 10: heavy and allocating queries ------------------------------------------------------

TEST(Limits, AHeavyWhereIsStoppedInBoundedTimeAndOtherTablesAreServedMeanwhile) {
  ServerOptions options = rows_options(3000);
  options.query_timeout = std::chrono::milliseconds(1500);
  MockHttp mock(options);
  const int port = mock.server().port();
  const auto auth = mock.auth();
  auto heavy = std::async(std::launch::async, [&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(20, 0);
    const auto start = Clock::now();
    auto r = client.Get(kPhysicians + "?q.where=" + enc(kHeavyWhere), auth);
    return std::make_pair(r ? r->status : 0,
                          std::make_pair(r ? r->body : "", seconds_since(start)));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the heavy query is running

  httplib::Client other("127.0.0.1", port);
  other.set_read_timeout(3, 0);
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    auto r = other.Get("/rest/v2/tables/Demo_Users/records?q.limit=5", auth);
    ASSERT_TRUE(r) << "a read of another table waited for the heavy query";
    EXPECT_EQ(r->status, 200);
    EXPECT_LT(seconds_since(start), 1.0);
  }
  auto [status, answer] = heavy.get();
  EXPECT_EQ(status, 500) << answer.first;
  expect_caspio_error(json::parse(answer.first, nullptr, false), "SqlServerError");
  EXPECT_GE(answer.second, 1.4) << "stopped before its time limit";
  EXPECT_LT(answer.second, 4.0) << "the heavy query ran for " << answer.second << " s";
  // The table is usable again at once.
  EXPECT_EQ(mock.get(kPhysicians + "?q.limit=1")->status, 200);
}

TEST(Limits, FunctionsThatAllocateWithoutBoundAreRefused) {
  MockHttp mock;
  for (const std::string select :
       {"zeroblob(50000000)", "length(zeroblob(50000000))", "randomblob(50000000)",
        "printf('%.*c', 50000000, 'x')",
        "length(replace(replace(replace(hex(zeroblob(20000)), '0', '0000000000'), '0', "
        "'0000000000'), '0', '0000000000'))"}) {
    SCOPED_TRACE(select);
    const auto start = Clock::now();
    auto r = mock.get(kPhysicians + "?q.limit=1&q.select=" + enc(select));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body.substr(0, 200);
    expect_caspio_error(json::parse(r->body, nullptr, false), "SqlServerError");
    EXPECT_LT(seconds_since(start), 2.0);
  }
  // Ordinary string functions still work.
  auto r = mock.get(kPhysicians +
                    "?q.limit=1&q.select=" + enc("length(replace(hex('abcd'), '6', '66')) AS n"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(MockHttp::json(r)["Result"][0]["n"], 12);
}

// ---- 11: body size and nesting -------------------------------------------------------------

TEST(Limits, ABodyOverTheSizeLimitIs413WithCaspiosErrorBody) {
  MockHttp mock;
  RawConnection conn(mock.server().port());
  ASSERT_TRUE(conn.connected());
  // The head announces 200 MB; the emulator answers without waiting for the bytes.
  const std::string answer = conn.exchange(
      "POST /rest/v2/tables/Demo_Users/records HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Authorization: Bearer " +
          mock.token() +
          "\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\n\r\n[[[[",
      std::chrono::milliseconds(3000));
  EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 300);
  expect_caspio_error(body_of(answer), "RequestEntityTooLarge");
}

TEST(Limits, DeeplyNestedJsonIs400WithoutAMemoryPeak) {
  MockHttp mock;
  const std::string nested = "{\"Name\":" + std::string(200, '[') + std::string(200, ']') + "}";
  auto r = mock.http().Post("/rest/v2/tables/Demo_Users/records", mock.auth(), nested,
                            "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  const json body = json::parse(r->body, nullptr, false);
  expect_caspio_error(body, "IncorrectBodyParameter");
  EXPECT_NE(body.value("Message", "").find("nest"), std::string::npos) << r->body;

  const std::uint64_t before = peak_rss();
  r = mock.http().Post("/rest/v2/tables/Demo_Users/records", mock.auth(),
                       std::string(8 * 1024 * 1024, '['), "application/json");
  const std::uint64_t after = peak_rss();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_LT(after - before, 160u * 1024 * 1024)
      << "peak RSS grew by " << (after - before) / (1024 * 1024) << " MiB for an 8 MiB body";
}

// ---- 12: idle connections ------------------------------------------------------------------

namespace {

// One GET on a new connection while `count` other connections are open and idle (they never send
// a request): whether it was answered, its status and how long it took.
struct IdleProbe {
  bool answered = false;
  int status = 0;
  double seconds = 0;
};
IdleProbe get_beside_idle(MockHttp& mock, int count, std::chrono::milliseconds settle,
                          time_t read_timeout_seconds) {
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < count; ++i) {
    idle.push_back(std::make_unique<RawConnection>(mock.server().port()));
    EXPECT_TRUE(idle.back()->connected()) << "connection " << i;
  }
  std::this_thread::sleep_for(settle);
  httplib::Client client("127.0.0.1", mock.server().port());
  client.set_read_timeout(read_timeout_seconds, 0);
  const auto start = Clock::now();
  auto r = client.Get("/rest/v2/tables", mock.auth());
  IdleProbe probe;
  probe.seconds = seconds_since(start);
  probe.answered = static_cast<bool>(r);
  probe.status = r ? r->status : 0;
  return probe;
}

}  // namespace

TEST(Limits, IdleOpenConnectionsDoNotStarveANewRequest) {
  MockHttp mock;
  const auto probe = get_beside_idle(mock, 16, std::chrono::milliseconds(100), 3);
  ASSERT_TRUE(probe.answered) << "no answer while 16 idle connections are open";
  EXPECT_EQ(probe.status, 200);
  EXPECT_LT(probe.seconds, 1.0);
}

// More open connections than the old fixed pool of 32 workers had: a worker is added for each.
TEST(Limits, TwoHundredIdleConnectionsDoNotStarveANewRequest) {
  MockHttp mock;
  const auto probe = get_beside_idle(mock, 200, std::chrono::milliseconds(200), 4);
  ASSERT_TRUE(probe.answered) << "no answer while 200 idle connections are open";
  EXPECT_EQ(probe.status, 200);
  EXPECT_LT(probe.seconds, 1.0);
}

// 96 requests in flight at once, each held 1 s by the server, are served together, not in waves
// of however many workers a fixed pool has (three waves, 3 s, with the old 32).
TEST(Limits, NinetySixSlowRequestsInFlightAreServedTogether) {
  MockHttp mock;
  caspio::mock::Fault slow;
  slow.kind = caspio::mock::FaultKind::delay;
  slow.path_prefix = "/rest/v2/tables";
  slow.delay = std::chrono::milliseconds(1000);
  slow.count = 96;
  mock.server().inject(slow);
  const auto start = Clock::now();
  std::vector<std::future<int>> calls;
  for (int i = 0; i < 96; ++i) {
    calls.push_back(std::async(std::launch::async, [&mock] {
      httplib::Client client("127.0.0.1", mock.server().port());
      client.set_read_timeout(10, 0);
      auto r = client.Get("/rest/v2/tables", mock.auth());
      return r ? r->status : -1;
    }));
  }
  for (auto& call : calls) EXPECT_EQ(call.get(), 200);
  EXPECT_LT(seconds_since(start), 2.5) << "the slow requests waited for one another";
}

// A fixed pool (--threads N) serves at most N connections at once; the N+1st waits.
TEST(Limits, AFixedPoolServesAtMostItsThreadsAtOnce) {
  caspio::mock::ServerOptions options;
  options.threads = 2;
  MockHttp mock(options);
  const auto probe = get_beside_idle(mock, 2, std::chrono::milliseconds(200), 10);
  ASSERT_TRUE(probe.answered);
  EXPECT_EQ(probe.status, 200);
  // Served only once an idle connection's 5 s keep-alive ran out.
  EXPECT_GT(probe.seconds, 3.0);
}

// ---- 13: error bodies everywhere, control API input, journal redaction ---------------------

TEST(Limits, OverLongUrisAndHeadersGetCaspioErrorBodies) {
  MockHttp mock;
  {
    RawConnection conn(mock.server().port());
    const std::string answer = conn.exchange(
        "GET /rest/v2/tables/" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
        std::chrono::milliseconds(3000));
    EXPECT_EQ(status_of(answer), 414) << answer.substr(0, 300);
    expect_caspio_error(body_of(answer), "RequestUriTooLong");
    EXPECT_NE(answer.find("X-Caspio-Request-ID: "), std::string::npos);
  }
  {
    RawConnection conn(mock.server().port());
    const std::string answer = conn.exchange(
        "GET /rest/v2/tables HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') + "\r\n\r\n",
        std::chrono::milliseconds(3000));
    EXPECT_EQ(status_of(answer), 400) << answer.substr(0, 300);
    expect_caspio_error(body_of(answer), "IncorrectRequest");
  }
  // The emulator's own 2047-character limit answers the same way.
  auto r = mock.get("/rest/v2/tables/Demo_Users/records?q.where=" + std::string(2100, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
  expect_caspio_error(json::parse(r->body, nullptr, false), "RequestUriTooLong");
}

TEST(Limits, ControlSettingsRefuseBodiesThatAreNotObjects) {
  MockHttp mock;
  httplib::Client control("127.0.0.1", mock.server().port());
  for (const char* body : {"[1]", "1", "\"x\"", "null", "{\"unstable_order\":\"yes\"}"}) {
    auto r = control.Post("/__mock/settings", body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << body << " → " << r->body;
  }
  auto r = control.Post("/__mock/settings", "{\"unstable_order\":true}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(Limits, TheJournalRedactsCredentialsByDefault) {
  MockHttp mock;
  const auto& id = mock.server().client_id();
  const auto& secret = mock.server().client_secret();
  auto t = mock.http().Post(
      "/oauth/token", "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret,
      "application/x-www-form-urlencoded");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->status, 200);
  const std::string refresh = json::parse(t->body).at("refresh_token");
  auto r = mock.http().Post("/oauth/token", {{"Authorization", "Basic c2VjcmV0OnNlY3JldA=="}},
                            "grant_type=refresh_token&refresh_token=" + refresh,
                            "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  ASSERT_TRUE(mock.get("/rest/v2/tables"));

  const auto entries = mock.server().journal();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].body,
            "grant_type=client_credentials&client_id=" + id + "&client_secret=(redacted)");
  EXPECT_EQ(entries[0].param("client_secret"), std::optional<std::string>("(redacted)"));
  EXPECT_EQ(entries[1].header("authorization"), "Basic (redacted)");
  EXPECT_EQ(entries[1].body, "grant_type=refresh_token&refresh_token=(redacted)");
  EXPECT_EQ(entries[2].header("authorization"), "Bearer (redacted)");

  auto listed = httplib::Client("127.0.0.1", mock.server().port()).Get("/__mock/journal");
  ASSERT_TRUE(listed);
  for (const std::string& credential : {secret, refresh, mock.token(), std::string("c2VjcmV0")}) {
    EXPECT_EQ(listed->body.find(credential), std::string::npos) << credential;
  }
}

TEST(Limits, TheJournalKeepsCredentialsWhenAskedTo) {
  ServerOptions options;
  options.journal_credentials = true;
  MockHttp mock(options);
  ASSERT_TRUE(mock.get("/rest/v2/tables"));
  ASSERT_EQ(mock.server().journal().size(), 1u);
  EXPECT_EQ(mock.server().journal()[0].header("authorization"), "Bearer " + mock.token());
}

// Issue 16 item 5: the journal is bounded in entries and bytes (the oldest go first), and keeps
// no body of a refused (unauthenticated) request: anyone can send one.
TEST(Limits, TheJournalIsBoundedAndKeepsNoBodyOfARefusedRequest) {
  ServerOptions options;
  options.journal_max_entries = 5;
  options.journal_max_bytes = 64 * 1024;
  MockHttp mock(options);
  // Refused: no token. Its 1 MB body is not kept.
  httplib::Client anonymous("127.0.0.1", mock.server().port());
  auto refused = anonymous.Post("/rest/v2/tables/Demo_Users/records", std::string(1 << 20, 'x'),
                                "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  auto entries = mock.server().journal();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].status, 401);
  EXPECT_TRUE(entries[0].body.empty()) << entries[0].body.size() << " bytes kept";

  // Count: past 5 entries the oldest are dropped.
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(mock.get("/rest/v2/tables?n=" + std::to_string(i)));
  entries = mock.server().journal();
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries.front().target, "/rest/v2/tables?n=3");
  EXPECT_EQ(entries.back().target, "/rest/v2/tables?n=7");

  // Bytes: three 30 KB bodies do not fit in 64 KB together; one over 64 KB alone loses its body.
  mock.server().clear_journal();
  const json row = {{"Name", std::string(30 * 1024, 'n')}};
  for (int i = 0; i < 3; ++i) mock.post_json("/rest/v2/tables/No_Such_Table/records", row);
  entries = mock.server().journal();
  ASSERT_EQ(entries.size(), 2u);
  std::size_t kept = 0;
  for (const auto& e : entries) kept += e.body.size();
  EXPECT_LE(kept, options.journal_max_bytes);
  mock.post_json("/rest/v2/tables/No_Such_Table/records", {{"Name", std::string(100000, 'n')}});
  entries = mock.server().journal();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().method, "POST");
  EXPECT_TRUE(entries.back().body.empty());
}

// Issue 16 item 6: a client trickling its headers (a byte every 100 ms, each well within the read
// timeout) is cut at the head's deadline, not kept (and its worker held) for ever.
TEST(Limits, AHeadTrickledSlowerThanTheHeaderTimeoutIsCut) {
  ServerOptions options;
  options.header_timeout = std::chrono::milliseconds(500);
  MockHttp mock(options);
  RawConnection conn(mock.server().port());
  ASSERT_TRUE(conn.connected());
  const std::string head =
      "GET /rest/v2/tables HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a') + "\r\n\r\n";
  const auto start = Clock::now();
  bool cut = false;
  for (std::size_t i = 0; i < head.size() && seconds_since(start) < 5.0; ++i) {
    // One byte, then a look for the server's close (or its error answer).
    if (!conn.send_byte(head[i]) || conn.closed_within(std::chrono::milliseconds(100))) {
      cut = true;
      break;
    }
  }
  EXPECT_TRUE(cut) << "the trickled head was read for " << seconds_since(start) << " s";
  EXPECT_LT(seconds_since(start), 2.0);
  // The emulator still serves everyone else.
  auto r = mock.get("/rest/v2/tables");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

// Issue 16 item 6: past max_connections (1024 by default) connections that hold a worker, a new
// client is answered 503 at once instead of waiting until it times out.
TEST(Limits, ConnectionsBeyondTheMaximumAre503AtOnce) {
  ServerOptions options;
  options.max_connections = 4;
  options.header_timeout = std::chrono::milliseconds(10'000);
  MockHttp mock(options);
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(std::make_unique<RawConnection>(mock.server().port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send_text("GET /rest/v2/tables HTTP/1.1\r\nHost: x\r\n"));  // no end
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // each holds a worker
  RawConnection extra(mock.server().port());
  ASSERT_TRUE(extra.connected());
  const auto start = Clock::now();
  const std::string answer = extra.exchange("GET /rest/v2/tables HTTP/1.1\r\nHost: x\r\n\r\n",
                                            std::chrono::milliseconds(3000));
  EXPECT_LT(seconds_since(start), 1.0);
  EXPECT_EQ(status_of(answer), 503) << answer.substr(0, 300);
  expect_caspio_error(body_of(answer), "ServiceUnavailable");
  // Once the slow ones are gone, new clients are served again.
  slow.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto r = mock.get("/rest/v2/tables");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}
