// Query::prefetch: pages fetched ahead keep rows in order and exactly once, hold at most N pages
// ahead of the caller, keep retry and token semantics, and stop cleanly on an early break.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "caspio/caspio.hpp"
#include "emulator.hpp"
#include "temp_dir.hpp"

using caspio::Query;
using nlohmann::json;

namespace {

constexpr const char* kTable = "Demo_Physicians";
constexpr const char* kRecords = "/rest/v2/tables/Demo_Physicians/records";

caspio::mock::ServerOptions rows(std::size_t n) {
  caspio::mock::ServerOptions o;
  o.rows = n;
  return o;
}

int page_of(const std::string& url) {
  const auto at = url.find("q.pageNumber=");
  return at == std::string::npos ? 0 : std::stoi(url.substr(at + 13));
}

// Forwards to libcurl and remembers the highest page number asked for so far.
class PageWatch final : public caspio::HttpTransport {
 public:
  caspio::HttpResponse send(const caspio::HttpRequest& request) override {
    const int page = page_of(request.url);
    int seen = highest.load();
    while (page > seen && !highest.compare_exchange_weak(seen, page)) {
    }
    return inner_->send(request);
  }
  std::atomic<int> highest{0};

 private:
  std::shared_ptr<caspio::HttpTransport> inner_ = caspio::make_curl_transport();
};

std::vector<json> pk_ids(const std::vector<caspio::Row>& all) {
  std::vector<json> ids;
  for (const auto& row : all) ids.push_back(row.at("PK_ID").to_json());
  return ids;
}

// Page requests per page number, answered 2xx.
std::map<int, int> served_pages(const caspio_test::Emulator& emu) {
  std::map<int, int> pages;
  for (const auto& entry : emu.requests(kRecords)) {
    if (entry.status / 100 == 2) ++pages[page_of(entry.target)];
  }
  return pages;
}

// `count` answers of `status` for page `page` of Demo_Physicians.
caspio::mock::Fault page_fault(int status, int page, int count) {
  caspio::mock::Fault f;
  f.kind = caspio::mock::FaultKind::status;
  f.status = status;
  f.count = count;
  f.path_prefix = kRecords;
  f.query_contains = "q.pageNumber=" + std::to_string(page) + "&";
  return f;
}

}  // namespace

TEST(Prefetch, RowsInOrderExactlyOnceAndEachPageServedOnce) {
  caspio_test::Emulator emu(rows(4500));  // 4515 rows: pages 1-4 full, page 5 short
  const auto client = emu.client();
  const auto expected = pk_ids(client.tables().get_records(kTable));
  ASSERT_EQ(expected.size(), 4515u);
  emu.server().clear_journal();

  std::vector<json> got;
  for (const auto& row : client.tables().records(kTable, Query{}.prefetch(3))) {
    got.push_back(row.at("PK_ID").to_json());
  }
  EXPECT_EQ(got, expected);
  const auto pages = served_pages(emu);
  for (int page = 1; page <= 5; ++page) EXPECT_EQ(pages.at(page), 1) << page;
  EXPECT_LE(pages.rbegin()->first, 5 + 3);  // never more than 3 past the end
}

TEST(Prefetch, NeverMoreThanNPagesAheadOfTheCaller) {
  caspio_test::Emulator emu(rows(6000));
  auto options = emu.options();
  const auto watch = std::make_shared<PageWatch>();
  options.transport = watch;
  const caspio::Client client(emu.credentials(), options);
  std::size_t index = 0;
  for (const auto& row : client.tables().records(kTable, Query{}.prefetch(2))) {
    const int current = static_cast<int>(index / 1000) + 1;
    ASSERT_LE(watch->highest.load(), current + 2) << "row " << index;
    ASSERT_FALSE(row.empty());
    if (index % 1000 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ++index;
  }
  EXPECT_EQ(index, 6015u);
}

TEST(Prefetch, RetriedPageAndRenewedTokenKeepRowsExactlyOnce) {
  caspio_test::Emulator emu(rows(3500));
  const auto client = emu.client();
  const auto expected = pk_ids(client.tables().get_records(kTable));
  emu.server().inject(page_fault(503, 3, 2));
  emu.server().clear_journal();

  std::vector<json> got;
  auto range = client.tables().records(kTable, Query{}.prefetch(4));
  for (auto it = range.begin(); it != range.end(); ++it) {
    if (got.size() == 1) emu.server().expire_tokens();  // later pages need a new token
    got.push_back(it->at("PK_ID").to_json());
  }
  EXPECT_EQ(got, expected);
  EXPECT_GE(emu.sleeps().size(), 2u);  // page 3 was retried through the retry stage
  const auto pages = served_pages(emu);
  for (int page = 1; page <= 4; ++page) EXPECT_EQ(pages.at(page), 1) << page;
}

TEST(Prefetch, AFailedPageSurfacesAfterTheRowsBeforeIt) {
  caspio_test::Emulator emu(rows(4500));
  const auto client = emu.client();
  emu.server().inject(page_fault(404, 3, 1));

  std::size_t seen = 0;
  auto range = client.tables().records(kTable, Query{}.prefetch(4));
  try {
    for (auto it = range.begin(); it != range.end(); ++it) ++seen;
    FAIL() << "no error";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_NE(e.info().url.find("q.pageNumber=3&"), std::string::npos);
  }
  EXPECT_EQ(seen, 2000u);  // pages 1 and 2, then the error in place of page 3
}

TEST(Prefetch, EarlyBreakStopsFetchingAndReturns) {
  caspio_test::Emulator emu(rows(9000));
  caspio::mock::Fault slow;
  slow.kind = caspio::mock::FaultKind::delay;
  slow.delay = std::chrono::milliseconds(100);
  slow.count = 100;
  slow.path_prefix = kRecords;
  emu.server().inject(slow);
  const auto client = emu.client();
  {
    auto range = client.tables().records(kTable, Query{}.prefetch(4));
    int n = 0;
    for (const auto& row : range) {
      ASSERT_FALSE(row.empty());
      if (++n == 10) break;
    }
  }  // the range and its threads are gone here
  const auto after = emu.requests(kRecords).size();
  EXPECT_LE(after, 1u + 4u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(emu.requests(kRecords).size(), after);  // nothing is fetched after destruction
}

TEST(Prefetch, GetRecordsAndStreamToFileGiveTheSameResult) {
  caspio_test::Emulator emu(rows(2600));
  const auto client = emu.client();
  EXPECT_EQ(pk_ids(client.tables().get_records(kTable, Query{}.prefetch(3))),
            pk_ids(client.tables().get_records(kTable)));
  caspio_test::ScratchDir dir;
  for (const auto format : {caspio::StreamFormat::json_array, caspio::StreamFormat::ndjson,
                            caspio::StreamFormat::csv}) {
    const auto one = dir.file("one"), ahead = dir.file("ahead");
    EXPECT_EQ(client.tables().get_records_stream_to_file(kTable, {}, one, format), 2615u);
    EXPECT_EQ(
        client.tables().get_records_stream_to_file(kTable, Query{}.prefetch(3), ahead, format),
        2615u);
    EXPECT_EQ(caspio_test::slurp(one), caspio_test::slurp(ahead));
  }
}

TEST(Prefetch, OutOfRangeIsRefused) {
  EXPECT_THROW(Query{}.prefetch(-1), caspio::InvalidArgumentError);
  EXPECT_THROW(Query{}.prefetch(17), caspio::InvalidArgumentError);
  EXPECT_EQ(Query{}.prefetch(16).prefetch(), 16);
}
