// The two page converters of the export agree byte for byte: simdjson's DOM (the fast path) and
// the SAX pass (which takes what the fast path declines); and a JSON export row is the dump() of
// the row get_records gives, in Caspio's field order, without PK_ID.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "records/page_text.hpp"
#include "records/page_text_simd.hpp"

using caspio::StreamFormat;
using caspio::detail::CsvColumns;
using caspio::detail::PageText;
using caspio::detail::PageTextError;
using caspio::detail::PageTextWriter;

namespace {

const std::vector<std::string> kPages = {
    R"({"Result":[]})",
    R"({"Result":[{"PK_ID":1,"Name":"Ann","Email":"a@x.com"},{"PK_ID":2,"Name":"Bob","Email":null}]})",
    R"({"Result":[{"Zed":1.50,"PK_ID":7,"Yes":true,"No":false,"List":{"1":"a","2":"b, c"},)"
    R"("Text":"tab\t\"q\" \u00e9 \u0001 \/","Neg":-3,"None":null,"Big":18446744073709551615,)"
    R"("F":[1e3,-0.0,0.1,100.0,2.5e-7],"Deep":{"PK_ID":9,"a":[{"b":"x,y\r\n"}]}}]})",
    // Rows in another order than the first, a missing field, an extra one.
    R"({"Result":[{"A":1,"B":"two","C":3},{"C":"c","A":"a"},{"B":"b","D":"d","A":0}]})",
    // Other members around Result; a key needing escapes.
    R"({"Other":{"x":[1]},"Result":[{"q\"k":"v","PK_ID":3}],"More":"m"})",
    // A repeated key in a CSV row (found by fuzz_pages): column i takes field i when it has the
    // column's name, else the first field of that name, on both paths.
    R"({"Result":[{"X":1,"B":"t","A":"a"},{"B":"b","A":"a","A":3}]})",
    // Two Result members: both written, as the SAX pass does.
    R"({"Result":[{"A":1}],"Result":[{"A":2}]})",
};

std::string convert(StreamFormat format, bool fast, const std::vector<std::string>& pages,
                    std::string* header = nullptr) {
  PageTextWriter writer(format, fast);
  std::string text;
  for (const auto& body : pages) {
    PageText out;
    EXPECT_EQ(writer.convert(body, out), PageTextError::none) << body;
    text += out.text;
  }
  if (header != nullptr) *header = writer.header();
  return text;
}

}  // namespace

TEST(PageText, FastPathAndSaxPassWriteTheSameText) {
  for (const StreamFormat format :
       {StreamFormat::json_array, StreamFormat::ndjson, StreamFormat::csv}) {
    for (const auto& page : kPages) {
      std::string fast_header, sax_header;
      const std::string fast = convert(format, true, {page}, &fast_header);
      const std::string sax = convert(format, false, {page}, &sax_header);
      EXPECT_EQ(fast, sax) << page;
      EXPECT_EQ(fast_header, sax_header) << page;
    }
    // Pages after the first keep the first page's CSV columns on both paths.
    EXPECT_EQ(convert(format, true, kPages), convert(format, false, kPages));
  }
}

TEST(PageText, TheFastPathTakesCaspioPagesAndDeclinesTheRest) {
  CsvColumns columns;
  PageText out;
  EXPECT_TRUE(caspio::detail::simd_page_text(kPages[2], StreamFormat::ndjson, columns, out));
  EXPECT_EQ(out.rows, 1u);
  for (const char* body : {"", "[]", R"({"Result":{}})", R"({"Rows":[]})", R"({"Result":[1]})",
                           R"({"Result":[{"a":1},[2]]})", R"({"Result":[{"a":1})",
                           R"({"Result":[{"a":123456789012345678901234567890}]})"}) {
    PageText declined;
    declined.text = "before";
    EXPECT_FALSE(caspio::detail::simd_page_text(body, StreamFormat::csv, columns, declined))
        << body;
    EXPECT_EQ(declined.text, "before") << body;  // nothing written
    EXPECT_EQ(declined.rows, 0u);
  }
}

TEST(PageText, AJsonRowIsTheDumpOfTheParsedRowWithoutPkId) {
  const std::string page = kPages[2];
  const std::string line = convert(StreamFormat::ndjson, true, {page});
  nlohmann::json expected = nlohmann::json::parse(page).at("Result").at(0);
  expected.erase("PK_ID");
  // Same values, and each value written as dump() writes it (the order is Caspio's, not sorted).
  const nlohmann::json written = nlohmann::json::parse(line);
  EXPECT_EQ(written, expected);
  for (const auto& [key, value] : expected.items()) {
    EXPECT_NE(line.find(nlohmann::json(key).dump() + ":" + value.dump()), std::string::npos) << key;
  }
}

TEST(PageText, BadBodiesAreNamedByTheSaxPass) {
  PageTextWriter writer(StreamFormat::ndjson);
  PageText out;
  EXPECT_EQ(writer.convert(R"({"Result":[)", out), PageTextError::not_json);
  EXPECT_EQ(writer.convert(R"({"Rows":[]})", out), PageTextError::no_result);
  EXPECT_EQ(writer.convert(R"({"Result":{}})", out), PageTextError::result_not_array);
  // An integer beyond 64 bits: the SAX pass writes it (as the double nlohmann reads).
  PageText big;
  EXPECT_EQ(writer.convert(R"({"Result":[{"a":123456789012345678901234567890}]})", big),
            PageTextError::none);
  EXPECT_EQ(big.text, "{\"a\":1.2345678901234568e+29}\n");
}
