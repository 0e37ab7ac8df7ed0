// Records of tables over plain HTTP: reads (q.* parameters, paging, order), writes, value
// encoding, refusals and the safety of user SQL.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>
#include <set>

#include "mock_http.hpp"

using caspio::mock::ServerOptions;
using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

constexpr int kHandPhysicians = 15;
constexpr int kUsers = 12;

ServerOptions demo(std::size_t rows = 0) {
  ServerOptions o;
  o.rows = rows;
  return o;
}

class RecordsTest : public ::testing::Test {
 protected:
  explicit RecordsTest(std::size_t rows = 0) : mock(demo(rows)) {}

  json get(const std::string& target, int status = 200) {
    auto r = mock.get(target);
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, status) << target << " → " << r->body;
    return r->body.empty() ? json() : json::parse(r->body);
  }
  json records(const std::string& table, const std::string& query = "", int status = 200) {
    auto body =
        get("/rest/v2/tables/" + table + "/records" + (query.empty() ? "" : "?" + query), status);
    return status == 200 ? body["Result"] : body;
  }
  static std::vector<long long> pks(const json& rows) {
    std::vector<long long> out;
    for (const auto& r : rows) out.push_back(r["PK_ID"].get<long long>());
    return out;
  }
  json physician(const std::string& email) {
    auto rows = records("Demo_Physicians", "q.where=" + enc("Email = '" + email + "'"));
    EXPECT_EQ(rows.size(), 1u) << email;
    return rows.empty() ? json() : rows[0];
  }
  std::size_t user_count() { return records("Demo_Users", "q.limit=1000").size(); }

  MockHttp mock;
};

class RecordsPagingTest : public RecordsTest {
 protected:
  RecordsPagingTest() : RecordsTest(1500) {}
};

// ---- reads -------------------------------------------------------------------------------

TEST_F(RecordsPagingTest, DefaultReadIsTheFirst100RowsInPkOrder) {
  auto rows = records("Demo_Physicians");
  ASSERT_EQ(rows.size(), 100u);
  auto ids = pks(rows);
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], static_cast<long long>(i + 1));
  EXPECT_TRUE(rows[0]["PK_ID"].is_number_integer());
}

TEST_F(RecordsPagingTest, LimitAbove1000IsCappedAt1000) {
  EXPECT_EQ(records("Demo_Physicians", "q.limit=5000").size(), 1000u);
  EXPECT_EQ(records("Demo_Physicians", "q.limit=1000").size(), 1000u);
  EXPECT_EQ(records("Demo_Physicians", "q.limit=7").size(), 7u);
}

TEST_F(RecordsPagingTest, LimitBelowOneOrNotANumberIs400) {
  for (const char* q : {"q.limit=0", "q.limit=-5", "q.limit=ten"}) {
    auto body = records("Demo_Physicians", q, 400);
    EXPECT_EQ(body["Code"], "IncorrectQueryParameter") << q;
  }
}

TEST_F(RecordsPagingTest, PageSizeOutside5To1000Is400) {
  for (const char* q : {"q.pageSize=4", "q.pageSize=1001", "q.pageSize=0&q.pageNumber=1"}) {
    EXPECT_EQ(records("Demo_Physicians", q, 400)["Code"], "IncorrectQueryParameter") << q;
  }
  EXPECT_EQ(records("Demo_Physicians", "q.pageSize=5").size(), 5u);
  EXPECT_EQ(records("Demo_Physicians", "q.pageSize=1000").size(), 1000u);
}

TEST_F(RecordsPagingTest, PageNumberBelowOneIs400) {
  EXPECT_EQ(records("Demo_Physicians", "q.pageNumber=0", 400)["Code"], "IncorrectQueryParameter");
  EXPECT_EQ(records("Demo_Physicians", "q.pageNumber=-1&q.pageSize=10", 400)["Code"],
            "IncorrectQueryParameter");
}

