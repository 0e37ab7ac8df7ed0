// RecordRange: lazy pages, stop on a short page, one extra request only after a full last page.
#include <gtest/gtest.h>

#include <vector>

#include "caspio/caspio.hpp"

namespace {

// A loader over `total` rows in pages of `page_size`, counting calls.
caspio::RecordRange::PageLoader rows_loader(int total, int page_size, std::vector<int>& calls) {
  return [total, page_size, &calls](int page) {
    calls.push_back(page);
    std::vector<caspio::Row> rows;
    for (int i = (page - 1) * page_size; i < total && i < page * page_size; ++i) {
      rows.push_back(caspio::Row::from_json(nlohmann::json{{"PK_ID", i + 1}}));
    }
    return rows;
  };
}

}  // namespace

TEST(RecordRange, RequestCountsAcrossPageBoundaries) {
  struct Case {
    int total;
    int expected_requests;
  };
  for (const Case c :
       {Case{0, 1}, Case{1, 1}, Case{999, 1}, Case{1000, 2}, Case{1001, 2}, Case{2500, 3}}) {
    std::vector<int> calls;
    caspio::RecordRange range(rows_loader(c.total, 1000, calls), 1000);
    int seen = 0;
    long long sum = 0;
    for (const auto& row : range) {
      ++seen;
      sum += row["PK_ID"].get<int>();
    }
    EXPECT_EQ(seen, c.total) << c.total;
    EXPECT_EQ(sum, static_cast<long long>(c.total) * (c.total + 1) / 2) << c.total;
    EXPECT_EQ(static_cast<int>(calls.size()), c.expected_requests) << c.total;
    for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], static_cast<int>(i) + 1);
    EXPECT_EQ(range.pages_fetched(), c.expected_requests);
  }
}

TEST(RecordRange, NothingFetchedBeforeBeginAndOnePageHeld) {
  std::vector<int> calls;
  caspio::RecordRange range(rows_loader(25, 10, calls), 10);
  EXPECT_TRUE(calls.empty());
  auto it = range.begin();
  EXPECT_EQ(calls.size(), 1u);
  for (int i = 0; i < 9; ++i) ++it;
  EXPECT_EQ(calls.size(), 1u);  // still inside page 1
  ++it;
  EXPECT_EQ(calls.size(), 2u);  // page 2 fetched only when page 1 is used up
  EXPECT_EQ((*it)["PK_ID"], 11);
}

TEST(RecordRange, PostfixIncrementYieldsThePreviousRecord) {
  std::vector<int> calls;
  caspio::RecordRange range(rows_loader(3, 10, calls), 10);
  auto it = range.begin();
  EXPECT_EQ((*it++)["PK_ID"], 1);
  EXPECT_EQ((*it)["PK_ID"], 2);
  EXPECT_EQ(it->at("PK_ID"), 2);
}

TEST(RecordRange, SinglePageModeNeverAsksForMore) {
  int calls = 0;
  caspio::RecordRange range(
      [&calls](int) {
        ++calls;
        return std::vector<caspio::Row>(1000, caspio::Row::from_json(nlohmann::json{{"A", 1}}));
      },
      0);
  int n = 0;
  for (const auto& row : range) n += row.empty() ? 0 : 1;
  EXPECT_EQ(n, 1000);
  EXPECT_EQ(calls, 1);
}

TEST(RecordRange, LoaderErrorsSurfaceFromIncrement) {
  caspio::RecordRange range(
      [](int page) -> std::vector<caspio::Row> {
        if (page == 2) {
          caspio::ErrorInfo info;
          info.message = "boom";
          throw caspio::TransportError(info);
        }
        return std::vector<caspio::Row>(5, caspio::Row::from_json(nlohmann::json{{"A", 1}}));
      },
      5);
  auto it = range.begin();
  for (int i = 0; i < 4; ++i) ++it;
  EXPECT_THROW(++it, caspio::TransportError);
}
