// REST v3 under /integrations/rest/v3: the same tables and views as v2, with v3's body keys,
// statuses, view fields and q.getPaginationInfo; and `ServerOptions::api` choosing the bases.

#include <gtest/gtest.h>

#include "mock_http.hpp"

using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kV3 = "/integrations/rest/v3";

int status_of(const httplib::Result& r) {
  return r ? r->status : -1;
}

json body_of(const httplib::Result& r) {
  if (!r || r->body.empty()) return json();
  return json::parse(r->body);
}

class V3Test : public ::testing::Test {
 protected:
  MockHttp mock;
};

TEST_F(V3Test, ListsTablesAndViewsLikeV2) {
  auto v3 = mock.get(kV3 + "/tables");
  auto v2 = mock.get("/rest/v2/tables");
  ASSERT_EQ(status_of(v3), 200);
  EXPECT_EQ(body_of(v3), body_of(v2));
  auto views = mock.get(kV3 + "/views/demo_physicians_active");
  ASSERT_EQ(status_of(views), 200);
  EXPECT_EQ(body_of(views),
            json::parse(R"({"Result":{"Name":"Demo_Physicians_Active","Note":""}})"));
  EXPECT_EQ(status_of(mock.get(kV3 + "/tables/Nope")), 404);
}

TEST_F(V3Test, CreateTableTakesFieldsNotColumns) {
  auto bad = mock.post_json(kV3 + "/tables",
                            {{"Name", "T1"}, {"Columns", {{{"Name", "A"}, {"Type", "STRING"}}}}});
  EXPECT_EQ(status_of(bad), 400);
  EXPECT_NE(bad->body.find("'Fields'"), std::string::npos) << bad->body;
  auto ok = mock.post_json(kV3 + "/tables",
                           {{"Name", "T1"}, {"Fields", {{{"Name", "A"}, {"Type", "STRING"}}}}});
  EXPECT_EQ(status_of(ok), 201);
  EXPECT_EQ(body_of(mock.get("/rest/v2/tables/T1"))["Result"]["Name"], "T1");
  // v2 still refuses Fields.
  EXPECT_EQ(
      status_of(mock.post_json("/rest/v2/tables", {{"Name", "T2"}, {"Fields", json::array()}})),
      400);
}

TEST_F(V3Test, FieldUpdateTakesPlainKeysAndAnswers204) {
  ASSERT_EQ(
      status_of(mock.post_json(
          kV3 + "/tables", {{"Name", "T1"}, {"Fields", {{{"Name", "A"}, {"Type", "STRING"}}}}})),
      201);
  auto v2_style = mock.put_json(kV3 + "/tables/T1/fields/A", {{"NewLabel", "x"}});
  EXPECT_EQ(status_of(v2_style), 400);
  auto r = mock.put_json(kV3 + "/tables/T1/fields/A", {{"Name", "B"}, {"Label", "Bee"}});
  EXPECT_EQ(status_of(r), 204);
  EXPECT_TRUE(r->body.empty());
  auto field = body_of(mock.get(kV3 + "/tables/T1/fields/B"))["Result"];
  EXPECT_EQ(field["Label"], "Bee");
  EXPECT_EQ(field["Editable"], true);
  EXPECT_EQ(status_of(mock.get(kV3 + "/tables/T1/fields/A")), 404);
  auto del = mock.del(kV3 + "/tables/T1/fields/B");
  EXPECT_EQ(status_of(del), 204);
  EXPECT_EQ(body_of(mock.get(kV3 + "/tables/T1/fields"))["Result"], json::array());
  EXPECT_EQ(status_of(mock.del(kV3 + "/tables/T1/fields/B")), 404);
}

TEST_F(V3Test, TableFieldsCarryEditableOnlyInV3) {
  auto v3 = body_of(mock.get(kV3 + "/tables/Demo_Physicians/fields"))["Result"];
  auto v2 = body_of(mock.get("/rest/v2/tables/Demo_Physicians/fields"))["Result"];
  ASSERT_EQ(v3.size(), v2.size());
  ASSERT_FALSE(v3.empty());
  EXPECT_EQ(v3[0]["Type"], "RANDOM ID");
  EXPECT_EQ(v3[0]["Editable"], false);
  for (const auto& f : v2) EXPECT_FALSE(f.contains("Editable"));
}

TEST_F(V3Test, ViewFieldsListTheViewsFieldsWithTheirTableField) {
  auto fields = body_of(mock.get(kV3 + "/views/Demo_Physicians_Active/fields"))["Result"];
  ASSERT_FALSE(fields.empty());
  for (const auto& f : fields) {
    EXPECT_EQ(f["TableFieldName"], f["Name"]);
    EXPECT_TRUE(f.contains("Editable"));
  }
  const std::string name = fields[1]["Name"];
  auto one = mock.get(kV3 + "/views/Demo_Physicians_Active/fields/" + name);
  ASSERT_EQ(status_of(one), 200);
  EXPECT_EQ(body_of(one)["Result"], fields[1]);
  EXPECT_EQ(status_of(mock.get(kV3 + "/views/Demo_Physicians_Active/fields/Nope")), 404);
  EXPECT_EQ(status_of(mock.get(kV3 + "/views/Nope/fields")), 404);
  EXPECT_EQ(status_of(mock.get("/rest/v2/views/Demo_Physicians_Active/fields/" + name)), 404);
}