TEST_F(RecordsPagingTest, PageDefaultsAre25RowsAndPageOne) {
  auto second = records("Demo_Physicians", "q.pageNumber=2");
  ASSERT_EQ(second.size(), 25u);
  EXPECT_EQ(pks(second).front(), 26);
  EXPECT_EQ(pks(second).back(), 50);
  auto first = records("Demo_Physicians", "q.pageSize=10");
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(pks(first).front(), 1);
}

TEST_F(RecordsPagingTest, LimitIsIgnoredWhenPaging) {
  EXPECT_EQ(records("Demo_Physicians", "q.limit=7&q.pageSize=10&q.pageNumber=1").size(), 10u);
  EXPECT_EQ(records("Demo_Physicians", "q.limit=7&q.pageNumber=1").size(), 25u);
}

TEST_F(RecordsPagingTest, PagesCoverEveryRowOnceAndPastTheEndIsEmpty) {
  const std::size_t total = kHandPhysicians + 1500;
  std::vector<long long> all;
  for (int page = 1;; ++page) {
    auto rows = records("Demo_Physicians", "q.pageSize=400&q.pageNumber=" + std::to_string(page));
    if (rows.empty()) {
      EXPECT_EQ(page, 5);
      break;
    }
    EXPECT_EQ(rows.size(), page < 4 ? 400u : total - 1200) << page;
    auto ids = pks(rows);
    all.insert(all.end(), ids.begin(), ids.end());
  }
  ASSERT_EQ(all.size(), total);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(std::set<long long>(all.begin(), all.end()).size(), total);
  EXPECT_TRUE(records("Demo_Physicians", "q.pageSize=1000&q.pageNumber=99").empty());
}

TEST_F(RecordsPagingTest, EmptyQueryValuesMeanNotGiven) {
  auto rows =
      records("Demo_Physicians",
              "q.select=&q.where=&q.groupBy=&q.orderBy=&q.limit=&q.pageNumber=&q.pageSize=");
  ASSERT_EQ(rows.size(), 100u);
  EXPECT_EQ(pks(rows).front(), 1);
  EXPECT_TRUE(rows[0].contains("Email"));
}

TEST_F(RecordsPagingTest, OrderByIsHonoured) {
  auto rows = records("Demo_Physicians", "q.orderBy=" + enc("PK_ID DESC") + "&q.limit=3");
  EXPECT_EQ(pks(rows), (std::vector<long long>{1515, 1514, 1513}));
}

TEST_F(RecordsPagingTest, UnstableOrderShufflesOnlyUnorderedReads) {
  mock.server().set_unstable_order(true);
  auto a = pks(records("Demo_Physicians", "q.limit=1000"));
  auto b = pks(records("Demo_Physicians", "q.limit=1000"));
  EXPECT_NE(a, b);
  EXPECT_FALSE(std::is_sorted(a.begin(), a.end()));
  auto paged = pks(records("Demo_Physicians", "q.pageSize=100&q.pageNumber=2"));
  EXPECT_FALSE(std::is_sorted(paged.begin(), paged.end()));
  auto ordered = pks(records("Demo_Physicians", "q.limit=1000&q.orderBy=PK_ID"));
  EXPECT_TRUE(std::is_sorted(ordered.begin(), ordered.end()));
  EXPECT_EQ(ordered.front(), 1);
  mock.server().set_unstable_order(false);
  auto stable = pks(records("Demo_Physicians", "q.limit=1000"));
  EXPECT_TRUE(std::is_sorted(stable.begin(), stable.end()));
}

TEST_F(RecordsPagingTest, SyntheticRowsHaveUniqueEmails) {
  auto rows = records("Demo_Physicians",
                      "q.select=Email&q.where=" + enc("Email LIKE 'physician%@example.com'") +
                          "&q.pageSize=1000&q.pageNumber=2");
  ASSERT_EQ(rows.size(), 500u);
  std::set<std::string> emails;
  for (const auto& r : rows) emails.insert(r["Email"].get<std::string>());
  EXPECT_EQ(emails.size(), 500u);
  EXPECT_EQ(physician("physician000001@example.com")["PK_ID"], kHandPhysicians + 1);
}

