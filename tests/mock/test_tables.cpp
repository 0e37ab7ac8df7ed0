// Table design over plain HTTP: tables, fields (list, get, add, update, delete), password fields.

#include <gtest/gtest.h>

#include <regex>

#include "mock_http.hpp"

using caspio::mock::ServerOptions;
using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

class TablesTest : public ::testing::Test {
 protected:
  json get(const std::string& target, int status = 200) {
    auto r = mock.get(target);
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, status) << target << " → " << r->body;
    return r->body.empty() ? json() : json::parse(r->body);
  }
  int post(const std::string& target, const json& body) {
    auto r = mock.post_json(target, body);
    EXPECT_TRUE(r);
    return r ? r->status : 0;
  }
  int put(const std::string& target, const json& body) {
    auto r = mock.put_json(target, body);
    EXPECT_TRUE(r);
    return r ? r->status : 0;
  }
  json field_named(const std::string& table, const std::string& name) {
    auto fields = get("/rest/v2/tables/" + table + "/fields");
    for (const auto& f : fields["Result"]) {
      if (f["Name"] == name) return f;
    }
    return {};
  }
  void create_pets() {
    json columns = json::array(
        {{{"Name", "Pet_ID"}, {"Type", "AUTONUMBER"}, {"Unique", true}},
         {{"Name", "Invoice"},
          {"Type", "PREFIXED AUTONUMBER"},
          {"Unique", true},
          {"Format", "001"},
          {"Prefix", "INV-"}},
         {{"Name", "Tag"}, {"Type", "GUID"}, {"Unique", true}},
         {{"Name", "Code"},
          {"Type", "RANDOM ID"},
          {"Unique", true},
          {"Format", "U"},
          {"Length", 6}},
         {{"Name", "Name"}, {"Type", "STRING"}, {"Unique", true}},
         {{"Name", "Kind"}, {"Type", "LIST-STRING"}, {"ListField", {"Cat", "Dog", "Frog"}}},
         {{"Name", "Weights"}, {"Type", "LIST-NUMBER"}, {"ListField", {15, 21}}},
         {{"Name", "Born"}, {"Type", "DATE/TIME"}},
         {{"Name", "Legs"}, {"Type", "INTEGER"}},
         {{"Name", "Price"}, {"Type", "CURRENCY"}},
         {{"Name", "Stamp"}, {"Type", "TIMESTAMP"}, {"OnInsert", true}, {"OnUpdate", true}},
         {{"Name", "Secret"}, {"Type", "PASSWORD"}}});
    ASSERT_EQ(post("/rest/v2/tables", {{"Name", "Pets"}, {"Columns", columns}}), 201);
  }

  MockHttp mock;
};

TEST_F(TablesTest, ListsTheDemoTables) {
  EXPECT_EQ(get("/rest/v2/tables"),
            json::parse(R"({"Result":["Demo_Physicians","Demo_States_Lookup","Demo_Users"]})"));
}

TEST_F(TablesTest, DescribesATableCaseInsensitively) {
  EXPECT_EQ(get("/rest/v2/tables/demo_USERS"),
            json::parse(R"({"Result":{"Name":"Demo_Users","Note":""}})"));
  EXPECT_EQ(get("/rest/v2/tables/Nope", 404)["Code"], "ObjectNotFound");
}

TEST_F(TablesTest, DeletingATableIs405) {
  auto r = mock.del("/rest/v2/tables/Demo_Users");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users")["Result"]["Name"], "Demo_Users");
}

TEST_F(TablesTest, FieldDefinitionsHaveOnlyTheKeysThatApply) {
  auto fields = get("/rest/v2/tables/Demo_Users/fields")["Result"];
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0], json::parse(R"({"Format":"0U","Prefix":"","Length":8,"Name":"User_ID",
      "Type":"RANDOM ID","Unique":true,"Description":"","DisplayOrder":1,"Label":"",
      "UniqueAllowNulls":false,"IsFormula":false})"));
  EXPECT_EQ(fields[1], json::parse(R"({"Name":"Name","Type":"STRING","Unique":false,
      "Description":"","DisplayOrder":2,"Label":"","UniqueAllowNulls":false,"IsFormula":false})"));
  EXPECT_EQ(fields[3]["Type"], "PASSWORD");
  for (const auto& f : fields) EXPECT_NE(f["Name"], "PK_ID");

  auto physicians = get("/rest/v2/tables/Demo_Physicians/fields")["Result"];
  ASSERT_EQ(physicians.size(), 26u);
  auto specialties = field_named("Demo_Physicians", "Specialties");
  EXPECT_EQ(specialties["Type"], "LIST-STRING");
  EXPECT_EQ(specialties["ListField"]["1"], "Allergy and Immunology");
  EXPECT_EQ(specialties["ListField"]["14"], "Surgery");
  EXPECT_EQ(field_named("Demo_Physicians", "Full_Name")["IsFormula"], true);
  EXPECT_EQ(field_named("Demo_Physicians", "Physician_ID")["Label"],
            "Unique, primary key to identify each row in the table");
  EXPECT_EQ(field_named("Demo_States_Lookup", "State_ID")["Type"], "AUTONUMBER");
  EXPECT_FALSE(field_named("Demo_Users", "Name").contains("ListField"));
}

