// caspio::Row: parsed from a page body (simdjson fast path and the nlohmann slow path), fields in
// the body's order, one shared name table, typed access and its errors, JSON round trips.
#include <gtest/gtest.h>

#include <caspio/caspio.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "answer/answer.hpp"
#include "answer/row_parser.hpp"

using caspio::DateTime;
using caspio::FieldError;
using caspio::Row;
using caspio::ValueKind;

namespace {

std::vector<Row> parse(const std::string& body) {
  auto rows = caspio::detail::parse_result_rows(body);
  EXPECT_TRUE(rows.has_value()) << body;
  return rows ? std::move(*rows) : std::vector<Row>{};
}

std::vector<Row> parse_slow(const std::string& body) {
  caspio::detail::Answer answer;
  answer.response.status = 200;
  answer.response.body = body;
  return caspio::detail::result_rows(answer);
}

std::vector<std::string> names_of(const Row& row) {
  std::vector<std::string> names;
  for (const auto& [name, value] : row) names.emplace_back(name);
  return names;
}

// The code of the FieldError `f` throws.
template <typename F>
std::string field_error(F f) {
  try {
    f();
  } catch (const FieldError& e) {
    return e.code() + ": " + e.what();
  }
  return "no FieldError";
}

const std::string kPage =
    R"({"Result":[{"Zeta":1,"Alpha":"a","Mid":2.5,"Flag":true,"None":null,)"
    R"("Tags":{"3":"Family Medicine","6":"Obstetrics"},"When":"2020-10-07T04:54:19"},)"
    R"({"Zeta":-2,"Alpha":"b\"q\u00e9","Mid":3,"Flag":false,"None":null,"Tags":null,)"
    R"("When":"2024-01-31"}]})";

}  // namespace

TEST(Row, KeepsCaspiosFieldOrderAndSharesOneNameTable) {
  const auto rows = parse(kPage);
  ASSERT_EQ(rows.size(), 2u);
  const std::vector<std::string> order = {"Zeta", "Alpha", "Mid", "Flag", "None", "Tags", "When"};
  EXPECT_EQ(names_of(rows[0]), order);
  EXPECT_EQ(names_of(rows[1]), order);
  EXPECT_EQ(rows[0].shared_names().get(), rows[1].shared_names().get());
  EXPECT_EQ(rows[0].dump(),
            R"({"Zeta":1,"Alpha":"a","Mid":2.5,"Flag":true,"None":null,)"
            R"("Tags":{"3":"Family Medicine","6":"Obstetrics"},"When":"2020-10-07T04:54:19"})");
  // The name table is shared across pages parsed on one thread too.
  const auto again = parse(kPage);
  EXPECT_EQ(again[0].shared_names().get(), rows[0].shared_names().get());
}

TEST(Row, TypedAccess) {
  const auto rows = parse(kPage);
  const Row& r = rows[0];
  EXPECT_EQ(r.get<int>("Zeta"), 1);
  EXPECT_EQ(r.get<std::int64_t>("Zeta"), 1);
  EXPECT_EQ(r.get<double>("Zeta"), 1.0);  // an integer reads as a double
  EXPECT_EQ(r.get<double>("Mid"), 2.5);
  EXPECT_EQ(r.get<std::string>("Alpha"), "a");
  EXPECT_EQ(rows[1].get<std::string>("Alpha"), "b\"q\xc3\xa9");
  EXPECT_EQ(rows[1].get<int>("Mid"), 3);
  EXPECT_TRUE(r.get<bool>("Flag"));
  EXPECT_FALSE(r.get_optional<double>("None").has_value());
  EXPECT_EQ(r.get_optional<double>("Mid"), 2.5);
  EXPECT_EQ(r.get<std::optional<int>>("None"), std::nullopt);
  EXPECT_EQ((r.get<std::vector<std::string>>("Tags")),
            (std::vector<std::string>{"Family Medicine", "Obstetrics"}));
  EXPECT_EQ(r.get<nlohmann::json>("Tags"),
            (nlohmann::json{{"3", "Family Medicine"}, {"6", "Obstetrics"}}));
  EXPECT_EQ(r.get<DateTime>("When"), (DateTime{2020, 10, 7, 4, 54, 19, 0}));
  EXPECT_EQ(rows[1].get<DateTime>("When"), (DateTime{2024, 1, 31, 0, 0, 0, 0}));
  EXPECT_EQ(r["Zeta"].kind(), ValueKind::integer);
  EXPECT_EQ(r[5].kind(), ValueKind::list);
  EXPECT_EQ(r[4].kind(), ValueKind::null);
  EXPECT_EQ(r[1].field(), "Alpha");
  EXPECT_TRUE(r.has("When"));
  EXPECT_FALSE(r.has("when"));  // exact names
  EXPECT_EQ(r.index_of("Mid"), 2u);
  EXPECT_EQ(r["Alpha"], "a");
  EXPECT_EQ(r["Flag"], true);
}