TEST_F(RecordsPagingTest, OneThousandRowPageIsFast) {
  const int runs = 20;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) {
    auto r = mock.get("/rest/v2/tables/Demo_Physicians/records?q.pageSize=1000&q.pageNumber=" +
                      std::to_string(i % 2 + 1));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      runs;
  std::printf("[ timing ] one 1000-row page of Demo_Physicians over HTTP: %.2f ms\n", ms);
  EXPECT_LT(ms, 100.0);
}

TEST_F(RecordsTest, WhereSupportsTheTsqlSubset) {
  auto count = [&](const std::string& where) {
    return records("Demo_Physicians", "q.where=" + enc(where)).size();
  };
  EXPECT_EQ(count("Office_State = 'tx'"), 2u);  // case-insensitive comparison
  EXPECT_EQ(count("First_Name LIKE 'LEL%'"), 1u);
  EXPECT_EQ(count("Office_State IN ('MI', 'CA')"), 3u);
  EXPECT_EQ(count("ViewCount BETWEEN 1000 AND 2000"), 6u);
  EXPECT_EQ(count("Profile_Photo IS NULL"), 5u);
  EXPECT_EQ(count("Profile_Photo IS NOT NULL AND NOT (Office_State = 'MI')"), 8u);
  EXPECT_EQ(count("Last_Name = 'O''Neill'"), 1u);
  EXPECT_EQ(count("Account_Status = 1 AND (Profile_Status = 0 OR Office_State <> 'CA')"), 11u);
  EXPECT_EQ(count("Date_Created >= '2021-01-01'"), 6u);
  EXPECT_EQ(count("PK_ID = '3'"), 1u);
  EXPECT_EQ(count("[Gender] = 'Other'"), 1u);
}

TEST_F(RecordsTest, SelectAliasesAndGroupByWithCount) {
  auto rows = records("Demo_Users",
                      "q.select=" + enc("Role, COUNT(*) AS n") + "&q.groupBy=Role&q.orderBy=Role");
  EXPECT_EQ(rows, json::parse(R"([{"Role":"Admin","n":4},{"Role":"Editor","n":3},
                                  {"Role":"User","n":5}])"));
  auto aliased =
      records("Demo_Physicians",
              "q.select=" + enc("First_Name AS name, Account_Status AS active") + "&q.limit=1");
  EXPECT_EQ(aliased, json::parse(R"([{"name":"Lelah","active":true}])"));
}

TEST_F(RecordsTest, SeedWindowFunctionExampleWorks) {
  auto rows =
      records("Demo_Users", "q.select=" +
                                enc("Email, ROW_NUMBER() OVER (PARTITION BY Role ORDER BY "
                                    "User_ID) AS rnk_num") +
                                "&q.where=" + enc("Name LIKE '%ed%'") + "&q.orderBy=rnk_num");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0]["rnk_num"], 1);
  EXPECT_TRUE(rows[0].contains("Email"));
  EXPECT_FALSE(rows[0].contains("PK_ID"));
}

TEST_F(RecordsTest, UnknownColumnInWhereIs400SqlServerError) {
  auto body = records("Demo_Users", "q.where=" + enc("Nope = 1"), 400);
  EXPECT_EQ(body["Code"], "SqlServerError");
  EXPECT_EQ(body["Message"], "Invalid column name 'Nope'.");
  EXPECT_EQ(records("Demo_Users", "q.orderBy=Nope", 400)["Code"], "SqlServerError");
}

TEST_F(RecordsTest, MalformedWhereIs400SqlServerError) {
  for (const char* where : {"Name = ", "Name = 'open", "(Name = 'x'", "Name = 'x')", "AND AND",
                            "Name = 'x' /* comment"}) {
    EXPECT_EQ(records("Demo_Users", "q.where=" + enc(where), 400)["Code"], "SqlServerError")
        << where;
  }
}