TEST_F(TablesTest, GetsOneFieldCaseInsensitively) {
  auto f = get("/rest/v2/tables/Demo_Users/fields/email")["Result"];
  EXPECT_EQ(f["Name"], "Email");
  EXPECT_EQ(f["Unique"], true);
  EXPECT_EQ(f["DisplayOrder"], 3);
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields/Nope", 404)["Code"], "ObjectNotFound");
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields/PK_ID", 404)["Code"], "ObjectNotFound");
  EXPECT_EQ(get("/rest/v2/tables/Nope/fields", 404)["Code"], "ObjectNotFound");
}

TEST_F(TablesTest, CreatesATableFromColumns) {
  create_pets();
  EXPECT_EQ(get("/rest/v2/tables")["Result"].size(), 4u);
  EXPECT_EQ(get("/rest/v2/tables/pets")["Result"], json::parse(R"({"Name":"Pets","Note":""})"));
  auto fields = get("/rest/v2/tables/Pets/fields")["Result"];
  ASSERT_EQ(fields.size(), 12u);
  EXPECT_EQ(fields[1], json::parse(R"({"Format":"001","Prefix":"INV-","Name":"Invoice",
      "Type":"PREFIXED AUTONUMBER","Unique":true,"Description":"","DisplayOrder":2,"Label":"",
      "UniqueAllowNulls":false,"IsFormula":false})"));
  EXPECT_EQ(fields[5]["ListField"], json::parse(R"({"1":"Cat","2":"Dog","3":"Frog"})"));
  EXPECT_EQ(fields[6]["ListField"], json::parse(R"({"1":15,"2":21})"));
  EXPECT_EQ(fields[10]["OnUpdate"], true);
  EXPECT_TRUE(fields[10].contains("TimeZone"));
}

TEST_F(TablesTest, CreateTableRefusals) {
  create_pets();
  json one = json::array({{{"Name", "A"}, {"Type", "STRING"}}});
  auto dup = mock.post_json("/rest/v2/tables", {{"Name", "PETS"}, {"Columns", one}});
  EXPECT_EQ(dup->status, 400);
  auto fields = mock.post_json("/rest/v2/tables", {{"Name", "Other"}, {"Fields", one}});
  EXPECT_EQ(fields->status, 400);
  EXPECT_EQ(MockHttp::json(fields)["Code"], "IncorrectBodyParameter");
  EXPECT_EQ(post("/rest/v2/tables", {{"Name", "1bad"}, {"Columns", one}}), 400);
  EXPECT_EQ(post("/rest/v2/tables", {{"Name", "No Spaces"}, {"Columns", one}}), 400);
  EXPECT_EQ(post("/rest/v2/tables", {{"Name", "NoColumns"}}), 400);
  EXPECT_EQ(post("/rest/v2/tables",
                 {{"Name", "BadType"}, {"Columns", {{{"Name", "A"}, {"Type", "BLOB"}}}}}),
            400);
  EXPECT_EQ(post("/rest/v2/tables", {{"Name", "AutoNotUnique"},
                                     {"Columns", {{{"Name", "A"}, {"Type", "AUTONUMBER"}}}}}),
            400);
  EXPECT_EQ(post("/rest/v2/tables",
                 {{"Name", "Pk"}, {"Columns", {{{"Name", "PK_ID"}, {"Type", "INTEGER"}}}}}),
            400);
  EXPECT_EQ(get("/rest/v2/tables")["Result"].size(), 4u);
}

