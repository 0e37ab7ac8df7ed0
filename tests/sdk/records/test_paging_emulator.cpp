// Fetch-all paging against the emulator: exact row counts across page boundaries, request counts
// from the journal, no q.limit with paging, a stable order even when the server shuffles.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "emulator.hpp"

using caspio::Query;
using caspio_test::Emulator;

namespace {

constexpr int kRows = 2500;

// One emulator (empty fixture) with a table Numbers holding N = 1..2500, shared by the tests.
class PagingEmulator : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    emu_ = new Emulator(caspio_test::empty_fixture());
    const auto client = emu_->client();
    client.tables().create("Numbers", {caspio::FieldDefinition("N", "INTEGER"),
                                       caspio::FieldDefinition("Label", "STRING")});
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([client, t] {
        for (int n = 1 + t; n <= kRows; n += 4) {
          client.tables().create_record("Numbers",
                                        {{"N", n}, {"Label", "row " + std::to_string(n)}});
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  static void TearDownTestSuite() {
    delete emu_;
    emu_ = nullptr;
  }
  void SetUp() override {
    emu_->server().set_unstable_order(true);  // a client without an explicit order would fail
    emu_->server().clear_journal();
  }

  static Emulator* emu_;
};

Emulator* PagingEmulator::emu_ = nullptr;

}  // namespace

TEST_F(PagingEmulator, ExactRowsAndRequestCountsAcrossPageBoundaries) {
  const auto tables = emu_->client().tables();
  struct Case {
    int rows;
    std::size_t requests;
  };
  for (const Case c :
       {Case{0, 1}, Case{1, 1}, Case{999, 1}, Case{1000, 2}, Case{1001, 2}, Case{2500, 3}}) {
    emu_->server().clear_journal();
    const auto rows = tables.get_records("Numbers", Query{}.where("N <= {}", c.rows));
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(c.rows)) << c.rows;
    std::set<int> seen;
    for (const auto& row : rows) seen.insert(row["N"].get<int>());
    EXPECT_EQ(seen.size(), rows.size()) << "duplicated rows for " << c.rows;
    if (c.rows > 0) {
      EXPECT_EQ(*seen.begin(), 1);
      EXPECT_EQ(*seen.rbegin(), c.rows);
    }
    const auto sent = emu_->requests();
    ASSERT_EQ(sent.size(), c.requests) << c.rows;
    for (std::size_t i = 0; i < sent.size(); ++i) {
      EXPECT_EQ(sent[i].param("q.pageNumber"), std::to_string(i + 1));
      EXPECT_EQ(sent[i].param("q.pageSize"), "1000");
      EXPECT_EQ(sent[i].param("q.orderBy"), "PK_ID");
      EXPECT_FALSE(sent[i].param("q.limit").has_value());
      EXPECT_EQ(sent[i].status, 200);
    }
  }
}

TEST_F(PagingEmulator, UserOrderIsKeptAndSmallerPagesWork) {
  const auto tables = emu_->client().tables();
  const auto rows =
      tables.get_records("Numbers", Query{}.where("N <= {}", 23).order_by("N DESC").page_size(5));
  ASSERT_EQ(rows.size(), 23u);
  EXPECT_EQ(rows.front()["N"], 23);
  EXPECT_EQ(rows.back()["N"], 1);
  const auto sent = emu_->requests();
  ASSERT_EQ(sent.size(), 5u);  // 5+5+5+5+3
  EXPECT_EQ(sent[0].param("q.orderBy"), "N DESC");
  EXPECT_EQ(sent[4].param("q.pageNumber"), "5");
}

TEST_F(PagingEmulator, LazyRangeHoldsOnePageAndFetchesOnDemand) {
  auto range = emu_->client().tables().records("Numbers", Query{}.order_by("N"));
  EXPECT_TRUE(emu_->requests().empty());
  auto it = range.begin();
  EXPECT_EQ(emu_->requests().size(), 1u);
  for (int i = 0; i < 999; ++i) ++it;
  EXPECT_EQ(emu_->requests().size(), 1u);
  EXPECT_EQ((*it)["N"], 1000);
  ++it;
  EXPECT_EQ(emu_->requests().size(), 2u);
  EXPECT_EQ((*it)["N"], 1001);
  std::size_t rest = 0;
  for (; it != range.end(); ++it) ++rest;
  EXPECT_EQ(rest, 1500u);
  EXPECT_EQ(range.pages_fetched(), 3);
}

TEST_F(PagingEmulator, LimitIsOneRequestWithoutPageParameters) {
  const auto rows = emu_->client().tables().get_records("Numbers", Query{}.limit(7).order_by("N"));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[6]["N"], 7);
  const auto sent = emu_->requests();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].param("q.limit"), "7");
  EXPECT_FALSE(sent[0].param("q.pageNumber").has_value());
  EXPECT_FALSE(sent[0].param("q.pageSize").has_value());
}