TEST_F(RecordsTest, UnknownSelectFieldIs500) {
  auto r = mock.get("/rest/v2/tables/Demo_Users/records?q.select=" + enc("Email, Nope"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
}

TEST_F(RecordsTest, SecondStatementInWhereIsRefusedAndDeletesNothing) {
  const std::string evil = enc("1=1; DELETE FROM Demo_Users");
  EXPECT_EQ(records("Demo_Users", "q.where=" + evil, 400)["Code"], "SqlServerError");
  auto r = mock.del("/rest/v2/tables/Demo_Users/records?q.where=" + evil);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  auto p = mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=" + evil, {{"Name", "x"}});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 400);
  EXPECT_EQ(
      records("Demo_Users", "q.select=" + enc("Name") + "&q.where=" + enc("Name = 'x'")).size(),
      0u);
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers));
}

TEST_F(RecordsTest, FragmentsCannotReachOtherTablesOrStatements) {
  for (const std::string& q : std::vector<std::string>{
           "q.where=" + enc("Email IN (SELECT Email FROM Demo_Physicians)"),
           "q.select=" + enc("(SELECT COUNT(*) FROM Demo_Physicians) AS n"),
           "q.where=" + enc("1=1) OR (1=1"), "q.where=" + enc("Name = ?"),
           "q.orderBy=" + enc("Name; DROP TABLE Demo_Users"),
           "q.where=" + enc("1=1 UNION SELECT 1"), "q.where=" + enc("load_extension('x') = 1")}) {
    auto r = mock.get("/rest/v2/tables/Demo_Users/records?" + q);
    ASSERT_TRUE(r);
    EXPECT_GE(r->status, 400) << q << " → " << r->body;
  }
  auto r = mock.del("/rest/v2/tables/Demo_Users/records?q.where=" +
                    enc("PK_ID IN (SELECT PK_ID FROM Demo_Physicians)"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers));
}

TEST_F(RecordsTest, PasswordIsNeverReturnedNorQueryable) {
  for (const auto& row : records("Demo_Users", "q.limit=1000")) {
    EXPECT_FALSE(row.contains("Password"));
  }
  EXPECT_FALSE(records("Demo_Physicians", "q.limit=1")[0].contains("Password"));
  for (const std::string& q :
       std::vector<std::string>{"q.select=Password", "q.select=" + enc("Email, password"),
                                "q.where=" + enc("Password = 'Rath!2020'"), "q.orderBy=Password",
                                "q.groupBy=Password"}) {
    EXPECT_EQ(records("Demo_Users", q, 400)["Code"], "IncorrectQueryParameter") << q;
  }
}

TEST_F(RecordsTest, TableNamesAreCaseInsensitiveAndUnknownTablesAre404) {
  EXPECT_EQ(records("demo_users", "q.limit=1000").size(), static_cast<std::size_t>(kUsers));
  EXPECT_EQ(records("Nope", "", 404)["Code"], "ObjectNotFound");
  auto post = mock.post_json("/rest/v2/tables/Nope/records", {{"A", 1}});
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
  auto put = mock.put_json("/rest/v2/tables/Nope/records?q.where=1%3D1", {{"A", 1}});
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 404);
  auto del = mock.del("/rest/v2/tables/Nope/records?q.where=1%3D1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 404);
}

// ---- value encoding ----------------------------------------------------------------------

TEST_F(RecordsTest, SeedSampleRecordReadsAsCaspioEncodesIt) {
  auto lelah = physician("lelah.hoppe@example.com");
  EXPECT_EQ(lelah["PK_ID"], 1);
  EXPECT_EQ(lelah["Physician_ID"], "6T2C9HW8");
  EXPECT_EQ(lelah["Date_Created"], "2020-10-07T04:54:19");
  EXPECT_EQ(lelah["Full_Name"], "Lelah Hoppe");
  EXPECT_EQ(lelah["Account_Status"], true);
  EXPECT_EQ(lelah["Profile_Status"], false);
  EXPECT_EQ(lelah["Profile_Photo"], "/Demo/LelahHoppe.png");
  EXPECT_EQ(lelah["Specialties"], json::parse(R"({"3":"Family Medicine",
      "6":"Obstetrics and Gynecology","8":"Pain Management","9":"Pathology"})"));
  EXPECT_EQ(lelah["Languages"],
            json::parse(R"({"2":"English","4":"French","7":"Japanese","9":"Spanish"})"));
  EXPECT_EQ(lelah["ViewCount"], 3654);
  EXPECT_FALSE(lelah.contains("Password"));
}

