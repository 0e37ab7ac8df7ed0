// Rows from the emulator: field order from the wire to Row to every export, and typed reads of a
// user struct through from_row and through nlohmann's from_json, with the same requests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "emulator.hpp"

namespace fs = std::filesystem;
using caspio::Query;
using caspio::Row;
using caspio_test::Emulator;

namespace typed_reads_test {

struct User {
  std::string email;
  std::string name;
  bool active = false;
  std::optional<std::string> role;
};

void from_row(const Row& row, User& out) {
  out.email = row.get<std::string>("Email");
  out.name = row.get<std::string>("Name");
  out.active = row.get<bool>("Active");
  out.role = row.get_optional<std::string>("Role");
}

struct JsonUser {
  std::string Email;
  std::string Name;
  bool Active = false;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JsonUser, Email, Name, Active)

struct WrongUser {
  int Email = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(WrongUser, Email)

}  // namespace typed_reads_test

namespace {

using typed_reads_test::JsonUser;
using typed_reads_test::User;
using typed_reads_test::WrongUser;

std::vector<std::string> names_of(const Row& row) {
  std::vector<std::string> names;
  for (const auto& field : row) names.emplace_back(field.name);
  return names;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class TypedReads : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  fs::path dir = fs::temp_directory_path() / ("caspio-typed-" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

}  // namespace

TEST_F(TypedReads, FieldOrderFromTheWireToRowsAndEveryExport) {
  // A select order that is neither alphabetical nor the table's design order.
  const auto query = Query{}.select("Role, Email, Name AS Full, Active").order_by("Email");
  const auto rows = client.tables().get_records("Demo_Users", query);
  ASSERT_FALSE(rows.empty());
  const std::vector<std::string> order = {"Role", "Email", "Full", "Active"};
  for (const Row& row : rows) EXPECT_EQ(names_of(row), order);
  // One name table for the whole read.
  for (const Row& row : rows) EXPECT_EQ(row.shared_names().get(), rows[0].shared_names().get());
  // The wire said the same: the body's first record starts with Role.
  EXPECT_EQ(rows[0].dump().rfind("{\"Role\":", 0), 0u) << rows[0].dump();

  client.tables().get_records_stream_to_file("Demo_Users", query, (dir / "u.csv").string(),
                                             caspio::StreamFormat::csv);
  const std::string csv = read_file(dir / "u.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "Role,Email,Full,Active\r");  // RFC 4180: CRLF
  client.tables().get_records_stream_to_file("Demo_Users", query, (dir / "u.ndjson").string(),
                                             caspio::StreamFormat::ndjson);
  const std::string ndjson = read_file(dir / "u.ndjson");
  EXPECT_EQ(ndjson.substr(0, ndjson.find('\n')), rows[0].dump());
  client.tables().get_records_stream_to_file("Demo_Users", query, (dir / "u.json").string());
  const std::string array = read_file(dir / "u.json");
  EXPECT_EQ(array.rfind("[" + rows[0].dump(), 0), 0u) << array.substr(0, 200);
}

TEST_F(TypedReads, UserStructThroughFromRowAndFromJson) {
  const auto query = Query{}.select("Email, Name, Active, Role").where("Active = {}", true);
  const auto rows = client.tables().get_records("Demo_Users", query);
  emu.server().clear_journal();
  const std::vector<User> users = client.tables().get_records<User>("Demo_Users", query);
  const auto typed_requests = emu.requests();
  ASSERT_EQ(users.size(), rows.size());
  ASSERT_FALSE(users.empty());
  for (std::size_t i = 0; i < users.size(); ++i) {
    EXPECT_EQ(users[i].email, rows[i].get<std::string>("Email"));
    EXPECT_EQ(users[i].name, rows[i].get<std::string>("Name"));
    EXPECT_TRUE(users[i].active);
  }
  // The typed read sends exactly what the row read sends.
  ASSERT_EQ(typed_requests.size(), 1u);
  EXPECT_EQ(typed_requests[0].target,
            "/rest/v2/tables/Demo_Users/records?q.select=Email%2C%20Name%2C%20Active%2C%20Role&q."
            "where=Active%20%3D%201&q.orderBy=PK_ID&q.pageNumber=1&q.pageSize=1000");

  // Lazily, through nlohmann's from_json.
  std::vector<JsonUser> lazily;
  for (const JsonUser& u : client.tables().records<JsonUser>("Demo_Users", query))
    lazily.push_back(u);
  ASSERT_EQ(lazily.size(), users.size());
  for (std::size_t i = 0; i < users.size(); ++i) EXPECT_EQ(lazily[i].Email, users[i].email);

  // Views read the same way.
  const auto admins = client.views().get_records<User>("Demo_Admins_Active");
  EXPECT_FALSE(admins.empty());
  for (const User& u : admins) EXPECT_EQ(u.role, "Admin");
}

TEST_F(TypedReads, MappingErrorsAreFieldErrors) {
  try {
    client.tables().get_records<WrongUser>("Demo_Users", Query{}.select("Email"));
    FAIL() << "no error";
  } catch (const caspio::FieldError& e) {
    EXPECT_EQ(e.code(), "RowMapping");
    EXPECT_NE(std::string(e.what()).find("from_json"), std::string::npos) << e.what();
  }
  try {
    client.tables().get_records<User>("Demo_Users", Query{}.select("Email, Name"));  // no Active
    FAIL() << "no error";
  } catch (const caspio::FieldError& e) {
    EXPECT_EQ(e.code(), "FieldNotFound");
    EXPECT_NE(std::string(e.what()).find("'Active'"), std::string::npos) << e.what();
  }
}
