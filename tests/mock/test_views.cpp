// Views over plain HTTP: listing, description, filtered projections, write-through.

#include <gtest/gtest.h>

#include "mock_http.hpp"

using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

class ViewsTest : public ::testing::Test {
 protected:
  json get(const std::string& target, int status = 200) {
    auto r = mock.get(target);
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, status) << target << " → " << r->body;
    return r->body.empty() ? json() : json::parse(r->body);
  }
  json view(const std::string& name, const std::string& query = "") {
    return get("/rest/v2/views/" + name + "/records" +
               (query.empty() ? "" : "?" + query))["Result"];
  }
  json table(const std::string& name, const std::string& query = "") {
    return get("/rest/v2/tables/" + name + "/records" +
               (query.empty() ? "" : "?" + query))["Result"];
  }

  MockHttp mock;
};

TEST_F(ViewsTest, ListsAndDescribesViews) {
  EXPECT_EQ(get("/rest/v2/views"),
            json::parse(R"({"Result":["Demo_Admins_Active","Demo_Physicians_Active",
                                      "Demo_Physicians_Published"]})"));
  EXPECT_EQ(get("/rest/v2/views/demo_physicians_active"),
            json::parse(R"({"Result":{"Name":"Demo_Physicians_Active","Note":""}})"));
  EXPECT_EQ(get("/rest/v2/views/Nope", 404)["Code"], "ObjectNotFound");
  EXPECT_EQ(get("/rest/v2/views/Nope/records", 404)["Code"], "ObjectNotFound");
}

TEST_F(ViewsTest, ViewFieldsDoNotExistInV2) {
  auto r = mock.get("/rest/v2/views/Demo_Physicians_Active/fields");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(ViewsTest, RecordsAreTheFilteredProjectionWithStringPkIds) {
  auto rows = view("Demo_Physicians_Active");
  ASSERT_EQ(rows.size(), 12u);
  for (const auto& row : rows) {
    EXPECT_TRUE(row["PK_ID"].is_string());
    EXPECT_EQ(row["Account_Status"], true);
    EXPECT_FALSE(row.contains("Password"));
  }
  EXPECT_EQ(rows[0]["PK_ID"], "1");
  EXPECT_EQ(rows[0]["Full_Name"], "Lelah Hoppe");
  EXPECT_EQ(rows[0]["Specialties"]["3"], "Family Medicine");
  EXPECT_EQ(view("Demo_Physicians_Published").size(), 10u);
}

TEST_F(ViewsTest, SeedLimitOneExampleIsLelahHoppe) {
  auto r = mock.get("/rest/v2/views/Demo_Physicians_Active/records?q.limit=1");
  ASSERT_TRUE(r);
  // Keys come in the view's field order.
  EXPECT_NE(r->body.find(R"({"PK_ID":"1","Physician_ID":"6T2C9HW8","Date_Created":)"
                         R"("2020-10-07T04:54:19","First_Name":"Lelah","Last_Name":"Hoppe",)"
                         R"("Full_Name":"Lelah Hoppe","Gender":"Other")"),
            std::string::npos)
      << r->body;
}

TEST_F(ViewsTest, AdminsActiveShowsOnlyActiveAdmins) {
  auto rows = view("Demo_Admins_Active");
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    EXPECT_EQ(row["Role"], "Admin");
    EXPECT_EQ(row["Active"], true);
    EXPECT_FALSE(row.contains("Password"));
  }
}

TEST_F(ViewsTest, QueryParametersApplyWithinTheView) {
  EXPECT_EQ(view("Demo_Physicians_Active", "q.where=" + enc("Office_State = 'TX'")).size(), 1u);
  EXPECT_EQ(view("Demo_Physicians_Active", "q.where=" + enc("PK_ID = '4'")).size(), 1u);
  auto paged = view("Demo_Physicians_Active", "q.pageSize=5&q.pageNumber=3");
  ASSERT_EQ(paged.size(), 2u);
  EXPECT_EQ(view("Demo_Physicians_Active", "q.pageSize=5&q.pageNumber=4").size(), 0u);
  auto counted = view("Demo_Physicians_Active", "q.select=" + enc("COUNT(*) AS n") +
                                                    "&q.where=" + enc("Office_State = 'MI'"));
  EXPECT_EQ(counted, json::parse(R"([{"n":2}])"));
  auto escape =
      get("/rest/v2/views/Demo_Admins_Active/records?q.where=" + enc("1=1) OR (1=1"), 400);
  EXPECT_EQ(escape["Code"], "SqlServerError");
  auto password =
      get("/rest/v2/views/Demo_Admins_Active/records?q.where=" + enc("Password IS NULL"), 400);
  EXPECT_EQ(password["Code"], "IncorrectQueryParameter");
}