TEST_F(V3Test, PaginationInfoGivesTheTotalOfEveryPage) {
  auto r = mock.get(kV3 +
                    "/tables/Demo_Physicians/records?q.pageSize=5&q.pageNumber=2&"
                    "q.getPaginationInfo=true&q.where=Gender%3D%27Female%27");
  ASSERT_EQ(status_of(r), 200);
  auto all = body_of(
      mock.get(kV3 + "/tables/Demo_Physicians/records?q.where=Gender%3D%27Female%27"))["Result"];
  auto body = body_of(r);
  EXPECT_EQ(body["Pagination"],
            json({{"TotalCount", all.size()}, {"PageNumber", 2}, {"PageSize", 5}}));
  EXPECT_FALSE(body_of(mock.get(kV3 + "/tables/Demo_Physicians/records")).contains("Pagination"));
  auto limited = body_of(
      mock.get(kV3 + "/views/Demo_Physicians_Active/records?q.limit=3&q.getPaginationInfo=TRUE"));
  EXPECT_EQ(limited["Result"].size(), 3u);
  EXPECT_EQ(limited["Pagination"]["TotalCount"], 12);
  EXPECT_EQ(limited["Pagination"]["PageNumber"], 1);
  EXPECT_EQ(limited["Pagination"]["PageSize"], 3);
  EXPECT_EQ(status_of(mock.get(kV3 + "/tables/Demo_Physicians/records?q.getPaginationInfo=yes")),
            400);
  // v2 ignores the parameter.
  EXPECT_FALSE(body_of(mock.get("/rest/v2/tables/Demo_Physicians/records?q.getPaginationInfo=true"))
                   .contains("Pagination"));
}

TEST_F(V3Test, RecordWritesShareTheDataWithV2) {
  auto post = mock.post_json(kV3 + "/tables/Demo_Users/records?response=rows",
                             {{"Name", "Ada"}, {"Email", "ada@example.com"}});
  ASSERT_EQ(status_of(post), 201) << post->body;
  const auto pk = body_of(post)["Result"][0]["PK_ID"].get<long long>();
  EXPECT_EQ(post->get_header_value("Location"),
            kV3 + "/tables/Demo_Users/records/" + std::to_string(pk));
  auto put =
      mock.put_json(kV3 + "/tables/Demo_Users/records?q.where=Email%3D%27ada%40example.com%27",
                    {{"Name", "Ada L"}});
  EXPECT_EQ(body_of(put), json::parse(R"({"RecordsAffected":1,"Result":[]})"));
  auto v2 = body_of(mock.get("/rest/v2/tables/Demo_Users/records?q.where=PK_ID%3D" +
                             std::to_string(pk)))["Result"];
  ASSERT_EQ(v2.size(), 1u);
  EXPECT_EQ(v2[0]["Name"], "Ada L");
  auto del = mock.del(kV3 + "/tables/Demo_Users/records?q.where=PK_ID%3D" + std::to_string(pk));
  EXPECT_EQ(body_of(del), json::parse(R"({"RecordsAffected":1})"));
  EXPECT_EQ(status_of(mock.del(kV3 + "/tables/Demo_Users/records")), 400);
}

TEST_F(V3Test, PasswordFieldsAnswerRecordsAffected) {
  EXPECT_EQ(body_of(mock.get(kV3 + "/tables/Demo_Users/passwordFields")),
            json::parse(R"({"Result":["Password"]})"));
  auto put = mock.put_json(kV3 + "/tables/Demo_Users/passwordFields/Password?q.where=PK_ID%3D1",
                           {{"Value", "s3cret!"}});
  EXPECT_EQ(body_of(put), json::parse(R"({"RecordsAffected":1})"));
  EXPECT_EQ(status_of(mock.del(kV3 + "/tables/Demo_Users/passwordFields/Password")), 400);
}

TEST(V3ApiSet, V2OnlyRefusesV3AndV3OnlyRefusesV2) {
  caspio::mock::ServerOptions v2_only;
  v2_only.api = caspio::mock::ApiSet::v2;
  MockHttp v2(v2_only);
  EXPECT_EQ(status_of(v2.get(kV3 + "/tables")), 404);
  EXPECT_EQ(status_of(v2.get("/rest/v2/tables")), 200);

  caspio::mock::ServerOptions v3_only;
  v3_only.api = caspio::mock::ApiSet::v3;
  MockHttp v3(v3_only);
  EXPECT_EQ(status_of(v3.get("/rest/v2/tables")), 404);
  EXPECT_EQ(status_of(v3.get("/rest/v2/files")), 404);
  EXPECT_EQ(status_of(v3.get(kV3 + "/tables")), 200);
  EXPECT_EQ(v3.server().rest_v3_url(), v3.server().base_url() + kV3);
}

}  // namespace
