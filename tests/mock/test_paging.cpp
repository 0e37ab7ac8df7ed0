// Paging in the default PK order (served by seeking to the page's first PK_ID) gives exactly the
// rows LIMIT/OFFSET gives, and answers are gzip-compressed for clients that accept it.

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "mock_http.hpp"

using caspio::mock::ServerOptions;
using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kPhysicians = "/rest/v2/tables/Demo_Physicians/records";

std::string gunzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  inflateEnd(&zs);
  return out;
}

class PagingTest : public ::testing::Test {
 protected:
  static ServerOptions options() {
    ServerOptions o;
    o.rows = 2600;
    return o;
  }
  MockHttp mock{options()};

  std::string body(const std::string& target) {
    auto r = mock.get(target);
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, 200) << target << " → " << r->body.substr(0, 200);
    return r->body;
  }
  std::string page(const std::string& base, int number, int size, const std::string& extra = "") {
    return base + "?q.pageNumber=" + std::to_string(number) +
           "&q.pageSize=" + std::to_string(size) + extra;
  }
  /// The page served by seeking must equal the page of LIMIT/OFFSET in the same order: the
  /// order `PK_ID + 0` is the same but is not seekable.
  void expect_same_page(const std::string& base, int number, int size,
                        const std::string& extra = "") {
    SCOPED_TRACE(page(base, number, size, extra));
    const std::string walked =
        body(page(base, number, size, extra + "&q.orderBy=" + enc("PK_ID + 0")));
    EXPECT_EQ(body(page(base, number, size, extra)), walked);
    // An explicit PK_ID order, as the SDK sends it, seeks too.
    EXPECT_EQ(body(page(base, number, size, extra + "&q.orderBy=PK_ID")), walked);
    EXPECT_EQ(body(page(base, number, size, extra + "&q.orderBy=" + enc(" pk_id  ASC"))), walked);
  }
};

TEST_F(PagingTest, EveryPageInDefaultOrderEqualsLimitOffsetPaging) {
  const int rows = static_cast<int>(MockHttp::json(
      mock.get(kPhysicians + "?q.select=" + enc("COUNT(*) AS n")))["Result"][0]["n"]);
  ASSERT_GT(rows, 2600);
  std::size_t total = 0;
  for (int n = 1; n <= rows / 100 + 2; ++n) {
    expect_same_page(kPhysicians, n, 100);
    total += MockHttp::json(mock.get(page(kPhysicians, n, 100)))["Result"].size();
  }
  EXPECT_EQ(total, static_cast<std::size_t>(rows));
  for (int n = 1; n <= 4; ++n) expect_same_page(kPhysicians, n, 1000);
}

TEST_F(PagingTest, RandomAccessFarJumpsFiltersViewsAndSelectsStayEquivalent) {
  for (int n : {20, 3, 27, 1, 26, 15, 15, 2}) expect_same_page(kPhysicians, n, 100);
  for (int n : {500, 499, 520, 1, 250}) expect_same_page(kPhysicians, n, 5);  // marks every 1000
  const std::string female = "&q.where=" + enc("Gender = 'Female' AND ViewCount > 100");
  for (int n : {1, 2, 9, 5, 10}) expect_same_page(kPhysicians, n, 100, female);
  const std::string picked = "&q.select=" + enc("Email, First_Name AS first");
  for (int n : {4, 2, 30}) expect_same_page(kPhysicians, n, 100, picked);
  const std::string view = "/rest/v2/views/Demo_Physicians_Active/records";
  for (int n : {1, 6, 3, 20}) expect_same_page(view, n, 100);
  // Not seekable (aggregate, function, DISTINCT), still the same answer.
  expect_same_page(kPhysicians, 2, 5, "&q.select=" + enc("DISTINCT Gender"));
  expect_same_page(kPhysicians, 3, 100, "&q.where=" + enc("length(Email) > 20"));
}

TEST_F(PagingTest, WritesBetweenPageReadsAreSeen) {
  expect_same_page(kPhysicians, 10, 100);
  expect_same_page(kPhysicians, 11, 100);
  const std::string before = body(page(kPhysicians, 11, 100));
  auto r = mock.del(kPhysicians + "?q.where=" + enc("PK_ID BETWEEN 950 AND 1005"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(MockHttp::json(r)["RecordsAffected"], 56);
  EXPECT_NE(body(page(kPhysicians, 11, 100)), before);
  expect_same_page(kPhysicians, 10, 100);
  expect_same_page(kPhysicians, 11, 100);
  r = mock.put_json(kPhysicians + "?q.where=" + enc("PK_ID = 1100"), {{"Gender", "Female"}});
  ASSERT_TRUE(r);
  const std::string female = "&q.where=" + enc("Gender = 'Female'");
  for (int n : {3, 4, 3}) expect_same_page(kPhysicians, n, 100, female);
}

TEST_F(PagingTest, GzipAnswersDecodeToTheSameRows) {
  httplib::Client raw("127.0.0.1", mock.server().port());
  raw.set_decompress(false);
  auto headers = mock.auth();
  const std::string target = page(kPhysicians, 2, 1000);
  auto plain = raw.Get(target, headers);
  headers.emplace("Accept-Encoding", "gzip, deflate");
  auto zipped = raw.Get(target, headers);
  ASSERT_TRUE(plain);
  ASSERT_TRUE(zipped);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_LT(zipped->body.size(), plain->body.size() / 3);
  EXPECT_EQ(gunzip(zipped->body), plain->body);
  EXPECT_EQ(json::parse(gunzip(zipped->body))["Result"].size(), 1000u);
  EXPECT_EQ(mock.server().journal().back().header("accept-encoding"), "gzip, deflate");

  // Refused gzip, and small answers, stay plain.
  auto refused = raw.Get(target, {{"Authorization", "Bearer " + mock.token()},
                                  {"Accept-Encoding", "gzip;q=0, identity"}});
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->has_header("Content-Encoding"));
  EXPECT_EQ(refused->body, plain->body);
  auto small = raw.Get("/rest/v2/tables/Demo_Users", headers);
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->has_header("Content-Encoding"));
  EXPECT_EQ(json::parse(small->body)["Result"]["Name"], "Demo_Users");
  // Errors too are compressed once they are large enough, and still decode.
  auto error = raw.Get(
      kPhysicians + "?q.where=" + enc("No_Such_Field = 1 AND " + std::string(600, 'x') + " = 1"),
      headers);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 400);
  EXPECT_EQ(error->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(json::parse(gunzip(error->body))["Code"], "SqlServerError");
}

}  // namespace
