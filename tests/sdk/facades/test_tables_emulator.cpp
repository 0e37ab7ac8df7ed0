// Every Tables method against the emulator: the request on the wire and the value returned.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "emulator.hpp"

using caspio::FieldDefinition;
using caspio::Query;
using caspio::ReturnRows;
using caspio::Where;
using caspio_test::Emulator;
using nlohmann::json;

namespace {

class TablesEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Tables tables = client.tables();

  caspio::mock::JournalEntry only_request() const { return emu.only_request(); }
  void forget() { emu.server().clear_journal(); }

  std::vector<FieldDefinition> things_columns() {
    FieldDefinition title("Title", "STRING");
    title.unique = false;
    title.label = "Title";
    return {title, FieldDefinition("Score", "INTEGER")};
  }
};

}  // namespace

TEST_F(TablesEmulator, Listing) {
  const auto names = tables.listing();
  for (const char* name : {"Demo_Physicians", "Demo_Users", "Demo_States_Lookup"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  const auto r = only_request();
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.target, "/rest/v2/tables");
  EXPECT_EQ(r.header("accept"), "application/json");
}

TEST_F(TablesEmulator, DescriptionAndPercentEncodedNames) {
  const auto d = tables.description("Demo_Users");
  EXPECT_EQ(d.name, "Demo_Users");
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Demo_Users");
  forget();
  try {
    tables.description("No Such/Table?x=1#y");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.code(), "ObjectNotFound");
    EXPECT_FALSE(e.info().request_id.empty());
    EXPECT_NE(e.info().resource.find("No%20Such%2FTable%3Fx%3D1%23y"), std::string::npos);
  }
  EXPECT_EQ(only_request().path, "/rest/v2/tables/No%20Such%2FTable%3Fx%3D1%23y");
}

TEST_F(TablesEmulator, CreateDefinitionAndFieldLifecycle) {
  tables.create("Sdk_Things", things_columns());
  auto r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/rest/v2/tables");
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Sdk_Things","Columns":[
              {"Name":"Title","Type":"STRING","Unique":false,"Label":"Title"},
              {"Name":"Score","Type":"INTEGER"}]})"));
  EXPECT_EQ(r.status, 201);

  forget();
  const auto fields = tables.definition("Sdk_Things");
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Sdk_Things/fields");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "Title");
  EXPECT_EQ(fields[0].type, "STRING");
  EXPECT_EQ(fields[1].name, "Score");
  EXPECT_EQ(fields[1].type, "INTEGER");

  forget();
  FieldDefinition notes("Notes", "TEXT");
  notes.label = "Notes";
  notes.description = "free text";
  tables.add_field("Sdk_Things", notes);
  r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/rest/v2/tables/Sdk_Things/fields");
  EXPECT_EQ(
      json::parse(r.body),
      json::parse(R"({"Name":"Notes","Type":"TEXT","Label":"Notes","Description":"free text"})"));

  forget();
  auto field = tables.field_definition("Sdk_Things", "Notes");
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Sdk_Things/fields/Notes");
  EXPECT_EQ(field.type, "TEXT");
  EXPECT_EQ(field.label.value_or(""), "Notes");

  forget();
  caspio::FieldUpdate change;
  change.new_label = "Remarks";
  tables.update_field_definition("Sdk_Things", "Notes", change);
  r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target, "/rest/v2/tables/Sdk_Things/fields/Notes");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"NewLabel":"Remarks"})"));
  EXPECT_EQ(tables.field_definition("Sdk_Things", "Notes").label.value_or(""), "Remarks");

  forget();
  tables.update_field_definition("Sdk_Things", "Notes", json{{"NewName", "Remarks"}});
  EXPECT_EQ(json::parse(only_request().body), json::parse(R"({"NewName":"Remarks"})"));
  EXPECT_EQ(tables.field_definition("Sdk_Things", "Remarks").type, "TEXT");

  forget();
  tables.delete_field("Sdk_Things", "Remarks");
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target, "/rest/v2/tables/Sdk_Things/fields/Remarks");
  EXPECT_THROW(tables.field_definition("Sdk_Things", "Remarks"), caspio::NotFoundError);
}

