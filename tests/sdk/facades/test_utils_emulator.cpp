// Utils::copy_record against the emulator: the three requests, the body written, the refusals.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "emulator.hpp"

using caspio::Where;
using caspio_test::Emulator;
using nlohmann::json;

namespace {

constexpr const char* kTable = "Demo_Physicians";

class UtilsEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Utils utils = client.utils();

  Where lelah() { return Where{"Email = {}", "lelah.hoppe@example.com"}; }
  // The JSON body of the record POST (the last request).
  json posted() {
    const auto r = emu.requests().back();
    EXPECT_EQ(r.method, "POST");
    return json::parse(r.body);
  }
};

}  // namespace

TEST_F(UtilsEmulator, CopiesWritableFieldsWithListKeys) {
  const json made = utils.copy_record(
      kTable, lelah(), {{"Email", "lelah.copy@example.com"}, {"first_name", "Lela"}});
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].method + " " + sent[0].target, "GET /rest/v2/tables/Demo_Physicians/fields");
  EXPECT_EQ(sent[1].path, "/rest/v2/tables/Demo_Physicians/records");
  EXPECT_EQ(sent[1].param("q.where"), "Email = 'lelah.hoppe@example.com'");
  EXPECT_EQ(sent[1].param("q.limit"), "2");
  EXPECT_EQ(sent[2].target, "/rest/v2/tables/Demo_Physicians/records?response=rows");

  const json body = posted();
  for (const char* dropped : {"PK_ID", "Physician_ID", "Full_Name", "Password"}) {
    EXPECT_FALSE(body.contains(dropped)) << dropped;
  }
  EXPECT_EQ(body.at("Email"), "lelah.copy@example.com");
  EXPECT_EQ(body.at("First_Name"), "Lela");
  EXPECT_EQ(body.at("Last_Name"), "Hoppe");
  EXPECT_EQ(body.at("Profile_Photo"), "/Demo/LelahHoppe.png");
  EXPECT_EQ(body.at("Specialties"), json::parse("[3,6,8,9]"));
  EXPECT_EQ(body.at("Languages"), json::parse("[2,4,7,9]"));

  EXPECT_EQ(made.at("Email"), "lelah.copy@example.com");
  EXPECT_EQ(made.at("Full_Name"), "Lela Hoppe");
  EXPECT_EQ(made.at("Specialties").at("3"), "Family Medicine");
  EXPECT_NE(made.at("Physician_ID"), "6T2C9HW8");
  EXPECT_EQ(
      client.tables().get_records(kTable, caspio::Query{}.where("Last_Name = {}", "Hoppe")).size(),
      2u);
}

TEST_F(UtilsEmulator, ListOverridesMayBeValuesKeysOrOneItem) {
  utils.copy_record(kTable, lelah(),
                    {{"Email", "v@example.com"}, {"Specialties", {"Dermatology", "Surgery"}}});
  EXPECT_EQ(posted().at("Specialties"), json::parse("[2,14]"));
  utils.copy_record(kTable, lelah(), {{"Email", "k@example.com"}, {"Specialties", {2, 14}}});
  EXPECT_EQ(posted().at("Specialties"), json::parse("[2,14]"));
  utils.copy_record(kTable, lelah(), {{"Email", "s@example.com"}, {"Languages", "German"}});
  EXPECT_EQ(posted().at("Languages"), json::parse("[5]"));
  utils.copy_record(kTable, lelah(),
                    {{"Email", "o@example.com"}, {"Languages", {{"1", "Chinese"}}}});
  EXPECT_EQ(posted().at("Languages"), json::parse("[1]"));
}

TEST_F(UtilsEmulator, AListItemOutsideTheListIsRefusedAndNothingIsWritten) {
  try {
    utils.copy_record(kTable, lelah(),
                      {{"Email", "x@example.com"}, {"Specialties", {"Dermatology", "Astrology"}}});
    FAIL() << "expected InvalidArgumentError";
  } catch (const caspio::InvalidArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find("Astrology"), std::string::npos) << e.what();
  }
  EXPECT_THROW(
      utils.copy_record(kTable, lelah(), {{"Email", "y@example.com"}, {"Languages", {99}}}),
      caspio::InvalidArgumentError);
  for (const auto& r : emu.requests()) EXPECT_EQ(r.method, "GET");
}

TEST_F(UtilsEmulator, OverridesMustNameWritableFields) {
  for (const char* field : {"Physician_ID", "Full_Name", "Password", "PK_ID", "No_Such_Field"}) {
    EXPECT_THROW(utils.copy_record(kTable, lelah(), {{field, "x"}}), caspio::InvalidArgumentError)
        << field;
  }
  for (const auto& r : emu.requests()) EXPECT_EQ(r.path, "/rest/v2/tables/Demo_Physicians/fields");
}

TEST_F(UtilsEmulator, ZeroOrSeveralMatchingRowsAreErrors) {
  try {
    utils.copy_record(kTable, Where{"Email = {}", "nobody@example.com"});
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NoSuchRecord");
  }
  EXPECT_THROW(utils.copy_record(kTable, Where::all()), caspio::InvalidArgumentError);
  const auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(sent[3].param("q.limit"), "2");  // a limited read, not every row
  for (const auto& r : sent) EXPECT_EQ(r.method, "GET");
}

TEST_F(UtilsEmulator, RefusalsBeforeSending) {
  EXPECT_THROW(utils.copy_record("", lelah()), caspio::InvalidArgumentError);
  EXPECT_THROW(utils.copy_record(kTable, Where{}), caspio::InvalidArgumentError);
  EXPECT_THROW(utils.copy_record(kTable, lelah(), json::array({1})), caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
}

TEST_F(UtilsEmulator, CopyingAUniqueValueUnchangedFailsOnTheServer) {
  EXPECT_THROW(utils.copy_record(kTable, lelah()), caspio::ApiError);
  EXPECT_EQ(emu.requests().back().method, "POST");
}
