// Fuzzes the simdjson fast path of record pages against the nlohmann path it stands in for, on
// one fuzzed body: parse_result_rows() must give exactly the rows nlohmann::ordered_json::parse
// gives, fields in order (or decline), and RowWriter's NDJSON of those rows must be their dumps.
// The readers of small answers (names, field definitions) must likewise give what the nlohmann
// conversion gives, or decline.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "answer/result_parser.hpp"
#include "answer/row_parser.hpp"
#include "caspio/row_writer.hpp"

namespace {

void require(bool ok, const char* what, const std::string& body) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_pages: %s for body: %s\n", what, body.c_str());
  std::abort();
}

void check_rows(const std::string& body) {
  const auto rows = caspio::detail::parse_result_rows(body);
  if (!rows) return;
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(body, nullptr, false);
  require(!parsed.is_discarded(), "rows from a body nlohmann refuses", body);
  require(parsed.is_object() && parsed.contains("Result") && parsed.at("Result").is_array(),
          "rows from a body without a Result array", body);
  const auto& expected = parsed.at("Result");
  require(rows->size() == expected.size(), "row count differs", body);
  std::string lines;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    require(expected[i].is_object(), "a row from a Result item that is not an object", body);
    require((*rows)[i].dump() == expected[i].dump(), "row differs", body);
    require((*rows)[i].to_ordered_json() == expected[i], "row value differs", body);
    lines += expected[i].dump() + "\n";
  }
  caspio::RowWriterOptions options;
  options.format = caspio::StreamFormat::ndjson;
  std::string written;
  caspio::RowWriter writer([&written](std::string_view text) { written.append(text); }, options);
  for (const auto& row : *rows) writer.write(row);
  writer.finish();
  require(written == lines, "NDJSON text differs", body);
}

}  // namespace

// Every member of a field definition, the read-only ones to_json leaves out included.
nlohmann::json full(const caspio::FieldDefinition& f) {
  nlohmann::json j = f;
  j["(editable)"] = f.editable ? nlohmann::json(*f.editable) : nlohmann::json();
  j["(table_field_name)"] =
      f.table_field_name ? nlohmann::json(*f.table_field_name) : nlohmann::json();
  return j;
}

// The nlohmann conversion of the body's Result to T, as the slow path does it; null if it throws.
template <typename T>
nlohmann::json slow(const std::string& body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("Result")) return {};
  try {
    const T value = parsed.at("Result").get<T>();
    if constexpr (std::is_same_v<T, caspio::FieldDefinition>) {
      return full(value);
    } else if constexpr (std::is_same_v<T, std::vector<caspio::FieldDefinition>>) {
      nlohmann::json all = nlohmann::json::array();
      for (const auto& f : value) all.push_back(full(f));
      return all;
    } else {
      return nlohmann::json(value);
    }
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

void check_small_answers(const std::string& body) {
  if (const auto names = caspio::detail::parse_result_names(body)) {
    require(nlohmann::json(*names) == slow<std::vector<std::string>>(body), "names differ", body);
  }
  if (const auto fields = caspio::detail::parse_result_fields(body)) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& f : *fields) all.push_back(full(f));
    require(all == slow<std::vector<caspio::FieldDefinition>>(body), "field definitions differ",
            body);
  }
  if (const auto field = caspio::detail::parse_result_field(body)) {
    require(full(*field) == slow<caspio::FieldDefinition>(body), "field definition differs", body);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  check_rows(body);
  check_small_answers(body);
  return 0;
}
