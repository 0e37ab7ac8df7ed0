#include "answer/row_parser.hpp"

#include <cstdint>
#include <string_view>
#include <utility>

#include <simdjson.h>

#include "answer/page_parser.hpp"

namespace caspio {
namespace detail {
namespace {

using nlohmann::json;
namespace dom = simdjson::dom;

// dom::element → nlohmann::json with the value kinds nlohmann::json::parse gives.
json value_of(dom::element element) {
  switch (element.type()) {
    case dom::element_type::OBJECT: {
      json out(json::value_t::object);
      auto& members = out.get_ref<json::object_t&>();
      for (const dom::key_value_pair field : dom::object(element)) {
        members[std::string(field.key)] = value_of(field.value);
      }
      return out;
    }
    case dom::element_type::ARRAY: {
      json out(json::value_t::array);
      auto& items = out.get_ref<json::array_t&>();
      const dom::array array(element);
      items.reserve(array.size());
      for (const dom::element item : array) items.push_back(value_of(item));
      return out;
    }
    case dom::element_type::STRING:
      return json(std::string(std::string_view(element)));
    case dom::element_type::INT64: {
      const auto n = static_cast<std::int64_t>(element);
      // nlohmann keeps non-negative integers as number_unsigned, negative ones as number_integer.
      if (n >= 0) return json(static_cast<std::uint64_t>(n));
      return json(n);
    }
    case dom::element_type::UINT64:
      return json(static_cast<std::uint64_t>(element));
    case dom::element_type::DOUBLE:
      return json(static_cast<double>(element));
    case dom::element_type::BOOL:
      return json(static_cast<bool>(element));
    case dom::element_type::NULL_VALUE:
      return json(nullptr);
  }
  return json();
}

}  // namespace

std::optional<std::vector<nlohmann::json>> parse_result_rows(const std::string& body) {
  dom::element root;
  // The body is copied into the parser's padded buffer (simdjson reads past the end).
  if (parse_page(body).get(root) != simdjson::SUCCESS) return std::nullopt;
  dom::object object;
  if (root.get(object) != simdjson::SUCCESS) return std::nullopt;
  dom::array result;
  // at_key() finds the first `Result`; nlohmann keeps the last of repeated keys, so look on.
  bool found = false;
  for (const dom::key_value_pair field : object) {
    if (field.key != "Result") continue;
    if (field.value.get(result) != simdjson::SUCCESS) return std::nullopt;
    found = true;
  }
  if (!found) return std::nullopt;
  std::vector<json> rows;
  rows.reserve(result.size());
  for (const dom::element row : result) rows.push_back(value_of(row));
  return rows;
}

}  // namespace detail
}  // namespace caspio