TEST_F(TablesTest, GeneratedAndStampedValuesOnCreatedTable) {
  create_pets();
  auto first =
      mock.post_json("/rest/v2/tables/Pets/records?response=rows", {{"Name", "Rex"},
                                                                    {"Kind", {2}},
                                                                    {"Weights", {"1", "2"}},
                                                                    {"Born", "2019-01-20"},
                                                                    {"Legs", 4},
                                                                    {"Price", 12.3456},
                                                                    {"Secret", "pw"}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto second = mock.post_json("/rest/v2/tables/Pets/records?response=rows", {{"Name", "Tom"}});
  ASSERT_EQ(second->status, 201);
  auto a = MockHttp::json(first)["Result"][0];
  auto b = MockHttp::json(second)["Result"][0];
  EXPECT_EQ(a["PK_ID"], 1);
  EXPECT_EQ(a["Pet_ID"], 1);
  EXPECT_EQ(b["Pet_ID"], 2);
  EXPECT_EQ(a["Invoice"], "INV-001");
  EXPECT_EQ(b["Invoice"], "INV-002");
  EXPECT_TRUE(std::regex_match(a["Tag"].get<std::string>(),
                               std::regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                          "[0-9a-f]{12}$")));
  EXPECT_TRUE(std::regex_match(a["Code"].get<std::string>(), std::regex("^[A-Z]{6}$")));
  EXPECT_TRUE(std::regex_match(a["Stamp"].get<std::string>(),
                               std::regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$")));
  EXPECT_EQ(a["Kind"], json::parse(R"({"2":"Dog"})"));
  EXPECT_EQ(a["Weights"], json::parse(R"({"1":15,"2":21})"));
  EXPECT_EQ(a["Born"], "2019-01-20T00:00:00");
  EXPECT_EQ(a["Legs"], 4);
  EXPECT_DOUBLE_EQ(a["Price"].get<double>(), 12.3456);
  EXPECT_FALSE(a.contains("Secret"));
  EXPECT_TRUE(b["Kind"].is_null());
  EXPECT_TRUE(b["Legs"].is_null());

  for (const char* field : {"Pet_ID", "Invoice", "Tag", "Code", "Stamp"}) {
    EXPECT_EQ(post("/rest/v2/tables/Pets/records", {{"Name", "X"}, {field, "1"}}), 400) << field;
  }
  EXPECT_EQ(post("/rest/v2/tables/Pets/records", {{"Name", "rex"}}), 400);  // unique, any case
  EXPECT_EQ(post("/rest/v2/tables/Pets/records", {{"Legs", 2.5}}), 400);
  EXPECT_EQ(post("/rest/v2/tables/Pets/records", {{"Name", std::string(256, 'x')}}), 400);
}

TEST_F(TablesTest, AddsAFieldAtItsDisplayOrder) {
  ASSERT_EQ(post("/rest/v2/tables/Demo_Users/fields", {{"Name", "Sample_Field"},
                                                       {"Type", "STRING"},
                                                       {"Unique", false},
                                                       {"Description", "Sample data field"},
                                                       {"DisplayOrder", 1},
                                                       {"Label", "Sample Field"}}),
            201);
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields/Sample_Field")["Result"],
            json::parse(R"({"Name":"Sample_Field","Type":"STRING","Unique":false,
      "Description":"Sample data field","DisplayOrder":1,"Label":"Sample Field",
      "UniqueAllowNulls":false,"IsFormula":false})"));
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields/User_ID")["Result"]["DisplayOrder"], 2);
  auto row = get("/rest/v2/tables/Demo_Users/records?q.limit=1")["Result"][0];
  EXPECT_EQ(row["Sample_Field"], "");
  EXPECT_EQ(row["User_ID"], "7NQC2PHT");

  EXPECT_EQ(post("/rest/v2/tables/Demo_Users/fields", {{"Name", "sample_field"}, {"Type", "TEXT"}}),
            400);
  EXPECT_EQ(post("/rest/v2/tables/Demo_Users/fields", {{"Name", "X"}, {"Type", "NOPE"}}), 400);
  EXPECT_EQ(post("/rest/v2/tables/Demo_Users/fields", {{"Name", "X"}, {"NewType", "TEXT"}}), 400);
  EXPECT_EQ(post("/rest/v2/tables/Nope/fields", {{"Name", "X"}, {"Type", "TEXT"}}), 404);
}

TEST_F(TablesTest, AddingAnAutonumberNumbersExistingRows) {
  ASSERT_EQ(post("/rest/v2/tables/Demo_Users/fields",
                 {{"Name", "Seq"}, {"Type", "AUTONUMBER"}, {"Unique", true}}),
            201);
  auto rows = get("/rest/v2/tables/Demo_Users/records?q.select=Seq&q.limit=3")["Result"];
  EXPECT_EQ(rows, json::parse(R"([{"Seq":1},{"Seq":2},{"Seq":3}])"));
  auto made = mock.post_json("/rest/v2/tables/Demo_Users/records?response=rows",
                             {{"Email", "z@example.com"}});
  EXPECT_EQ(MockHttp::json(made)["Result"][0]["Seq"], 13);
}

TEST_F(TablesTest, UpdatesAFieldOnlyWithNewKeys) {
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Role", {{"Type", "TEXT"}}), 400);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Role", json::object()), 400);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Nope", {{"NewType", "TEXT"}}), 404);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Role",
                {{"NewType", "TEXT"}, {"NewLabel", "User role"}}),
            200);
  auto role = get("/rest/v2/tables/Demo_Users/fields/Role")["Result"];
  EXPECT_EQ(role["Type"], "TEXT");
  EXPECT_EQ(role["Label"], "User role");
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/records?q.limit=1")["Result"][0]["Role"], "Admin");

  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Role", {{"NewName", "Position"}}), 200);
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields/Role", 404)["Code"], "ObjectNotFound");
  auto row = get("/rest/v2/tables/Demo_Users/records?q.limit=1")["Result"][0];
  EXPECT_EQ(row["Position"], "Admin");
  EXPECT_FALSE(row.contains("Role"));
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Position", {{"NewName", "Email"}}), 400);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Position", {{"NewType", "LIST-STRING"}}), 400);
}

