// The Tables and Views facades over REST v3 (ClientOptions::api_version) against the emulator:
// the v3 path, query and body on the wire, the values returned, and what v2 refuses up front.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "emulator.hpp"

using caspio::ApiVersion;
using caspio::FieldDefinition;
using caspio::InvalidArgumentError;
using caspio::Query;
using caspio::ReturnRows;
using caspio::Where;
using caspio_test::Emulator;
using nlohmann::json;

namespace {

const std::string kV3 = "/integrations/rest/v3";

caspio::ClientOptions v3_options(Emulator& emu) {
  caspio::ClientOptions o = emu.options();
  o.api_version = ApiVersion::v3;
  o.base_url = emu.server().rest_v3_url();
  return o;
}

class V3Emulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client{emu.credentials(), v3_options(emu)};
  caspio::Tables tables = client.tables();
  caspio::Views views = client.views();

  caspio::mock::JournalEntry only_request() const {
    const auto sent = emu.requests(kV3);
    EXPECT_EQ(sent.size(), 1u);
    return sent.empty() ? caspio::mock::JournalEntry{} : sent.back();
  }
  void forget() { emu.server().clear_journal(); }
};

}  // namespace

TEST_F(V3Emulator, ListingAndDescriptionUseTheV3Base) {
  const auto names = tables.listing();
  EXPECT_NE(std::find(names.begin(), names.end(), "Demo_Users"), names.end());
  EXPECT_EQ(only_request().target, kV3 + "/tables");
  forget();
  EXPECT_EQ(views.description("Demo_Physicians_Active").name, "Demo_Physicians_Active");
  EXPECT_EQ(only_request().target, kV3 + "/views/Demo_Physicians_Active");
  EXPECT_TRUE(emu.requests("/rest/v2").empty());
}

TEST_F(V3Emulator, CreateSendsFieldsNotColumns) {
  FieldDefinition title("Title", "STRING");
  title.label = "Title";
  // A space is not valid in a table name: the emulator refuses it after the body was sent.
  EXPECT_THROW(tables.create("Sdk V3", {title, FieldDefinition("Score", "INTEGER")}),
               caspio::ApiError);
  auto r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, kV3 + "/tables");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Sdk V3","Fields":[
              {"Name":"Title","Type":"STRING","Label":"Title"},{"Name":"Score","Type":"INTEGER"}]})"));
  EXPECT_EQ(r.status, 400);
}

TEST_F(V3Emulator, TableDesignLifecycle) {
  tables.create("Sdk_V3",
                {FieldDefinition("Title", "STRING"), FieldDefinition("Score", "INTEGER")});
  auto r = only_request();
  EXPECT_EQ(json::parse(r.body)["Fields"].size(), 2u);
  EXPECT_EQ(r.status, 201);

  forget();
  const auto fields = tables.definition("Sdk_V3");
  EXPECT_EQ(only_request().target, kV3 + "/tables/Sdk_V3/fields");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].editable, true);

  forget();
  caspio::FieldUpdate change;
  change.new_name = "Heading";
  change.new_label = "Heading";
  tables.update_field_definition("Sdk_V3", "Title", change);
  r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target, kV3 + "/tables/Sdk_V3/fields/Title");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Heading","Label":"Heading"})"));
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(tables.field_definition("Sdk_V3", "Heading").label.value_or(""), "Heading");

  // The JSON overload takes the v2 New* keys and the v3 plain keys; v3 gets plain keys.
  forget();
  tables.update_field_definition("Sdk_V3", "Heading", json{{"NewDescription", "d1"}});
  EXPECT_EQ(json::parse(only_request().body), json::parse(R"({"Description":"d1"})"));
  forget();
  tables.update_field_definition("Sdk_V3", "Heading", json{{"Description", "d2"}});
  EXPECT_EQ(json::parse(only_request().body), json::parse(R"({"Description":"d2"})"));
  EXPECT_EQ(tables.field_definition("Sdk_V3", "Heading").description.value_or(""), "d2");
  forget();
  EXPECT_THROW(tables.update_field_definition("Sdk_V3", "Heading", json{{"Colour", "red"}}),
               InvalidArgumentError);
  EXPECT_THROW(tables.update_field_definition("Sdk_V3", "Heading", caspio::FieldUpdate{}),
               InvalidArgumentError);
  EXPECT_TRUE(emu.requests(kV3).empty());

  tables.delete_field("Sdk_V3", "Heading");
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target, kV3 + "/tables/Sdk_V3/fields/Heading");
  EXPECT_EQ(r.status, 204);
  EXPECT_THROW(tables.field_definition("Sdk_V3", "Heading"), caspio::NotFoundError);
}

