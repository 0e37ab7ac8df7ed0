// RowWriter, the one writer of the SDK's exports and the CLI: each format keeps the rows' field
// order; CSV follows RFC 4180 (quoting, CRLF by default), has a header even for no rows, and
// takes a delimiter and a line ending.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "caspio/caspio.hpp"

using caspio::LineEnding;
using caspio::Row;
using caspio::RowWriter;
using caspio::RowWriterOptions;
using caspio::StreamFormat;

namespace {

Row row(const std::string& json) {
  return Row::from_json(nlohmann::ordered_json::parse(json));
}

std::string write_all(const std::vector<Row>& rows, RowWriterOptions options) {
  std::string out;
  RowWriter writer([&out](std::string_view text) { out.append(text); }, std::move(options));
  for (const auto& r : rows) writer.write(r);
  writer.finish();
  return out;
}

RowWriterOptions format(StreamFormat f) {
  RowWriterOptions o;
  o.format = f;
  return o;
}

const std::vector<Row> kRows = {
    row(R"({"PK_ID":1,"Zeta":"plain","Alpha":"a,b","Num":2.5,"Flag":true,"None":null})"),
    row(R"({"PK_ID":2,"Zeta":"say \"hi\"","Alpha":"line\nbreak","Num":3,"Flag":false,)"
        R"("None":{"1":"x"}})")};

}  // namespace

TEST(RowWriter, JsonFormatsKeepFieldOrderAndOmit) {
  auto o = format(StreamFormat::json_array);
  o.omit = {"PK_ID"};
  EXPECT_EQ(write_all(kRows, o),
            R"([{"Zeta":"plain","Alpha":"a,b","Num":2.5,"Flag":true,"None":null},)"
            R"({"Zeta":"say \"hi\"","Alpha":"line\nbreak","Num":3,"Flag":false,"None":{"1":"x"}}])"
            "\n");
  o.one_row_per_line = true;
  EXPECT_EQ(write_all({kRows[0]}, o),
            "[\n"
            R"({"Zeta":"plain","Alpha":"a,b","Num":2.5,"Flag":true,"None":null})"
            "\n]\n");
  EXPECT_EQ(write_all({}, o), "[]\n");
  auto n = format(StreamFormat::ndjson);
  EXPECT_EQ(write_all(kRows, n), kRows[0].dump() + "\n" + kRows[1].dump() + "\n");
  EXPECT_EQ(write_all({}, n), "");
}

TEST(RowWriter, CsvIsRfc4180) {
  auto o = format(StreamFormat::csv);
  o.omit = {"PK_ID"};
  EXPECT_EQ(write_all(kRows, o),
            "Zeta,Alpha,Num,Flag,None\r\n"
            "plain,\"a,b\",2.5,true,\r\n"
            "\"say \"\"hi\"\"\",\"line\nbreak\",3,false,\"{\"\"1\"\":\"\"x\"\"}\"\r\n");
}

TEST(RowWriter, CsvColumnsDelimiterLineEndingAndNoHeader) {
  auto o = format(StreamFormat::csv);
  o.columns = {"Alpha", "Missing", "Zeta"};
  o.delimiter = '\t';
  o.line_ending = LineEnding::lf;
  EXPECT_EQ(write_all(kRows, o),
            "Alpha\tMissing\tZeta\n"
            "a,b\t\tplain\n"
            "\"line\nbreak\"\t\t\"say \"\"hi\"\"\"\n");
  o.header = false;
  EXPECT_EQ(write_all({kRows[0]}, o), "a,b\t\tplain\n");
  o.delimiter = '"';
  EXPECT_THROW(RowWriter([](std::string_view) {}, o), caspio::InvalidArgumentError);
}

TEST(RowWriter, CsvHeaderForNoRows) {
  auto o = format(StreamFormat::csv);
  o.columns = {"Email", "PK_ID", "Name"};
  o.omit = {"PK_ID"};
  EXPECT_EQ(write_all({}, o), "Email,Name\r\n");
  // Nothing known about the columns: no header line at all (not an empty line).
  EXPECT_EQ(write_all({}, format(StreamFormat::csv)), "");
}

TEST(RowWriter, RowsOfDifferentShapesAndLargeOutputs) {
  auto o = format(StreamFormat::csv);
  o.line_ending = LineEnding::lf;
  std::vector<Row> rows = {row(R"({"A":1,"B":2})"), row(R"({"B":3,"C":4})"),
                           row(R"({"A":5,"B":6})")};
  EXPECT_EQ(write_all(rows, o), "A,B\n1,2\n,3\n5,6\n");
  // Pieces reach the sink before finish() once the buffer fills, in order.
  std::vector<std::size_t> pieces;
  std::string out;
  RowWriter writer(
      [&](std::string_view text) {
        pieces.push_back(text.size());
        out.append(text);
      },
      format(StreamFormat::ndjson));
  const Row big = row(R"({"Text":")" + std::string(1000, 'x') + R"("})");
  for (int i = 0; i < 200; ++i) writer.write(big);
  EXPECT_GE(pieces.size(), 2u);
  writer.finish();
  EXPECT_EQ(out.size(), 200 * (big.dump().size() + 1));
  EXPECT_EQ(writer.rows(), 200u);
}
