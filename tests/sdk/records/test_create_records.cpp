// create_records: outcomes in input order, every row created exactly once under throttles and
// faults, at most N POSTs in flight, POST resent only when it never left.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "caspio/caspio.hpp"
#include "emulator.hpp"

using nlohmann::json;

namespace {

constexpr const char* kTable = "Demo_Physicians";
constexpr const char* kRecords = "/rest/v2/tables/Demo_Physicians/records";

std::vector<json> new_rows(const std::string& tag, int n) {
  std::vector<json> rows;
  for (int i = 0; i < n; ++i) {
    rows.push_back({{"First_Name", "Batch"},
                    {"Last_Name", tag + std::to_string(i)},
                    {"Email", tag + std::to_string(i) + "@example.com"}});
  }
  return rows;
}

// Rows of the table whose Email starts with `tag`, counted per Email.
std::map<std::string, int> stored(const caspio::Client& client, const std::string& tag) {
  std::map<std::string, int> count;
  for (const auto& row :
       client.tables().get_records(kTable, caspio::Query{}.where("Email LIKE {}", tag + "%"))) {
    ++count[row.at("Email").get<std::string>()];
  }
  return count;
}

// POSTs the emulator answered, per Email of the body, by status class.
std::map<std::string, int> posts(const caspio_test::Emulator& emu, int status_class) {
  std::map<std::string, int> count;
  for (const auto& entry : emu.requests(kRecords)) {
    if (entry.method != "POST" || entry.status / 100 != status_class) continue;
    ++count[json::parse(entry.body).at("Email").get<std::string>()];
  }
  return count;
}

// Forwards to libcurl; counts sends at once; the first `refuse` sends fail as "never sent".
class Gate final : public caspio::HttpTransport {
 public:
  explicit Gate(int refuse = 0) : refuse_(refuse) {}
  caspio::HttpResponse send(const caspio::HttpRequest& request) override {
    if (request.method == caspio::HttpMethod::post && refused_++ < refuse_) {
      caspio::ErrorInfo info;
      info.message = "curl error 7: Couldn't connect to server";
      throw caspio::TransportError(std::move(info));
    }
    const int now = ++active_;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    try {
      auto response = inner_->send(request);
      --active_;
      return response;
    } catch (...) {
      --active_;
      throw;
    }
  }
  std::atomic<int> most{0};

 private:
  std::shared_ptr<caspio::HttpTransport> inner_ = caspio::make_curl_transport();
  int refuse_;
  std::atomic<int> refused_{0};
  std::atomic<int> active_{0};
};

caspio::mock::Fault fault(caspio::mock::FaultKind kind, int count) {
  caspio::mock::Fault f;
  f.kind = kind;
  f.method = "POST";
  f.path_prefix = kRecords;
  f.count = count;
  return f;
}

// Every POST held `delay` by the emulator, for the first `count` of them.
caspio::mock::Fault slow_posts(int count, std::chrono::milliseconds delay) {
  auto f = fault(caspio::mock::FaultKind::delay, count);
  f.delay = delay;
  return f;
}

// A client of the emulator that sends through `transport`.
caspio::Client client_through(caspio_test::Emulator& emu,
                              std::shared_ptr<caspio::HttpTransport> transport) {
  auto options = emu.options();
  options.transport = std::move(transport);
  return caspio::Client(emu.credentials(), options);
}

}  // namespace

TEST(CreateRecords, ThrottlesSlowTheBatchAndEveryRowIsCreatedOnceInOrder) {
  caspio_test::Emulator emu;
  emu.server().inject(fault(caspio::mock::FaultKind::rate_limit_400, 3));
  auto too_many = fault(caspio::mock::FaultKind::status, 2);
  too_many.status = 429;
  too_many.retry_after = 0;
  emu.server().inject(too_many);
  const auto client = emu.client();
  const auto rows = new_rows("order-", 40);
  caspio::CreateRecordsOptions options;
  options.in_flight = 8;
  options.return_rows = caspio::ReturnRows::yes;

  const auto outcomes = client.tables().create_records(kTable, rows, options);
  ASSERT_EQ(outcomes.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_TRUE(outcomes[i].ok()) << i;
    EXPECT_EQ(outcomes[i].result.status, 201);
    ASSERT_EQ(outcomes[i].result.rows.size(), 1u);
    EXPECT_EQ(outcomes[i].result.rows[0].at("Email"), rows[i].at("Email")) << i;
  }
  const auto created = posts(emu, 2);
  EXPECT_EQ(created.size(), rows.size());
  for (const auto& [email, n] : created) EXPECT_EQ(n, 1) << email;
  EXPECT_EQ(emu.requests(kRecords).size(), rows.size() + 5);  // 5 throttled, sent again
  for (const auto& [email, n] : stored(client, "order-")) EXPECT_EQ(n, 1) << email;
  EXPECT_EQ(stored(client, "order-").size(), rows.size());
}

