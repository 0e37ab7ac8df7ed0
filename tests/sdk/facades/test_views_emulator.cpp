// Every Views method against the emulator: the request on the wire and the value returned.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "emulator.hpp"

using caspio::Query;
using caspio::ReturnRows;
using caspio::Where;
using caspio_test::Emulator;
using nlohmann::json;

namespace {

class ViewsEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Views views = client.views();

  caspio::mock::JournalEntry only_request() const { return emu.only_request(); }
  void forget() { emu.server().clear_journal(); }
};

}  // namespace

TEST_F(ViewsEmulator, ListingAndDescription) {
  const auto names = views.listing();
  EXPECT_EQ(only_request().target, "/rest/v2/views");
  for (const char* name :
       {"Demo_Admins_Active", "Demo_Physicians_Active", "Demo_Physicians_Published"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  forget();
  EXPECT_EQ(views.description("Demo_Physicians_Active").name, "Demo_Physicians_Active");
  EXPECT_EQ(only_request().target, "/rest/v2/views/Demo_Physicians_Active");
  EXPECT_THROW(views.description("No_Such_View"), caspio::NotFoundError);
}

TEST_F(ViewsEmulator, ReadsFetchAllPaginatedAndLazy) {
  const auto active = views.get_records("Demo_Admins_Active");
  EXPECT_EQ(only_request().target,
            "/rest/v2/views/Demo_Admins_Active/records?q.orderBy=PK_ID&q.pageNumber=1&q.pageSize="
            "1000");
  ASSERT_FALSE(active.empty());
  for (const auto& row : active) {
    EXPECT_EQ(row["Role"], "Admin");
    EXPECT_EQ(row["Active"], true);
  }

  forget();
  const auto page = views.get_records_paginated(
      "Demo_Physicians_Active", Query{}.select("First_Name, Email").order_by("Email").limit(5));
  EXPECT_EQ(only_request().target,
            "/rest/v2/views/Demo_Physicians_Active/records?q.select=First_Name%2C%20Email&q."
            "orderBy=Email&q.limit=5");
  EXPECT_LE(page.size(), 5u);
  ASSERT_FALSE(page.empty());
  EXPECT_EQ(page[0].size(), 2u);

  forget();
  auto range = views.records("Demo_Physicians_Published", Query{}.select("Email"));
  EXPECT_TRUE(emu.requests().empty());
  std::size_t n = 0;
  for (const auto& row : range) n += row.contains("Email") ? 1 : 0;
  EXPECT_EQ(n, views.get_records("Demo_Physicians_Published").size());
}

TEST_F(ViewsEmulator, WritesThroughASingleTableView) {
  const std::string email = "oscar.sdk.view@example.com";
  auto created = views.create_record("Demo_Physicians_Active",
                                     {{"First_Name", "Oscar"},
                                      {"Last_Name", "Martinez"},
                                      {"Email", email},
                                      {"Account_Status", true}},
                                     ReturnRows::yes);
  auto r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/rest/v2/views/Demo_Physicians_Active/records?response=rows");
  EXPECT_EQ(created.status, 201);
  ASSERT_EQ(created.rows.size(), 1u);
  EXPECT_EQ(created.rows[0]["First_Name"], "Oscar");

  forget();
  const auto hidden = views.create_record(
      "Demo_Physicians_Active",
      {{"First_Name", "Jim"}, {"Email", "jim.sdk.view@example.com"}, {"Account_Status", false}},
      ReturnRows::yes);
  EXPECT_EQ(hidden.status, 201);
  EXPECT_TRUE(hidden.rows.empty());  // created in the table, outside the view's filter

  forget();
  const auto updated = views.update_records("Demo_Physicians_Active", Where("Email = {}", email),
                                            {{"Profile_Status", false}}, ReturnRows::yes);
  r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target,
            "/rest/v2/views/Demo_Physicians_Active/records?q.where=Email%20%3D%20%27oscar.sdk."
            "view%40example.com%27&response=rows");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Profile_Status":false})"));
  EXPECT_EQ(updated.records_affected, 1);
  ASSERT_EQ(updated.rows.size(), 1u);
  EXPECT_EQ(updated.rows[0]["Profile_Status"], false);

  forget();
  const auto deleted = views.delete_records("Demo_Physicians_Active", Where("Email = {}", email));
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target,
            "/rest/v2/views/Demo_Physicians_Active/records?q.where=Email%20%3D%20%27oscar.sdk."
            "view%40example.com%27");
  EXPECT_EQ(deleted.records_affected, 1);
  EXPECT_THROW(views.delete_records("Demo_Physicians_Active", Where{}),
               caspio::InvalidArgumentError);
}