TEST_F(TablesEmulator, PasswordFields) {
  EXPECT_EQ(tables.password_fields("Demo_Users"), std::vector<std::string>{"Password"});
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Demo_Users/passwordFields");

  forget();
  const Where eddy("Email = {}", "eddy.rath@example.com");
  auto result = tables.update_password_field_value("Demo_Users", "Password", "myPassword!", eddy);
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.records_affected, 1);
  auto r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target,
            "/rest/v2/tables/Demo_Users/passwordFields/Password?q.where=Email%20%3D%20%27eddy.rath%"
            "40example.com%27");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Value":"myPassword!"})"));

  forget();
  result = tables.delete_password_field_value("Demo_Users", "Password", eddy);
  EXPECT_EQ(result.records_affected, 1);
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target,
            "/rest/v2/tables/Demo_Users/passwordFields/"
            "Password?q.where=Email%20%3D%20%27eddy.rath%40example.com%27");

  forget();
  result = tables.delete_password_field_value("Demo_Users", "Password", Where::all());
  EXPECT_EQ(result.records_affected, 12);
  EXPECT_EQ(only_request().target,
            "/rest/v2/tables/Demo_Users/passwordFields/Password?q.where=1%3D1");
}

TEST_F(TablesEmulator, GetRecordsPaginatedSendsExactlyTheQuery) {
  const auto all_default = tables.get_records_paginated("Demo_Users");
  EXPECT_EQ(all_default.size(), 12u);
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Demo_Users/records");

  forget();
  const auto admins = tables.get_records_paginated("Demo_Users", Query{}
                                                                     .select("Email, Role")
                                                                     .where("Role = {}", "Admin")
                                                                     .order_by("Email")
                                                                     .page_size(5)
                                                                     .page_number(1));
  const auto r = only_request();
  EXPECT_EQ(r.target,
            "/rest/v2/tables/Demo_Users/records?q.select=Email%2C%20Role&q.where=Role%20%3D%20%"
            "27Admin%27&q.orderBy=Email&q.pageNumber=1&q.pageSize=5");
  ASSERT_EQ(admins.size(), 4u);
  EXPECT_EQ(admins[0], json::parse(R"({"Email":"alice.monroe@example.com","Role":"Admin"})"));
  EXPECT_TRUE(std::is_sorted(admins.begin(), admins.end(), [](const json& a, const json& b) {
    return a["Email"].get<std::string>() < b["Email"].get<std::string>();
  }));

  forget();
  EXPECT_EQ(tables.get_records_paginated("Demo_Users", Query{}.limit(3).order_by("Name")).size(),
            3u);
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Demo_Users/records?q.orderBy=Name&q.limit=3");
}

TEST_F(TablesEmulator, GetRecordsAndLazyRecords) {
  const auto users = tables.get_records("Demo_Users", Query{}.where("Active = {}", true));
  EXPECT_EQ(only_request().target,
            "/rest/v2/tables/Demo_Users/records?q.where=Active%20%3D%201&q.orderBy=PK_ID&q."
            "pageNumber=1&q.pageSize=1000");
  EXPECT_EQ(users.size(), 8u);
  for (const auto& u : users) EXPECT_EQ(u["Active"], true);
  EXPECT_FALSE(users[0].contains("Password"));

  forget();
  auto range = tables.records("Demo_Users", Query{}.select("Email"));
  EXPECT_TRUE(emu.requests().empty());  // lazy: nothing until begin()
  std::size_t n = 0;
  for (const auto& row : range) n += row.contains("Email") ? 1 : 0;
  EXPECT_EQ(n, 12u);
  EXPECT_EQ(emu.requests().size(), 1u);
}

