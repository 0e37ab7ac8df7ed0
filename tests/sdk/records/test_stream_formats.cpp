// get_records_stream_to_file writes the rows of the read through RowWriter: Caspio's field order
// (so CSV columns follow q.select), values as dump() writes them (a float in its shortest form),
// a CSV header also for an empty read, and the same errors as a parsed read.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "emulator.hpp"
#include "temp_dir.hpp"

using caspio::Query;
using caspio::StreamFormat;

namespace {

struct FakeClient {
  std::shared_ptr<caspio::testing::FakeTransport> fake =
      std::make_shared<caspio::testing::FakeTransport>();
  caspio::Client client() {
    caspio::ClientOptions o;
    o.transport = fake;
    o.retry.max_attempts = 1;
    return caspio::Client("acct", "tok", o);
  }
};

const char* kMixed =
    R"({"Result":[{"Zed":1.50,"PK_ID":7,"Yes":true,"List":{"1":"a","2":"b, c"},)"
    R"("Text":"tab\t\"q\" \u00e9 \u0001","Neg":-3,"None":null,"Big":18446744073709551615}]})";

}  // namespace

TEST(StreamFormats, NdjsonKeepsCaspiosFieldOrderAndValuesAsDumpWritesThem) {
  caspio_test::ScratchDir dir;
  FakeClient f;
  f.fake->push(200, kMixed);
  const auto path = dir.file("out.ndjson");
  EXPECT_EQ(f.client().tables().get_records_stream_to_file("T", {}, path, StreamFormat::ndjson),
            1u);
  EXPECT_EQ(caspio_test::slurp(path),
            "{\"Zed\":1.5,\"Yes\":true,\"List\":{\"1\":\"a\",\"2\":\"b, c\"},"
            "\"Text\":\"tab\\t\\\"q\\\" \xc3\xa9 \\u0001\",\"Neg\":-3,\"None\":null,"
            "\"Big\":18446744073709551615}\n");
}

TEST(StreamFormats, CsvCellsAreTextNestedValuesJson) {
  caspio_test::ScratchDir dir;
  FakeClient f;
  f.fake->push(200, kMixed);
  const auto path = dir.file("out.csv");
  f.client().tables().get_records_stream_to_file("T", {}, path, StreamFormat::csv);
  EXPECT_EQ(
      caspio_test::slurp(path),
      "Zed,Yes,List,Text,Neg,None,Big\r\n"
      "1.5,true,\"{\"\"1\"\":\"\"a\"\",\"\"2\"\":\"\"b, c\"\"}\",\"tab\t\"\"q\"\" \xc3\xa9 \x01\","
      "-3,,18446744073709551615\r\n");
}

TEST(StreamFormats, CsvRowsInAnotherOrderFollowTheHeader) {
  caspio_test::ScratchDir dir;
  FakeClient f;
  f.fake->push(200, R"({"Result":[{"A":1,"B":2},{"B":4,"A":3},{"A":5}]})");
  const auto path = dir.file("out.csv");
  EXPECT_EQ(f.client().tables().get_records_stream_to_file("T", {}, path, StreamFormat::csv), 3u);
  EXPECT_EQ(caspio_test::slurp(path), "A,B\r\n1,2\r\n3,4\r\n5,\r\n");
}

TEST(StreamFormats, BadBodiesAreApiErrorsAndLeaveNoFile) {
  for (const char* body : {R"({"Result":[{"A":1},{"A":)", R"({"Rows":[]})", R"({"Result":{}})",
                           R"([{"A":1}])", "not json"}) {
    caspio_test::ScratchDir dir;
    FakeClient f;
    f.fake->push(200, body);
    const auto path = dir.file("out.json");
    EXPECT_THROW(f.client().tables().get_records_stream_to_file("T", {}, path), caspio::ApiError)
        << body;
    EXPECT_EQ(dir.entries(), 0u) << body;
  }
}

TEST(StreamFormatsEmulator, CsvColumnsFollowTheSelectOrder) {
  caspio_test::Emulator emu;
  caspio_test::ScratchDir dir;
  const auto path = dir.file("out.csv");
  const auto q =
      Query{}.select("Last_Name, Email, First_Name").where("Email = {}", "lelah.hoppe@example.com");
  const auto client = emu.client();
  const auto rows = client.tables().get_records("Demo_Physicians", q);
  ASSERT_EQ(rows.size(), 1u);
  client.tables().get_records_stream_to_file("Demo_Physicians", q, path, StreamFormat::csv);
  EXPECT_EQ(caspio_test::slurp(path), "Last_Name,Email,First_Name\r\n" +
                                          rows[0].at("Last_Name").get<std::string>() + "," +
                                          rows[0].at("Email").get<std::string>() + "," +
                                          rows[0].at("First_Name").get<std::string>() + "\r\n");
}

TEST(StreamFormatsEmulator, AnEmptyReadStillHasItsCsvHeader) {
  caspio_test::Emulator emu;
  caspio_test::ScratchDir dir;
  const auto client = emu.client();
  const auto none = Query{}.where("Email = {}", "nobody@example.com");
  // With a select list: its names, no request more.
  const auto selected = dir.file("selected.csv");
  emu.server().clear_journal();
  EXPECT_EQ(client.tables().get_records_stream_to_file(
                "Demo_Physicians", Query{none}.select("Last_Name, Email AS Mail"), selected,
                StreamFormat::csv),
            0u);
  EXPECT_EQ(caspio_test::slurp(selected), "Last_Name,Mail\r\n");
  EXPECT_EQ(emu.requests().size(), 1u);
  // Without one: the table's fields, in its design order (PK_ID left out, as in every export).
  const auto all = dir.file("all.csv");
  client.tables().get_records_stream_to_file("Demo_Users", none, all, StreamFormat::csv);
  std::string expected;
  for (const auto& field : client.tables().definition("Demo_Users")) {
    if (field.type == "PASSWORD") continue;
    expected += (expected.empty() ? "" : ",") + field.name;
  }
  EXPECT_EQ(caspio_test::slurp(all), expected + "\r\n");
  // JSON formats: an empty array, an empty file.
  const auto json = dir.file("none.json");
  client.tables().get_records_stream_to_file("Demo_Users", none, json);
  EXPECT_EQ(caspio_test::slurp(json), "[]\n");
}
