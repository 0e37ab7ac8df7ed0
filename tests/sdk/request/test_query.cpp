// Query: Caspio's ranges checked before sending; the parameters it produces.
#include <gtest/gtest.h>

#include <string>

#include "caspio/caspio.hpp"
#include "request/query_params.hpp"
#include "request/url.hpp"

using caspio::InvalidArgumentError;
using caspio::Query;

TEST(Query, RangesAreCheckedWhenSet) {
  EXPECT_THROW(Query{}.limit(0), InvalidArgumentError);
  EXPECT_THROW(Query{}.limit(1001), InvalidArgumentError);
  EXPECT_NO_THROW(Query{}.limit(1));
  EXPECT_NO_THROW(Query{}.limit(1000));
  EXPECT_THROW(Query{}.page_size(4), InvalidArgumentError);
  EXPECT_THROW(Query{}.page_size(1001), InvalidArgumentError);
  EXPECT_NO_THROW(Query{}.page_size(5));
  EXPECT_NO_THROW(Query{}.page_size(1000));
  EXPECT_THROW(Query{}.page_number(0), InvalidArgumentError);
  EXPECT_THROW(Query{}.page_number(-3), InvalidArgumentError);
  EXPECT_NO_THROW(Query{}.page_number(1));
}

TEST(Query, ProducesOnlySetParametersInCaspioOrder) {
  const auto q = Query{}
                     .page_size(50)
                     .order_by("Last_Name DESC")
                     .where("Office_State = {}", "MI")
                     .select("First_Name, Email")
                     .group_by("")
                     .page_number(2);
  const auto params = caspio::detail::query_params(q);
  const caspio::detail::QueryParams expected{{"q.select", "First_Name, Email"},
                                             {"q.where", "Office_State = 'MI'"},
                                             {"q.orderBy", "Last_Name DESC"},
                                             {"q.pageNumber", "2"},
                                             {"q.pageSize", "50"}};
  EXPECT_EQ(params, expected);
  EXPECT_TRUE(caspio::detail::query_params(Query{}).empty());
}

TEST(Query, StableOrderForFetchAll) {
  EXPECT_EQ(caspio::detail::stable_order(Query{}), "PK_ID");
  EXPECT_EQ(caspio::detail::stable_order(Query{}.order_by("Email")), "Email");
  EXPECT_EQ(caspio::detail::stable_order(Query{}.group_by("Role")), "Role");
}

TEST(Url, PercentEncodesEverythingButUnreserved) {
  using caspio::detail::percent_encode;
  EXPECT_EQ(percent_encode("My Table/x?y#z%"), "My%20Table%2Fx%3Fy%23z%25");
  EXPECT_EQ(percent_encode("a-b.c_d~e"), "a-b.c_d~e");
  EXPECT_EQ(percent_encode("O'Brien & co+1=2"), "O%27Brien%20%26%20co%2B1%3D2");
  EXPECT_EQ(percent_encode("é"), "%C3%A9");
}

TEST(Url, BuildsEncodedUrlsAndChecksTheLengthLimit) {
  using caspio::detail::build_url;
  EXPECT_EQ(
      build_url("https://h/rest/v2", {"tables", "A B", "records"}, {{"q.where", "x = 'a&b'"}}),
      "https://h/rest/v2/tables/A%20B/records?q.where=x%20%3D%20%27a%26b%27");
  const std::string base = "https://h/rest/v2";  // 17 chars
  const std::string fits(2047 - base.size() - 1, 'a');
  EXPECT_NO_THROW(build_url(base, {fits}));
  EXPECT_THROW(build_url(base, {fits + "a"}), InvalidArgumentError);
  // The limit applies to the encoded form: 700 spaces become 2100 characters.
  EXPECT_THROW(build_url(base, {"t"}, {{"q.where", std::string(700, ' ')}}), InvalidArgumentError);
}

TEST(Url, PlainHttpOnlyToLoopback) {
  using caspio::detail::check_url_allowed;
  EXPECT_NO_THROW(check_url_allowed("https://c1abc123.caspio.com/rest/v2", "u"));
  EXPECT_NO_THROW(check_url_allowed("http://127.0.0.1:8080/rest/v2", "u"));
  EXPECT_NO_THROW(check_url_allowed("http://localhost/rest/v2", "u"));
  EXPECT_NO_THROW(check_url_allowed("http://[::1]:9000/rest/v2", "u"));
  EXPECT_THROW(check_url_allowed("http://c1abc123.caspio.com/rest/v2", "u"), InvalidArgumentError);
  EXPECT_THROW(check_url_allowed("http://127.0.0.1.evil.com/rest", "u"), InvalidArgumentError);
  EXPECT_THROW(check_url_allowed("http://localhost.evil.com/", "u"), InvalidArgumentError);
  EXPECT_THROW(check_url_allowed("ftp://127.0.0.1/", "u"), InvalidArgumentError);
  EXPECT_THROW(check_url_allowed("https://user:pw@host/", "u"), InvalidArgumentError);
  EXPECT_THROW(check_url_allowed("not a url", "u"), InvalidArgumentError);
}