TEST_F(V3Emulator, ViewFieldsWithPercentEncodedNames) {
  const auto fields = views.definition("Demo_Physicians_Active");
  EXPECT_EQ(only_request().target, kV3 + "/views/Demo_Physicians_Active/fields");
  ASSERT_FALSE(fields.empty());
  for (const auto& f : fields) {
    EXPECT_EQ(f.table_field_name.value_or(""), f.name);
    EXPECT_TRUE(f.editable.has_value());
  }
  forget();
  const auto last = views.field_definition("Demo_Physicians_Active", "Last_Name");
  EXPECT_EQ(only_request().target, kV3 + "/views/Demo_Physicians_Active/fields/Last_Name");
  EXPECT_EQ(last.type, "STRING");
  forget();
  EXPECT_THROW(views.field_definition("Demo_Physicians_Active", "No Such/Field"),
               caspio::NotFoundError);
  EXPECT_EQ(only_request().path, kV3 + "/views/Demo_Physicians_Active/fields/No%20Such%2FField");
  forget();
  EXPECT_THROW(views.definition(""), InvalidArgumentError);
  EXPECT_THROW(views.field_definition("Demo_Physicians_Active", ""), InvalidArgumentError);
  EXPECT_TRUE(emu.requests(kV3).empty());
}

TEST_F(V3Emulator, CountRecordsReadsTheTotalCount) {
  EXPECT_EQ(tables.count_records("Demo_Users"), 12);
  auto r = only_request();
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.target, kV3 +
                          "/tables/Demo_Users/records?q.pageNumber=1&q.pageSize=5&"
                          "q.getPaginationInfo=true");
  forget();
  EXPECT_EQ(
      tables.count_records("Demo_Users", Query{}.where("Role = {}", "Admin").order_by("Email")), 4);
  EXPECT_EQ(only_request().target,
            kV3 +
                "/tables/Demo_Users/records?q.where=Role%20%3D%20%27Admin%27&q.pageNumber=1&"
                "q.pageSize=5&q.getPaginationInfo=true");
  forget();
  EXPECT_EQ(views.count_records("Demo_Physicians_Active"), 12);
  EXPECT_EQ(only_request().path, kV3 + "/views/Demo_Physicians_Active/records");
  forget();
  EXPECT_THROW(tables.count_records("Demo_Users", Query{}.limit(3)), InvalidArgumentError);
  EXPECT_THROW(tables.count_records("Demo_Users", Query{}.page_size(5)), InvalidArgumentError);
  EXPECT_THROW(tables.count_records(""), InvalidArgumentError);
  EXPECT_TRUE(emu.requests(kV3).empty());
}

