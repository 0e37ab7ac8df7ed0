// The simdjson row parser gives exactly what nlohmann::ordered_json::parse gives (fields in the
// body's order), and declines (so that the slow path names the problem) every body that is not an
// object with a Result array of objects.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "answer/answer.hpp"
#include "answer/row_parser.hpp"
#include "caspio/error.hpp"

using caspio::ValueKind;
using caspio::detail::parse_result_rows;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// The rows nlohmann gives for `body`, in order, with each value's kind checked to match as well.
void expect_same_as_nlohmann(const std::string& body) {
  const auto rows = parse_result_rows(body);
  ASSERT_TRUE(rows.has_value()) << body;
  const ordered_json expected = ordered_json::parse(body).at("Result");
  ASSERT_EQ(rows->size(), expected.size()) << body;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    EXPECT_EQ((*rows)[i].to_ordered_json(), expected[i]) << body;
    EXPECT_EQ((*rows)[i].dump(), expected[i].dump()) << body;  // same kinds: 1 vs 1.0, -0 vs 0
  }
}

}  // namespace

TEST(RowParser, RowsAndValuesAreThoseOfNlohmann) {
  expect_same_as_nlohmann(R"({"Result":[]})");
  expect_same_as_nlohmann(R"({"Result":[{"PK_ID":1,"Name":"Ann"},{"PK_ID":2,"Name":"Bob"}]})");
  expect_same_as_nlohmann(
      R"({"Result":[{"i":-5,"u":18446744073709551615,"m":-9223372036854775808,"z":0,)"
      R"("f":1.5,"e":1e3,"g":-0.0,"t":true,"n":null,"s":"","x":false}]})");
  expect_same_as_nlohmann(
      R"({"Result":[{"Specialties":{"6":"Obstetrics","7":"Ophthalmology"},"L":[1,[2,{"a":[]}],{}]}]})");
  expect_same_as_nlohmann(
      R"({"Result":[{"q":"say \"hi\"\\ \/ \b\f\n\r\t","u":"\u00e9\u20ac\ud83d\ude00","raw":"é€😀"}]})");
  expect_same_as_nlohmann(
      R"(  {"Other":[1,{"a":2}],"Result":[{"b":"two","a":null},{"c":[3]}] , "More":{}}  )");
}

TEST(RowParser, NumberKindsMatch) {
  const auto rows =
      parse_result_rows(R"({"Result":[{"a":7,"b":-7,"c":7.0,"d":18446744073709551615}]})");
  ASSERT_TRUE(rows.has_value());
  const caspio::Row& row = rows->at(0);
  EXPECT_EQ(row["a"].kind(), ValueKind::integer);
  EXPECT_EQ(row["b"].kind(), ValueKind::integer);
  EXPECT_EQ(row["c"].kind(), ValueKind::number);
  EXPECT_EQ(row["d"].kind(), ValueKind::integer);
  EXPECT_EQ(row.get<std::uint64_t>("d"), std::numeric_limits<std::uint64_t>::max());
  // nlohmann's kinds on the way out: unsigned, integer, float, unsigned.
  EXPECT_EQ(row.to_json().at("a").type(), json::value_t::number_unsigned);
  EXPECT_EQ(row.to_json().at("b").type(), json::value_t::number_integer);
  EXPECT_EQ(row.to_json().at("c").type(), json::value_t::number_float);
  EXPECT_EQ(row.to_json().at("d").type(), json::value_t::number_unsigned);
}

TEST(RowParser, ARepeatedKeyKeepsItsLastValueAsNlohmannDoes) {
  expect_same_as_nlohmann(R"({"Result":[{"a":1,"b":0,"a":2}]})");
  expect_same_as_nlohmann(R"({"Result":[{"x":1}],"Result":[{"y":2},{"z":3}]})");
  // Inside a list value a repeated key is left to the slow path, which keeps the last value.
  EXPECT_FALSE(parse_result_rows(R"({"Result":[{"L":{"k":1,"k":2}}]})").has_value());
}

TEST(RowParser, DeclinesEveryOtherBody) {
  for (const char* body : {"",
                           "   ",
                           "[]",
                           "null",
                           "42",
                           R"("Result")",
                           R"({})",
                           R"({"result":[]})",
                           R"({"Result":{}})",
                           R"({"Result":null})",
                           R"({"Result":"[]"})",
                           R"({"Result":[})",
                           R"({"Result":[1,]})",
                           R"({"Result":[]} x)",
                           R"({"Result":[]}{})",
                           R"({"Result":[{"a":tru}]})",
                           "{\"Result\":[\"\xff\"]}",
                           R"({"Result":[{"a":"\ud800"}]})",
                           R"({"Result":[{"a":01}]})",
                           R"({"Bad":[1,,2],"Result":[]})",
                           R"({"Result":[1,2]})",
                           R"({"Result":[{"a":1},null]})",
                           R"({"Result":[[]]})"}) {
    EXPECT_FALSE(parse_result_rows(body).has_value()) << body;
  }
}

TEST(RowParser, WhatItDeclinesResultRowsStillReadsOrNames) {
  caspio::detail::Answer answer;
  answer.response.status = 200;
  // An integer beyond 64 bits: declined here, read by nlohmann as a double, as before.
  answer.response.body = R"({"Result":[{"a":123456789012345678901234567890}]})";
  EXPECT_FALSE(parse_result_rows(answer.response.body).has_value());
  const auto rows = caspio::detail::result_rows(answer);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["a"].kind(), ValueKind::number);
  EXPECT_DOUBLE_EQ(rows[0].get<double>("a"), 1.2345678901234568e+29);
  // Not JSON, no Result, Result not an array, not records: the slow path's typed errors.
  for (const char* body :
       {R"({"Result":[)", R"({"Rows":[]})", R"({"Result":{}})", R"({"Result":[1]})"}) {
    answer.response.body = body;
    EXPECT_THROW(caspio::detail::result_rows(answer), caspio::ApiError) << body;
  }
}

// Found by fuzz_pages: bodies the fast path must leave to nlohmann, which then gives the answer.
TEST(RowParser, DeepListsAndOverlongNumbersGoToTheSlowPath) {
  const std::string deep =
      R"({"Result":[{"L":)" + std::string(5000, '[') + std::string(5000, ']') + "}]}";
  EXPECT_FALSE(parse_result_rows(deep).has_value());
  const std::string long_number = R"({"Result":[{"Zed":0.44674404774419103229,"F":[1e3,-2.0]}]})";
  EXPECT_FALSE(parse_result_rows(long_number).has_value());
  caspio::detail::Answer answer;
  answer.url = "http://127.0.0.1/rest/v2/tables/T/records";
  answer.response.status = 200;
  for (const std::string& body : {deep, long_number}) {
    answer.response.body = body;
    const auto rows = caspio::detail::result_rows(answer);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].to_ordered_json(), ordered_json::parse(body).at("Result")[0]);
  }
  // 17 digits stay on the fast path.
  EXPECT_TRUE(parse_result_rows(R"({"Result":[{"Zed":0.4467440477441910}]})").has_value());
}
