// The simdjson row parser gives exactly what nlohmann::json::parse gives, and declines (so that
// the slow path names the problem) every body that is not an object with a Result array.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "answer/answer.hpp"
#include "answer/row_parser.hpp"
#include "caspio/error.hpp"

using caspio::detail::parse_result_rows;
using nlohmann::json;

namespace {

// The rows nlohmann gives for `body`, with each value's kind checked to match as well.
void expect_same_as_nlohmann(const std::string& body) {
  const auto rows = parse_result_rows(body);
  ASSERT_TRUE(rows.has_value()) << body;
  const json expected = json::parse(body).at("Result");
  ASSERT_EQ(rows->size(), expected.size()) << body;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    EXPECT_EQ((*rows)[i], expected[i]) << body;
    EXPECT_EQ((*rows)[i].dump(), expected[i].dump()) << body;  // same kinds: 1 vs 1.0, -0 vs 0
  }
}

void expect_kind(const json& value, json::value_t kind) {
  EXPECT_EQ(static_cast<int>(value.type()), static_cast<int>(kind)) << value.dump();
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
  expect_same_as_nlohmann(R"(  {"Other":[1,{"a":2}],"Result":[1,"two",null,[3]] , "More":{}}  )");
}

TEST(RowParser, NumberKindsMatch) {
  const auto rows =
      parse_result_rows(R"({"Result":[{"a":7,"b":-7,"c":7.0,"d":18446744073709551615}]})");
  ASSERT_TRUE(rows.has_value());
  const json& row = rows->at(0);
  expect_kind(row.at("a"), json::value_t::number_unsigned);
  expect_kind(row.at("b"), json::value_t::number_integer);
  expect_kind(row.at("c"), json::value_t::number_float);
  expect_kind(row.at("d"), json::value_t::number_unsigned);
  EXPECT_EQ(row.at("d").get<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
}

TEST(RowParser, ARepeatedKeyKeepsItsLastValueAsNlohmannDoes) {
  expect_same_as_nlohmann(R"({"Result":[{"a":1,"a":2}]})");
  expect_same_as_nlohmann(R"({"Result":[1],"Result":[2,3]})");
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
                           R"({"Bad":[1,,2],"Result":[]})"}) {
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
  expect_kind(rows[0].at("a"), json::value_t::number_float);
  EXPECT_DOUBLE_EQ(rows[0].at("a").get<double>(), 1.2345678901234568e+29);
  // Not JSON, no Result, Result not an array: the slow path's typed errors.
  for (const char* body : {R"({"Result":[)", R"({"Rows":[]})", R"({"Result":{}})"}) {
    answer.response.body = body;
    EXPECT_THROW(caspio::detail::result_rows(answer), caspio::ApiError) << body;
  }
}