TEST_F(TablesEmulator, CreateUpdateDeleteRecords) {
  const std::string email = "osment.sdk@example.com";
  auto created =
      tables.create_record("Demo_Users", {{"Name", "Osment"}, {"Email", email}}, ReturnRows::yes);
  auto r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/rest/v2/tables/Demo_Users/records?response=rows");
  EXPECT_EQ(json::parse(r.body),
            json::parse(R"({"Name":"Osment","Email":"osment.sdk@example.com"})"));
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(created.records_affected, 1);
  ASSERT_EQ(created.rows.size(), 1u);
  EXPECT_EQ(created.rows[0]["Name"], "Osment");
  EXPECT_EQ(created.rows[0]["User_ID"].get<std::string>().size(), 8u);  // RANDOM ID generated

  forget();
  created = tables.create_record("Demo_Users", {{"Name", "O'Brien"}, {"Email", "ob@example.com"}});
  EXPECT_EQ(only_request().target, "/rest/v2/tables/Demo_Users/records");
  EXPECT_EQ(created.status, 201);
  EXPECT_TRUE(created.rows.empty());
  EXPECT_EQ(tables.get_records("Demo_Users", Query{}.where("Name = {}", "O'Brien")).size(), 1u);

  forget();
  auto updated = tables.update_records("Demo_Users", Where("Email = {}", email),
                                       {{"Name", "Osment Jr"}}, ReturnRows::yes);
  r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target,
            "/rest/v2/tables/Demo_Users/records?q.where=Email%20%3D%20%27osment.sdk%40example.com%"
            "27&response=rows");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Osment Jr"})"));
  EXPECT_EQ(updated.status, 200);
  EXPECT_EQ(updated.records_affected, 1);
  ASSERT_EQ(updated.rows.size(), 1u);
  EXPECT_EQ(updated.rows[0]["Name"], "Osment Jr");

  forget();
  updated = tables.update_records("Demo_Users", Where("Email = {}", "nobody@example.com"),
                                  {{"Name", "x"}});
  EXPECT_EQ(updated.records_affected, 0);
  EXPECT_TRUE(updated.rows.empty());

  forget();
  const auto deleted = tables.delete_records("Demo_Users", Where("Email = {}", email));
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target,
            "/rest/v2/tables/Demo_Users/records?q.where=Email%20%3D%20%27osment.sdk%40example.com%"
            "27");
  EXPECT_EQ(deleted.records_affected, 1);
  EXPECT_TRUE(tables.get_records("Demo_Users", Query{}.where("Email = {}", email)).empty());
}

TEST_F(TablesEmulator, WhereAllIsTheOnlyWayToTouchEveryRow) {
  tables.create("Sdk_Things", things_columns());
  for (int i = 0; i < 3; ++i) tables.create_record("Sdk_Things", {{"Title", "t"}, {"Score", i}});
  forget();
  EXPECT_THROW(tables.delete_records("Sdk_Things", Where{}), caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
  EXPECT_EQ(tables.update_records("Sdk_Things", Where::all(), {{"Title", "u"}}).records_affected,
            3);
  EXPECT_EQ(emu.requests().back().target, "/rest/v2/tables/Sdk_Things/records?q.where=1%3D1");
  EXPECT_EQ(tables.delete_records("Sdk_Things", Where::all()).records_affected, 3);
  EXPECT_TRUE(tables.get_records("Sdk_Things").empty());
}

TEST_F(TablesEmulator, CaspioRefusalsBecomeTypedErrors) {
  try {
    tables.get_records("No_Such_Table");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.info().method, "GET");
  }
  try {
    tables.get_records_paginated("Demo_Users", Query{}.where("No_Column = 1"));
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.code(), "SqlServerError");
  }
  try {  // Email is unique
    tables.create_record("Demo_Users", {{"Name", "Dup"}, {"Email", "eddy.rath@example.com"}});
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.info().attempts, 1);  // POST is never repeated
  }
}