TEST_F(TablesTest, RenamingAFormulaInputKeepsTheFormula) {
  EXPECT_EQ(put("/rest/v2/tables/Demo_Physicians/fields/First_Name", {{"NewName", "Given_Name"}}),
            200);
  auto row = get("/rest/v2/tables/Demo_Physicians/records?q.limit=1")["Result"][0];
  EXPECT_EQ(row["Given_Name"], "Lelah");
  EXPECT_EQ(row["Full_Name"], "Lelah Hoppe");
}

TEST_F(TablesTest, UniqueCanBeSwitchedOnAndOff) {
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Role", {{"NewUnique", true}}), 400);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Name", {{"NewUnique", true}}), 200);
  EXPECT_EQ(post("/rest/v2/tables/Demo_Users/records", {{"Name", "fred kuhn"}}), 400);
  EXPECT_EQ(put("/rest/v2/tables/Demo_Users/fields/Name", {{"NewUnique", false}}), 200);
  EXPECT_EQ(post("/rest/v2/tables/Demo_Users/records", {{"Name", "fred kuhn"}}), 201);
}

TEST_F(TablesTest, NewListFieldKeepsRestoresAndAppendsKeys) {
  create_pets();
  ASSERT_EQ(post("/rest/v2/tables/Pets/records", {{"Name", "A"}, {"Kind", {2, 3}}}), 201);
  EXPECT_EQ(put("/rest/v2/tables/Pets/fields/Kind", {{"NewListField", {"Dog", "Cow"}}}), 200);
  EXPECT_EQ(get("/rest/v2/tables/Pets/fields/Kind")["Result"]["ListField"],
            json::parse(R"({"2":"Dog","4":"Cow"})"));
  EXPECT_EQ(get("/rest/v2/tables/Pets/records")["Result"][0]["Kind"],
            json::parse(R"({"2":"Dog"})"));
  EXPECT_EQ(put("/rest/v2/tables/Pets/fields/Kind", {{"NewListField", {"Cat", "Dog", "Frog"}}}),
            200);
  EXPECT_EQ(get("/rest/v2/tables/Pets/fields/Kind")["Result"]["ListField"],
            json::parse(R"({"1":"Cat","2":"Dog","3":"Frog"})"));
  EXPECT_EQ(put("/rest/v2/tables/Pets/fields/Kind", {{"NewListField", {"Mouse"}}}), 200);
  EXPECT_EQ(get("/rest/v2/tables/Pets/fields/Kind")["Result"]["ListField"],
            json::parse(R"({"5":"Mouse"})"));
  EXPECT_EQ(put("/rest/v2/tables/Pets/fields/Name", {{"NewListField", {"x"}}}), 400);
}