TEST(CreateRecords, AtMostNInFlight) {
  caspio_test::Emulator emu;
  emu.server().inject(slow_posts(1000, std::chrono::milliseconds(20)));
  const auto gate = std::make_shared<Gate>();
  const auto client = client_through(emu, gate);
  caspio::CreateRecordsOptions batch;
  batch.in_flight = 4;
  const auto outcomes = client.tables().create_records(kTable, new_rows("bound-", 24), batch);
  EXPECT_TRUE(std::all_of(outcomes.begin(), outcomes.end(), [](auto& o) { return o.ok(); }));
  EXPECT_LE(gate->most.load(), 4);
  EXPECT_GE(gate->most.load(), 2);  // they do overlap
}

// The most the SDK allows in flight, each POST held 1.5 s by the server: served together (the
// emulator adds a worker per connection and listens with a deep backlog), every row once. With
// the emulator's old fixed 32 workers and cpp-httplib's backlog of 5 this took several seconds,
// and beyond 32 connections a POST could wait 30 s for the stall limit.
TEST(CreateRecords, SixtyFourInFlightAreServedTogether) {
  caspio_test::Emulator emu;
  emu.server().inject(slow_posts(64, std::chrono::milliseconds(1500)));
  const auto gate = std::make_shared<Gate>();
  const auto client = client_through(emu, gate);
  client.tables().listing();  // the token first, so the clock measures only the POSTs
  caspio::CreateRecordsOptions batch;
  batch.in_flight = 64;
  const auto rows = new_rows("wide-", 64);
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = client.tables().create_records(kTable, rows, batch);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t i = 0; i < outcomes.size(); ++i) EXPECT_TRUE(outcomes[i].ok()) << i;
  // Two waves (a pool of 32) would take 3 s; slack for sanitizer builds on two cores.
  EXPECT_LT(took, 2.9) << "64 POSTs of 1.5 s each did not run together";
  EXPECT_GE(gate->most.load(), 48);
  EXPECT_EQ(posts(emu, 2).size(), rows.size());
  EXPECT_EQ(stored(client, "wide-").size(), rows.size());
}

TEST(CreateRecords, AConnectionLostAfterSendingIsThatRowsErrorNeverResent) {
  caspio_test::Emulator emu;
  emu.server().inject(fault(caspio::mock::FaultKind::drop, 1));
  const auto client = emu.client();
  const auto rows = new_rows("drop-", 12);
  caspio::CreateRecordsOptions options;
  options.in_flight = 3;
  options.return_rows = caspio::ReturnRows::yes;  // a body to cut
  const auto outcomes = client.tables().create_records(kTable, rows, options);
  std::vector<std::size_t> failed;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i].ok()) failed.push_back(i);
  }
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_THROW(std::rethrow_exception(outcomes[failed[0]].error), caspio::TransportError);
  // The emulator ran that POST once; the SDK did not send it again, so the row exists once.
  const auto email = rows[failed[0]].at("Email").get<std::string>();
  EXPECT_EQ(posts(emu, 2).at(email), 1);
  EXPECT_EQ(emu.requests(kRecords).size(), rows.size());
  const auto kept = stored(client, "drop-");
  EXPECT_EQ(kept.size(), rows.size());
  for (const auto& [e, n] : kept) EXPECT_EQ(n, 1) << e;
}

TEST(CreateRecords, APostThatNeverLeftIsSentAgain) {
  caspio_test::Emulator emu;
  const auto client = client_through(emu, std::make_shared<Gate>(/*refuse=*/2));
  const auto rows = new_rows("refused-", 6);
  const auto outcomes = client.tables().create_records(kTable, rows, {});
  for (const auto& outcome : outcomes) EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(emu.requests(kRecords).size(), rows.size());  // the refused two never arrived
  EXPECT_EQ(stored(client, "refused-").size(), rows.size());
}

TEST(CreateRecords, EachRowsOwnTypedErrorInPlace) {
  caspio_test::Emulator emu;
  const auto client = emu.client();
  auto rows = new_rows("typed-", 5);
  rows[1] = rows[0];           // duplicate unique Email: Caspio refuses it
  rows[3] = json::array({1});  // not an object: refused before sending
  const auto outcomes = client.views().create_records("Demo_Physicians_Active", rows, {});
  ASSERT_EQ(outcomes.size(), 5u);
  EXPECT_TRUE(outcomes[0].ok() != outcomes[1].ok());  // whichever came second failed
  const auto& dup = outcomes[0].ok() ? outcomes[1] : outcomes[0];
  EXPECT_THROW(std::rethrow_exception(dup.error), caspio::ApiError);
  EXPECT_THROW(std::rethrow_exception(outcomes[3].error), caspio::InvalidArgumentError);
  EXPECT_TRUE(outcomes[2].ok());
  EXPECT_TRUE(outcomes[4].ok());
  EXPECT_THROW(client.tables().create_records("", rows, {}), caspio::InvalidArgumentError);
}