TEST_F(RecordsTest, RecordKeysFollowTheFieldOrder) {
  auto r = mock.get("/rest/v2/tables/Demo_Users/records?q.limit=1");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find(R"({"PK_ID":1,"User_ID":"7NQC2PHT","Name":)"), std::string::npos)
      << r->body;
}

TEST_F(RecordsTest, PostAnswers201EmptyWithLocation) {
  auto r = mock.post_json("/rest/v2/tables/Demo_Users/records",
                          {{"Name", "Osment"}, {"Email", "osment@example.com"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(r->get_header_value("Location"), "/rest/v2/tables/Demo_Users/records/13");
  auto rows = records("Demo_Users", "q.where=" + enc("Email = 'osment@example.com'"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["PK_ID"], 13);
}

// Inserts of the same fields reuse one prepared statement: it must still be right after the
// table's fields change under it (a field added, renamed, deleted) and after a failed insert.
TEST_F(RecordsTest, RepeatedInsertsStayRightWhenTheFieldsChange) {
  const std::string path = "/rest/v2/tables/Demo_Users/records";
  const auto insert = [&](const json& body) {
    auto r = mock.post_json(path, body);
    return r ? r->status : 0;
  };
  EXPECT_EQ(insert({{"Name", "Zq1"}, {"Email", "a1@example.com"}}), 201);
  EXPECT_EQ(insert({{"Name", "Zq2"}, {"Email", "a1@example.com"}}), 400);  // Email is unique
  EXPECT_EQ(insert({{"Name", "Zq3"}, {"Email", "a3@example.com"}}), 201);
  auto added =
      mock.post_json("/rest/v2/tables/Demo_Users/fields", {{"Name", "Extra"}, {"Type", "STRING"}});
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201);
  EXPECT_EQ(insert({{"Name", "Zq4"}, {"Email", "a4@example.com"}}), 201);
  EXPECT_EQ(insert({{"Name", "Zq5"}, {"Email", "a5@example.com"}, {"Extra", "x"}}), 201);
  auto renamed = mock.put_json("/rest/v2/tables/Demo_Users/fields/Extra", {{"NewName", "Renamed"}});
  ASSERT_TRUE(renamed);
  ASSERT_EQ(renamed->status, 200);
  EXPECT_EQ(insert({{"Name", "Zq6"}, {"Email", "a6@example.com"}, {"Extra", "x"}}), 404);
  EXPECT_EQ(insert({{"Name", "Zq7"}, {"Email", "a7@example.com"}, {"Renamed", "y"}}), 201);
  auto deleted = mock.del("/rest/v2/tables/Demo_Users/fields/Renamed");
  ASSERT_TRUE(deleted);
  ASSERT_EQ(deleted->status, 200);
  EXPECT_EQ(insert({{"Name", "Zq8"}, {"Email", "a8@example.com"}}), 201);
  const auto rows = records("Demo_Users", "q.where=" + enc("Name LIKE 'Zq%'") + "&q.orderBy=PK_ID");
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row["Name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"Zq1", "Zq3", "Zq4", "Zq5", "Zq7", "Zq8"}));
  for (const auto& row : rows) EXPECT_FALSE(row.contains("Renamed"));
}

TEST_F(RecordsTest, PostWithResponseRowsReturnsTheRecordWithDefaults) {
  auto r = mock.post_json("/rest/v2/tables/Demo_Physicians/records?response=rows",
                          {{"First_Name", "Oscar"},
                           {"Last_Name", "Martinez"},
                           {"Email", "oscar@example.com"},
                           {"Account_Status", true}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201);
  auto rows = json::parse(r->body)["Result"];
  ASSERT_EQ(rows.size(), 1u);
  const auto& row = rows[0];
  EXPECT_EQ(row["PK_ID"], kHandPhysicians + 1);
  EXPECT_TRUE(
      std::regex_match(row["Physician_ID"].get<std::string>(), std::regex("^[0-9A-Z]{8}$")));
  EXPECT_EQ(row["Full_Name"], "Oscar Martinez");
  EXPECT_EQ(row["Account_Status"], true);
  EXPECT_EQ(row["Profile_Status"], false);
  EXPECT_EQ(row["Accepting_New_Patients"], false);
  EXPECT_EQ(row["Gender"], "");
  EXPECT_EQ(row["About_Section"], "");
  EXPECT_TRUE(row["Date_Created"].is_null());
  EXPECT_TRUE(row["Profile_Photo"].is_null());
  EXPECT_TRUE(row["Specialties"].is_null());
  EXPECT_TRUE(row["ViewCount"].is_null());
  EXPECT_FALSE(row.contains("Password"));
}

TEST_F(RecordsTest, PostRefusesArraysUnknownAndReadOnlyFields) {
  auto array = mock.post_json("/rest/v2/tables/Demo_Users/records",
                              json::array({{{"Name", "a"}}, {{"Name", "b"}}}));
  ASSERT_TRUE(array);
  EXPECT_EQ(array->status, 400);
  EXPECT_EQ(MockHttp::json(array)["Code"], "IncorrectBodyParameter");

  auto unknown = mock.post_json("/rest/v2/tables/Demo_Users/records", {{"Nickname", "x"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(MockHttp::json(unknown)["Code"], "FieldNotFound");

  for (const auto& body :
       {json{{"PK_ID", 99}}, json{{"Physician_ID", "ABCDEFGH"}}, json{{"Full_Name", "x y"}}}) {
    auto r = mock.post_json("/rest/v2/tables/Demo_Physicians/records", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << body;
    EXPECT_EQ(MockHttp::json(r)["Code"], "IncorrectBodyParameter") << body;
  }
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers));
}

TEST_F(RecordsTest, ListFieldsAcceptKeyArraysNumericStringsAndBracketText) {
  auto post = [&](const json& specialties, const std::string& email) {
    return mock.post_json("/rest/v2/tables/Demo_Physicians/records",
                          {{"Email", email}, {"Specialties", specialties}});
  };
  ASSERT_EQ(post(json::array({1, 5}), "a@example.com")->status, 201);
  ASSERT_EQ(post(json::array({"2", "3"}), "b@example.com")->status, 201);
  ASSERT_EQ(post("[4], [6]", "c@example.com")->status, 201);
  EXPECT_EQ(physician("a@example.com")["Specialties"],
            json::parse(R"({"1":"Allergy and Immunology","5":"Internal Medicine"})"));
  EXPECT_EQ(physician("b@example.com")["Specialties"],
            json::parse(R"({"2":"Dermatology","3":"Family Medicine"})"));
  EXPECT_EQ(physician("c@example.com")["Specialties"],
            json::parse(R"({"4":"Geriatric Medicine","6":"Obstetrics and Gynecology"})"));

  auto bad = post(json::array({1, 99}), "d@example.com");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(MockHttp::json(bad)["Message"],
            "Cannot perform operation because the value doesn't match the data type of the "
            "following field(s): Specialties");
  EXPECT_EQ(post(json::array({"Dermatology"}), "e@example.com")->status, 400);
}

TEST_F(RecordsTest, DatesAreStoredWithoutZoneConversion) {
  auto put = [&](const json& value) {
    return mock.put_json("/rest/v2/tables/Demo_Physicians/records?q.where=PK_ID%3D2",
                         {{"Date_Created", value}});
  };
  ASSERT_EQ(put("2024-03-05")->status, 200);
  EXPECT_EQ(physician("marcus.whitfield@example.com")["Date_Created"], "2024-03-05T00:00:00");
  ASSERT_EQ(put("2024-03-05T22:11:12+05:00")->status, 200);
  EXPECT_EQ(physician("marcus.whitfield@example.com")["Date_Created"], "2024-03-05T22:11:12");
  EXPECT_EQ(put("05/03/2024")->status, 400);
  EXPECT_EQ(put("2024-13-01")->status, 400);
}

TEST_F(RecordsTest, YesNoAndNumbersAreTyped) {
  auto r = mock.put_json("/rest/v2/tables/Demo_Physicians/records?q.where=PK_ID%3D2",
                         {{"Profile_Status", 0}, {"ViewCount", "12.5"}});
  ASSERT_EQ(r->status, 200);
  auto row = physician("marcus.whitfield@example.com");
  EXPECT_EQ(row["Profile_Status"], false);
  EXPECT_DOUBLE_EQ(row["ViewCount"].get<double>(), 12.5);
  auto bad = mock.put_json("/rest/v2/tables/Demo_Physicians/records?q.where=PK_ID%3D2",
                           {{"ViewCount", "many"}});
  EXPECT_EQ(bad->status, 400);
  auto bad_flag = mock.put_json("/rest/v2/tables/Demo_Physicians/records?q.where=PK_ID%3D2",
                                {{"Account_Status", "maybe"}});
  EXPECT_EQ(bad_flag->status, 400);
}

TEST_F(RecordsTest, UniqueDuplicateIs400SqlServerError) {
  auto dup = mock.post_json("/rest/v2/tables/Demo_Users/records",
                            {{"Name", "Copy"}, {"Email", "ALICE.monroe@example.com"}});
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->status, 400);
  EXPECT_EQ(MockHttp::json(dup)["Code"], "SqlServerError");
  EXPECT_NE(MockHttp::json(dup)["Message"].get<std::string>().find("Cannot insert duplicate key"),
            std::string::npos);
  auto put = mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3D3",
                           {{"Email", "alice.monroe@example.com"}});
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 400);
  EXPECT_EQ(MockHttp::json(put)["Code"], "SqlServerError");
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers));
}

// ---- updates and deletes -----------------------------------------------------------------

TEST_F(RecordsTest, PasswordMayBeSetOnInsertButNotByPut) {
  auto post = mock.post_json("/rest/v2/tables/Demo_Users/records",
                             {{"Email", "pw@example.com"}, {"Password", "s3cret"}});
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 201);
  auto put =
      mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=" + enc("Email = 'pw@example.com'"),
                    {{"Password", "other"}});
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 400);
}