TEST_F(ViewsTest, PostWritesThroughAndRowsMayBeEmptyOutsideTheView) {
  auto inside = mock.post_json("/rest/v2/views/Demo_Physicians_Active/records?response=rows",
                               {{"First_Name", "Oscar"},
                                {"Last_Name", "Martinez"},
                                {"Email", "oscar@example.com"},
                                {"Account_Status", true}});
  ASSERT_TRUE(inside);
  ASSERT_EQ(inside->status, 201);
  auto made = MockHttp::json(inside)["Result"];
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0]["PK_ID"], "16");
  EXPECT_EQ(made[0]["Full_Name"], "Oscar Martinez");
  EXPECT_TRUE(made[0]["Date_Created"].is_null());

  auto outside = mock.post_json("/rest/v2/views/Demo_Physicians_Active/records?response=rows",
                                {{"First_Name", "Jim"},
                                 {"Last_Name", "Halpert"},
                                 {"Email", "jim@example.com"},
                                 {"Account_Status", false}});
  ASSERT_TRUE(outside);
  ASSERT_EQ(outside->status, 201);
  EXPECT_EQ(MockHttp::json(outside), json::parse(R"({"Result":[]})"));
  EXPECT_EQ(table("Demo_Physicians", "q.where=" + enc("Email = 'jim@example.com'")).size(), 1u);

  auto plain = mock.post_json("/rest/v2/views/Demo_Admins_Active/records",
                              {{"Name", "New Admin"}, {"Role", "Admin"}, {"Active", true}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 201);
  EXPECT_TRUE(plain->body.empty());
  EXPECT_EQ(view("Demo_Admins_Active").size(), 3u);
}

TEST_F(ViewsTest, PutAffectsOnlyRowsTheViewShows) {
  auto r = mock.put_json(
      "/rest/v2/views/Demo_Admins_Active/records?response=rows&q.where=" + enc("1 = 1"),
      {{"Name", "Renamed"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto body = MockHttp::json(r);
  EXPECT_EQ(body["RecordsAffected"], 2);
  ASSERT_EQ(body["Result"].size(), 2u);
  EXPECT_TRUE(body["Result"][0]["PK_ID"].is_string());
  EXPECT_EQ(table("Demo_Users", "q.where=" + enc("Name = 'Renamed'")).size(), 2u);

  // Rows that leave the view are counted but not returned.
  auto leave =
      mock.put_json("/rest/v2/views/Demo_Physicians_Active/records?response=rows&q.where=" +
                        enc("Email = 'lelah.hoppe@example.com'"),
                    {{"Account_Status", false}});
  ASSERT_EQ(leave->status, 200);
  EXPECT_EQ(MockHttp::json(leave), json::parse(R"({"RecordsAffected":1,"Result":[]})"));
}

TEST_F(ViewsTest, DeleteAffectsOnlyRowsTheViewShows) {
  auto r = mock.del("/rest/v2/views/Demo_Physicians_Published/records?q.where=" +
                    enc("Office_State = 'TX'"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(MockHttp::json(r), json::parse(R"({"RecordsAffected":1})"));
  auto left = table("Demo_Physicians", "q.where=" + enc("Office_State = 'TX'"));
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0]["Profile_Status"], false);
  auto missing = mock.del("/rest/v2/views/Demo_Physicians_Published/records?q.where=");
  EXPECT_EQ(missing->status, 400);
}

TEST_F(ViewsTest, WritesRefuseFieldsOutsideTheTableAndReadOnlyFields) {
  auto unknown = mock.post_json("/rest/v2/views/Demo_Admins_Active/records", {{"Nope", 1}});
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(MockHttp::json(unknown)["Code"], "FieldNotFound");
  auto ro =
      mock.put_json("/rest/v2/views/Demo_Admins_Active/records?q.where=1%3D1", {{"User_ID", "X"}});
  EXPECT_EQ(ro->status, 400);
  auto pk = mock.post_json("/rest/v2/views/Demo_Admins_Active/records", {{"PK_ID", "3"}});
  EXPECT_EQ(pk->status, 400);
}

}  // namespace