TEST(Row, TypedAccessErrorsNameTheFieldAndTheTypes) {
  const auto rows = parse(kPage);
  const Row& r = rows[0];
  EXPECT_EQ(field_error([&] { r.get<int>("Alpha"); }),
            "FieldTypeMismatch: caspio: FieldTypeMismatch: field 'Alpha' holds a string, not an "
            "integer");
  EXPECT_EQ(field_error([&] { r.get<std::string>("Zeta"); }),
            "FieldTypeMismatch: caspio: FieldTypeMismatch: field 'Zeta' holds an integer, not a "
            "string");
  EXPECT_NE(field_error([&] { r.get<double>("None"); }).find("field 'None' is null"),
            std::string::npos);
  EXPECT_NE(field_error([&] { r.get<int>("Mid"); }).find("has a fraction"), std::string::npos);
  EXPECT_NE(field_error([&] { r.get<std::string>("Email"); }).find("FieldNotFound"),
            std::string::npos);
  EXPECT_NE(field_error([&] { r.get<std::string>("Email"); }).find("Zeta, Alpha, Mid"),
            std::string::npos);
  EXPECT_EQ(field_error([&] { r.get<unsigned>("Zeta"); }), "no FieldError");
  EXPECT_NE(field_error([&] { rows[1].get<unsigned>("Zeta"); }).find("FieldOutOfRange"),
            std::string::npos);
  EXPECT_NE(field_error([&] { r.get<DateTime>("Alpha"); }).find("not a date"), std::string::npos);
  EXPECT_NE(field_error([&] { r.get<std::vector<int>>("Tags"); }).find("list item 1"),
            std::string::npos);
  EXPECT_NE(field_error([&] { r.at(7); }).find("FieldNotFound"), std::string::npos);
  // Errors are caspio::Errors with no HTTP status: nothing was sent.
  try {
    r.get<bool>("Zeta");
    FAIL();
  } catch (const caspio::Error& e) {
    EXPECT_EQ(e.http_status(), 0);
  }
}

TEST(Row, IntegerKindsAndRanges) {
  const auto rows =
      parse(R"({"Result":[{"Big":18446744073709551615,"Neg":-9223372036854775808,"Int":2147483648,)"
            R"("F":1e300,"Whole":4.0}]})");
  const Row& r = rows.at(0);
  EXPECT_EQ(r.get<std::uint64_t>("Big"), std::numeric_limits<std::uint64_t>::max());
  EXPECT_NE(field_error([&] { r.get<std::int64_t>("Big"); }).find("FieldOutOfRange"),
            std::string::npos);
  EXPECT_EQ(r.get<std::int64_t>("Neg"), std::numeric_limits<std::int64_t>::min());
  EXPECT_NE(field_error([&] { r.get<int>("Int"); }).find("32-bit signed"), std::string::npos);
  EXPECT_EQ(r.get<long long>("Int"), 2147483648LL);
  EXPECT_NE(field_error([&] { r.get<std::int64_t>("F"); }).find("FieldOutOfRange"),
            std::string::npos);
  EXPECT_EQ(r.get<int>("Whole"), 4);
  // The same values as nlohmann gives them.
  EXPECT_EQ(r.to_json(),
            nlohmann::json::parse(
                R"({"Big":18446744073709551615,"Neg":-9223372036854775808,"Int":2147483648,)"
                R"("F":1e300,"Whole":4.0})"));
}

TEST(Row, FastAndSlowPathsAgree) {
  // Rows of different shapes, a repeated key (first position, last value), escapes in names.
  const std::string body =
      R"({"RecordsAffected":2,"Result":[{"A":1,"B":2},{"B":3,"A":4,"C":[1,{"x":null}]},)"
      R"({"A":5,"B":6,"A":7},{"q\"uote":1,"A":{}}]})";
  const auto fast = parse(body);
  const auto slow = parse_slow(R"({"Result":)" + body.substr(body.find('[')));
  ASSERT_EQ(fast.size(), 4u);
  ASSERT_EQ(slow.size(), 4u);
  for (std::size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i], slow[i]) << i << ": " << fast[i] << " vs " << slow[i];
    EXPECT_EQ(fast[i].dump(), slow[i].dump());
  }
  EXPECT_EQ(names_of(fast[1]), (std::vector<std::string>{"B", "A", "C"}));
  EXPECT_EQ(fast[1].dump(), R"({"B":3,"A":4,"C":[1,{"x":null}]})");
  EXPECT_EQ(fast[2].dump(), R"({"A":7,"B":6})");
  EXPECT_EQ(names_of(fast[3]), (std::vector<std::string>{"q\"uote", "A"}));
}