TEST_F(RecordsTest, PutReturnsCountAndRowsWhenAsked) {
  auto r =
      mock.put_json("/rest/v2/tables/Demo_Physicians/records?q.where=" + enc("Office_State = 'TX'"),
                    {{"ViewCount", 1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(MockHttp::json(r), json::parse(R"({"RecordsAffected":2,"Result":[]})"));

  auto rows = mock.put_json("/rest/v2/tables/Demo_Users/records?response=rows&q.where=" +
                                enc("Email = 'eddy.rath@example.com'"),
                            {{"Name", "Eddy Rath"}});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->status, 200);
  auto body = MockHttp::json(rows);
  EXPECT_EQ(body["RecordsAffected"], 1);
  ASSERT_EQ(body["Result"].size(), 1u);
  EXPECT_EQ(body["Result"][0]["Name"], "Eddy Rath");
  EXPECT_EQ(body["Result"][0]["User_ID"], "7NQC2PHT");
  EXPECT_EQ(body["Result"][0]["Role"], "Admin");
  EXPECT_EQ(body["Result"][0]["Active"], false);
  EXPECT_FALSE(body["Result"][0].contains("Password"));

  for (const auto& row : records("Demo_Physicians", "q.where=" + enc("Office_State = 'TX'"))) {
    EXPECT_EQ(row["ViewCount"], 1);
  }
}

TEST_F(RecordsTest, PutMatchingNothingIsZero) {
  auto r = mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=" + enc("Name = 'Nobody'"),
                         {{"Role", "x"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(MockHttp::json(r), json::parse(R"({"RecordsAffected":0,"Result":[]})"));
}

TEST_F(RecordsTest, PutAndDeleteWithoutWhereAre400AndChangeNothing) {
  for (const char* q : {"", "?q.where=", "?q.where=%20"}) {
    auto put =
        mock.put_json(std::string("/rest/v2/tables/Demo_Users/records") + q, {{"Role", "Gone"}});
    ASSERT_TRUE(put);
    EXPECT_EQ(put->status, 400) << q;
    EXPECT_EQ(MockHttp::json(put)["Code"], "IncorrectQueryParameter");
    auto del = mock.del(std::string("/rest/v2/tables/Demo_Users/records") + q);
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 400) << q;
    EXPECT_EQ(MockHttp::json(del)["Code"], "IncorrectQueryParameter");
  }
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers));
  EXPECT_TRUE(records("Demo_Users", "q.where=" + enc("Role = 'Gone'")).empty());
}

TEST_F(RecordsTest, PutRefusesReadOnlyAndUnknownFields) {
  auto ro = mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3D1",
                          {{"User_ID", "ZZZZZZZZ"}});
  EXPECT_EQ(ro->status, 400);
  auto pk = mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3D1", {{"PK_ID", 5}});
  EXPECT_EQ(pk->status, 400);
  auto unknown =
      mock.put_json("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3D1", {{"Nickname", "x"}});
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(MockHttp::json(unknown)["Code"], "FieldNotFound");
}