TEST_F(V3Emulator, RecordReadsAndWrites) {
  const auto rows = tables.get_records("Demo_Users", Query{}.where("Active = {}", true));
  EXPECT_EQ(rows.size(), 8u);
  EXPECT_EQ(only_request().target,
            kV3 +
                "/tables/Demo_Users/records?q.where=Active%20%3D%201&q.orderBy=PK_ID&q."
                "pageNumber=1&q.pageSize=1000");
  forget();
  EXPECT_EQ(tables.get_records_paginated("Demo_Users", Query{}.limit(3)).size(), 3u);
  EXPECT_EQ(only_request().target, kV3 + "/tables/Demo_Users/records?q.limit=3");

  forget();
  auto created = tables.create_record(
      "Demo_Users", json{{"Name", "Ada"}, {"Email", "ada@example.com"}}, ReturnRows::yes);
  auto r = only_request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, kV3 + "/tables/Demo_Users/records?response=rows");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Ada","Email":"ada@example.com"})"));
  ASSERT_EQ(created.rows.size(), 1u);
  EXPECT_EQ(created.rows[0]["Name"], "Ada");

  forget();
  auto updated = tables.update_records("Demo_Users", Where("Email = {}", "ada@example.com"),
                                       json{{"Name", "Ada L"}});
  EXPECT_EQ(updated.records_affected, 1);
  r = only_request();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target,
            kV3 + "/tables/Demo_Users/records?q.where=Email%20%3D%20%27ada%40example.com%27");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"Name":"Ada L"})"));

  forget();
  auto via_view = views.update_records("Demo_Physicians_Active", Where("PK_ID = {}", 1),
                                       json{{"Last_Name", "Hoppe"}});
  EXPECT_EQ(via_view.records_affected, 1);
  EXPECT_EQ(only_request().path, kV3 + "/views/Demo_Physicians_Active/records");

  forget();
  auto deleted = tables.delete_records("Demo_Users", Where("Email = {}", "ada@example.com"));
  EXPECT_EQ(deleted.records_affected, 1);
  r = only_request();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.target,
            kV3 + "/tables/Demo_Users/records?q.where=Email%20%3D%20%27ada%40example.com%27");

  forget();
  EXPECT_EQ(
      tables
          .update_password_field_value("Demo_Users", "Password", "s3cret!", Where("PK_ID = {}", 1))
          .records_affected,
      1);
  EXPECT_EQ(only_request().target,
            kV3 + "/tables/Demo_Users/passwordFields/Password?q.where=PK_ID%20%3D%201");
}

TEST(V3Options, V2ClientRefusesV3OnlyCallsBeforeSending) {
  Emulator emu;
  caspio::Client v2 = emu.client();
  EXPECT_THROW(v2.views().definition("Demo_Physicians_Active"), InvalidArgumentError);
  EXPECT_THROW(v2.views().field_definition("Demo_Physicians_Active", "Last_Name"),
               InvalidArgumentError);
  EXPECT_THROW(v2.tables().count_records("Demo_Users"), InvalidArgumentError);
  EXPECT_THROW(v2.views().count_records("Demo_Physicians_Active"), InvalidArgumentError);
  try {
    v2.views().definition("Demo_Physicians_Active");
  } catch (const InvalidArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find("REST v3"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(emu.requests("/rest").empty());
  EXPECT_TRUE(emu.requests("/integrations").empty());
}

TEST(V3Options, BaseUrlMustMatchTheVersion) {
  Emulator emu;
  caspio::ClientOptions o = emu.options();  // a /rest/v2 base
  o.api_version = ApiVersion::v3;
  EXPECT_THROW(caspio::Client(emu.credentials(), o), InvalidArgumentError);
  caspio::ClientOptions v2 = emu.options();
  v2.base_url = emu.server().base_url() + "/integrations/rest/v3";
  v2.api_version = ApiVersion::v2;
  EXPECT_THROW(caspio::Client(emu.credentials(), v2), InvalidArgumentError);

  caspio::ClientOptions derived;
  derived.api_version = ApiVersion::v3;
  EXPECT_EQ(caspio::Client("c1abc123", "token", derived).base_url(),
            "https://c1abc123.caspio.com/integrations/rest/v3");
  EXPECT_EQ(caspio::Client(emu.credentials(), derived).base_url(),
            emu.server().base_url() + "/integrations/rest/v3");
  EXPECT_EQ(caspio::Client("c1abc123", "token").base_url(), "https://c1abc123.caspio.com/rest/v2");
  EXPECT_STREQ(caspio::api_base_path(ApiVersion::v3), "/integrations/rest/v3");
}