TEST_F(TablesTest, DeletesAField) {
  auto r = mock.del("/rest/v2/tables/Demo_Users/fields/role");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/fields")["Result"].size(), 5u);
  EXPECT_FALSE(get("/rest/v2/tables/Demo_Users/records?q.limit=1")["Result"][0].contains("Role"));
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/records?q.where=" + enc("Role = 'Admin'"), 400)["Code"],
            "SqlServerError");
  auto again = mock.del("/rest/v2/tables/Demo_Users/fields/Role");
  EXPECT_EQ(again->status, 404);
  EXPECT_EQ(get("/rest/v2/views/Demo_Admins_Active/records", 400)["Code"], "SqlServerError");
}

TEST_F(TablesTest, PasswordFieldsAreListedSetAndCleared) {
  EXPECT_EQ(get("/rest/v2/tables/Demo_Users/passwordFields"),
            json::parse(R"({"Result":["Password"]})"));
  EXPECT_EQ(get("/rest/v2/tables/Demo_States_Lookup/passwordFields"),
            json::parse(R"({"Result":[]})"));
  const std::string where = "?q.where=" + enc("Email = 'alice.monroe@example.com'");
  auto set = mock.put_json("/rest/v2/tables/Demo_Users/passwordFields/Password" + where,
                           {{"Value", "myPassword!"}});
  ASSERT_TRUE(set);
  EXPECT_EQ(set->status, 200);
  EXPECT_EQ(MockHttp::json(set), json::parse(R"({"RecordsAffected":1})"));
  auto all = mock.put_json(
      "/rest/v2/tables/Demo_Users/passwordFields/password?q.where=" + enc("Role = 'Admin'"),
      {{"Value", "x"}});
  EXPECT_EQ(MockHttp::json(all), json::parse(R"({"RecordsAffected":4})"));
  auto clear = mock.del("/rest/v2/tables/Demo_Users/passwordFields/Password" + where);
  ASSERT_TRUE(clear);
  EXPECT_EQ(clear->status, 200);
  EXPECT_EQ(MockHttp::json(clear), json::parse(R"({"RecordsAffected":1})"));
  auto rows = get("/rest/v2/tables/Demo_Users/records");
  for (const auto& row : rows["Result"]) {
    EXPECT_FALSE(row.contains("Password"));
  }
}

TEST_F(TablesTest, PasswordFieldRefusals) {
  const std::string where = "?q.where=" + enc("PK_ID = 1");
  auto not_password =
      mock.put_json("/rest/v2/tables/Demo_Users/passwordFields/Name" + where, {{"Value", "x"}});
  EXPECT_EQ(not_password->status, 404);
  auto unknown = mock.del("/rest/v2/tables/Demo_Users/passwordFields/Nope" + where);
  EXPECT_EQ(unknown->status, 404);
  for (const char* q : {"", "?q.where="}) {
    auto put = mock.put_json(std::string("/rest/v2/tables/Demo_Users/passwordFields/Password") + q,
                             {{"Value", "x"}});
    EXPECT_EQ(put->status, 400) << q;
    EXPECT_EQ(MockHttp::json(put)["Code"], "IncorrectQueryParameter");
    auto del = mock.del(std::string("/rest/v2/tables/Demo_Users/passwordFields/Password") + q);
    EXPECT_EQ(del->status, 400) << q;
  }
  auto no_value = mock.put_json("/rest/v2/tables/Demo_Users/passwordFields/Password" + where,
                                {{"Password", "x"}});
  EXPECT_EQ(no_value->status, 400);
  EXPECT_EQ(MockHttp::json(no_value)["Code"], "IncorrectBodyParameter");
  auto no_table =
      mock.put_json("/rest/v2/tables/Nope/passwordFields/Password" + where, {{"Value", "x"}});
  EXPECT_EQ(no_table->status, 404);
}

TEST(TablesEmpty, EmptyFixtureStartsWithoutTablesOrViews) {
  ServerOptions o;
  o.fixture = caspio::mock::Fixture::empty;
  MockHttp mock(o);
  EXPECT_EQ(MockHttp::json(mock.get("/rest/v2/tables")), json::parse(R"({"Result":[]})"));
  EXPECT_EQ(MockHttp::json(mock.get("/rest/v2/views")), json::parse(R"({"Result":[]})"));
  auto made = mock.post_json("/rest/v2/tables",
                             {{"Name", "T"}, {"Columns", {{{"Name", "A"}, {"Type", "STRING"}}}}});
  EXPECT_EQ(made->status, 201);
  EXPECT_TRUE(made->body.empty());
  EXPECT_EQ(MockHttp::json(mock.get("/rest/v2/tables")), json::parse(R"({"Result":["T"]})"));
}

}  // namespace