TEST_F(RecordsTest, DeleteCountsAndPkIdsAreNeverReused) {
  auto del = mock.del("/rest/v2/tables/Demo_Users/records?q.where=" + enc("Role = 'User'"));
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200);
  EXPECT_EQ(MockHttp::json(del), json::parse(R"({"RecordsAffected":5})"));
  EXPECT_EQ(user_count(), static_cast<std::size_t>(kUsers - 5));
  auto none = mock.del("/rest/v2/tables/Demo_Users/records?q.where=" + enc("Role = 'User'"));
  EXPECT_EQ(MockHttp::json(none), json::parse(R"({"RecordsAffected":0})"));

  auto last = mock.del("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3E%3D11");
  ASSERT_EQ(last->status, 200);
  auto post = mock.post_json("/rest/v2/tables/Demo_Users/records?response=rows",
                             {{"Email", "new@example.com"}});
  ASSERT_EQ(post->status, 201);
  EXPECT_EQ(MockHttp::json(post)["Result"][0]["PK_ID"], kUsers + 1);
}

TEST(RecordsFixture, EmptyFixtureHasNoTablesAndSyntheticRowsAddToPhysicians) {
  ServerOptions empty;
  empty.fixture = caspio::mock::Fixture::empty;
  MockHttp none(empty);
  EXPECT_EQ(MockHttp::json(none.get("/rest/v2/tables")), json::parse(R"({"Result":[]})"));
  EXPECT_EQ(none.get("/rest/v2/tables/Demo_Users/records")->status, 404);

  MockHttp some(demo(30));
  auto rows = MockHttp::json(some.get("/rest/v2/tables/Demo_Physicians/records?q.limit=1000"));
  EXPECT_EQ(rows["Result"].size(), static_cast<std::size_t>(kHandPhysicians + 30));
}

TEST(RecordsFixture, HundredThousandSyntheticRowsLoadQuickly) {
  auto start = std::chrono::steady_clock::now();
  MockHttp big(demo(100000));
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ timing ] start with 100000 synthetic physicians: %.0f ms\n", ms);
  EXPECT_LT(ms, 10000.0);
  auto page = MockHttp::json(
      big.get("/rest/v2/tables/Demo_Physicians/records?q.pageSize=1000&q.pageNumber=101"));
  ASSERT_EQ(page["Result"].size(), 15u);
  EXPECT_EQ(page["Result"][14]["Email"], "physician100000@example.com");
}

}  // namespace
