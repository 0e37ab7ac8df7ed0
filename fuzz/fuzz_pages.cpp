// Fuzzes the simdjson fast paths of record pages against the nlohmann paths they stand in for,
// on one fuzzed body: parse_result_rows() must give exactly the rows nlohmann::json::parse gives
// (or decline), and simd_page_text() must write exactly the text of the SAX converter (or decline
// and write nothing), for the JSON array, NDJSON and CSV formats.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "answer/row_parser.hpp"
#include "records/page_text.hpp"
#include "records/page_text_simd.hpp"

namespace {

void require(bool ok, const char* what, const std::string& body) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_pages: %s for body: %s\n", what, body.c_str());
  std::abort();
}

void check_rows(const std::string& body) {
  const auto rows = caspio::detail::parse_result_rows(body);
  if (!rows) return;
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  require(!parsed.is_discarded(), "rows from a body nlohmann refuses", body);
  require(parsed.is_object() && parsed.contains("Result") && parsed.at("Result").is_array(),
          "rows from a body without a Result array", body);
  const auto& expected = parsed.at("Result");
  require(rows->size() == expected.size(), "row count differs", body);
  for (std::size_t i = 0; i < rows->size(); ++i) {
    require((*rows)[i].dump() == expected[i].dump(), "row differs", body);
  }
}

void check_text(const std::string& body, caspio::StreamFormat format) {
  caspio::detail::CsvColumns columns;
  caspio::detail::PageText fast;
  if (!caspio::detail::simd_page_text(body, format, columns, fast)) {
    require(fast.text.empty() && fast.rows == 0, "declined after writing", body);
    return;
  }
  caspio::detail::PageTextWriter sax(format, /*fast=*/false);
  caspio::detail::PageText slow;
  require(sax.convert(body, slow) == caspio::detail::PageTextError::none,
          "fast path took a body the SAX pass refuses", body);
  require(fast.text == slow.text && fast.rows == slow.rows, "page text differs", body);
  require(columns.header == sax.header(), "CSV header differs", body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  check_rows(body);
  for (const auto format : {caspio::StreamFormat::json_array, caspio::StreamFormat::ndjson,
                            caspio::StreamFormat::csv}) {
    check_text(body, format);
  }
  return 0;
}