TEST(Row, BadBodiesTakeTheSlowPathWhichNamesTheProblem) {
  for (const char* body :
       {R"({"Result":[{"A":1}]} trailing)", R"({"Result":[{"A":1},]})", R"({"Result":{"A":1}})",
        R"({"Result":[1,2]})", R"([{"A":1}])", R"({"Result":[{"A":"\x"}]})", R"({"Result":[)",
        R"({"Result":[{"A":1}],"Other":[})"}) {
    EXPECT_FALSE(caspio::detail::parse_result_rows(body).has_value()) << body;
    EXPECT_THROW(parse_slow(body), caspio::ApiError) << body;
  }
}

TEST(Row, JsonRoundTripsAndCopies) {
  const nlohmann::ordered_json ordered =
      nlohmann::ordered_json::parse(R"({"Z":1,"A":"x","L":{"1":15,"2":21},"N":null,"B":false})");
  const Row row = Row::from_json(ordered);
  EXPECT_EQ(row.dump(), ordered.dump());
  EXPECT_EQ(row.to_ordered_json(), ordered);
  const nlohmann::json sorted = row;  // nlohmann's conversion
  EXPECT_EQ(sorted, nlohmann::json::parse(ordered.dump()));
  EXPECT_EQ(names_of(Row::from_json(sorted)), (std::vector<std::string>{"A", "B", "L", "N", "Z"}));
  const Row copy = row;
  EXPECT_EQ(copy, row);
  EXPECT_EQ(copy.shared_names(), row.shared_names());
  Row moved = Row(copy);
  EXPECT_EQ(moved, row);
  const Row without = row.without("A");
  EXPECT_EQ(without.dump(), R"({"Z":1,"L":{"1":15,"2":21},"N":null,"B":false})");
  EXPECT_EQ(row.without("Nope"), row);
  EXPECT_THROW(Row::from_json(nlohmann::json::array()), caspio::InvalidArgumentError);
  EXPECT_TRUE(Row{}.empty());
  EXPECT_EQ(Row{}.dump(), "{}");
  EXPECT_EQ(Row{}, Row::from_json(nlohmann::json::object()));
  EXPECT_NE(row, without);
}

TEST(Row, LargeTablesFindNamesByIndex) {
  std::string body = R"({"Result":[{)";
  for (int i = 0; i < 40; ++i)
    body += (i ? "," : "") + ("\"F" + std::to_string(39 - i) + "\":") + std::to_string(i);
  body += "}]}";
  const auto rows = parse(body);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size(), 40u);
  EXPECT_EQ(rows[0].get<int>("F39"), 0);
  EXPECT_EQ(rows[0].get<int>("F0"), 39);
  EXPECT_FALSE(rows[0].has("F40"));
  EXPECT_THROW(caspio::FieldNames({"A", "B", "A"}), caspio::InvalidArgumentError);
}

TEST(DateTime, ParsesCaspiosFormsAndRefusesTheRest) {
  EXPECT_EQ(DateTime::parse("2022-01-25T15:17:10.607"),
            (DateTime{2022, 1, 25, 15, 17, 10, 607000000}));
  EXPECT_EQ(DateTime::parse("2024-02-29 23:59"), (DateTime{2024, 2, 29, 23, 59, 0, 0}));
  EXPECT_EQ(DateTime::parse("2022-01-25T15:17:10.607")->to_string(), "2022-01-25T15:17:10.607");
  EXPECT_EQ(DateTime::parse("2020-10-07")->to_string(), "2020-10-07T00:00:00");
  for (const char* bad : {"2023-02-29", "2020-13-01", "2020-10-07T24:00", "2020-10-07T04:54:19Z",
                          "1/12/2022 7:15:18 AM", "", "2020-10-07T04:54:19.", "2020-1-07"}) {
    EXPECT_FALSE(DateTime::parse(bad).has_value()) << bad;
  }
  const auto epoch = DateTime{1970, 1, 1, 0, 0, 1, 500000000}.to_utc_time_point();
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::milliseconds>(epoch.time_since_epoch()).count(),
            1500);
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::seconds>(
                DateTime{2020, 10, 7, 4, 54, 19, 0}.to_utc_time_point().time_since_epoch())
                .count(),
            1602046459);
}
