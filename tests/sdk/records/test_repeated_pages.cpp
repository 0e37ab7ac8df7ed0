// A server that ignores q.pageNumber answers the same full page forever: every fetch-all read
// stops with a typed error after the first repeat instead of requesting pages without end.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "temp_dir.hpp"

using caspio::testing::FakeTransport;

namespace {

// Answers every request with the same five rows.
std::shared_ptr<FakeTransport> stuck_server() {
  auto fake = std::make_shared<FakeTransport>();
  for (int i = 0; i < 50; ++i) {
    fake->push(200, R"({"Result":[{"PK_ID":1},{"PK_ID":2},{"PK_ID":3},{"PK_ID":4},{"PK_ID":5}]})");
  }
  return fake;
}

caspio::Client client_over(const std::shared_ptr<FakeTransport>& fake) {
  caspio::ClientOptions options;
  options.transport = fake;
  return caspio::Client{"c1abc123", "tok", options};
}

void expect_repeated_page(const std::function<void()>& read) {
  try {
    read();
    FAIL() << "expected ApiError RepeatedPage";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.code(), "RepeatedPage");
  }
}

}  // namespace

TEST(RepeatedPages, LazyRangeAndGetRecordsStop) {
  auto fake = stuck_server();
  const auto client = client_over(fake);
  expect_repeated_page([&] {
    for (const auto& row : client.tables().records("T", caspio::Query{}.page_size(5))) (void)row;
  });
  EXPECT_EQ(fake->requests().size(), 2u);
  expect_repeated_page([&] { client.views().get_records("V", caspio::Query{}.page_size(5)); });
  EXPECT_EQ(fake->requests().size(), 4u);
}

TEST(RepeatedPages, StreamToFileStopsAndLeavesNoFile) {
  auto fake = stuck_server();
  const auto client = client_over(fake);
  caspio_test::ScratchDir dir;
  for (const auto format : {caspio::StreamFormat::json_array, caspio::StreamFormat::ndjson,
                            caspio::StreamFormat::csv}) {
    const std::size_t before = fake->requests().size();
    expect_repeated_page([&] {
      client.tables().get_records_stream_to_file("T", caspio::Query{}.page_size(5),
                                                 (dir.path() / "out").string(), format);
    });
    EXPECT_EQ(fake->requests().size() - before, 2u);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}
