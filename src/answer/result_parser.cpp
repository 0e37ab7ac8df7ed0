#include "answer/result_parser.hpp"

#include <simdjson.h>

#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

#include "answer/simdjson_text.hpp"

namespace caspio {
namespace detail {
namespace {

namespace od = simdjson::ondemand;

struct ThreadParser {
  od::parser parser;
  std::string padded;
};

ThreadParser& thread_parser() {
  thread_local ThreadParser state;
  return state;
}

// Calls read(value) with the `Result` member of a body that is one JSON object whose only member
// is `Result`; false if the body is anything else or read() fails.
template <typename Read>
bool read_result(const std::string& body, Read&& read) {
  ThreadParser& p = thread_parser();
  od::document document;
  if (!start_document(p.parser, p.padded, body, document)) return false;
  od::object root;
  if (document.get_object().get(root) != simdjson::SUCCESS) return false;
  bool found = false;
  for (auto field_result : root) {
    od::field field;
    if (std::move(field_result).get(field) != simdjson::SUCCESS) return false;
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
    if (key != "Result" || found) return false;
    found = true;
    if (!read(field.value())) return false;
  }
  return found && document_ended(document);
}

bool is_null(od::value& value) {
  bool null = false;
  return value.is_null().get(null) == simdjson::SUCCESS && null;
}

bool read_string(od::value value, std::string& out) {
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) return false;
  out.assign(text);
  return true;
}

// As nlohmann's get() of an optional member: null resets it; otherwise the value must have the
// member's type (anything else is left to the nlohmann path).
bool read_optional(od::value value, std::optional<std::string>& out) {
  if (is_null(value)) {
    out.reset();
    return true;
  }
  std::string text;
  if (!read_string(value, text)) return false;
  out = std::move(text);
  return true;
}

bool read_optional(od::value value, std::optional<bool>& out) {
  if (is_null(value)) {
    out.reset();
    return true;
  }
  bool flag = false;
  if (value.get_bool().get(flag) != simdjson::SUCCESS) return false;
  out = flag;
  return true;
}

bool read_optional(od::value value, std::optional<int>& out) {
  if (is_null(value)) {
    out.reset();
    return true;
  }
  od::number_type type;
  if (value.get_number_type().get(type) != simdjson::SUCCESS ||
      type != od::number_type::signed_integer) {
    return false;
  }
  std::int64_t number = 0;
  if (value.get_int64().get(number) != simdjson::SUCCESS ||
      number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    return false;
  }
  out = static_cast<int>(number);
  return true;
}

// Any JSON value, kept as nlohmann::json (ListField).
bool read_any(od::value value, nlohmann::json& out) {
  od::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  std::string_view text;
  simdjson::error_code error = simdjson::SUCCESS;
  if (type == od::json_type::object) {
    od::object object;
    error = value.get_object().get(object);
    if (!error) error = object.raw_json().get(text);
  } else if (type == od::json_type::array) {
    od::array array;
    error = value.get_array().get(array);
    if (!error) error = array.raw_json().get(text);
  } else {
    // simdjson checks a scalar only when it is read as its type: a number with stray bytes in it
    // (fuzz_pages: NULs inside the digits) is refused here, as nlohmann refuses the body.
    text = value.raw_json_token();
    if (type == od::json_type::number) {
      od::number number;
      error = value.get_number().get(number);
    } else if (type == od::json_type::string) {
      std::string_view unescaped;
      error = value.get_string().get(unescaped);
    } else if (type == od::json_type::boolean) {
      bool flag = false;
      error = value.get_bool().get(flag);
    } else if (!is_null(value)) {
      return false;
    }
  }
  if (error) return false;
  out = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  return !out.is_discarded();
}

bool read_field(od::value value, FieldDefinition& f) {
  od::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) return false;
  for (auto member_result : object) {
    od::field member;
    if (std::move(member_result).get(member) != simdjson::SUCCESS) return false;
    std::string_view key;
    if (member.unescaped_key().get(key) != simdjson::SUCCESS) return false;
    od::value v = member.value();
    bool ok = true;
    if (key == "Name") {
      ok = read_string(v, f.name);
    } else if (key == "Type") {
      ok = read_string(v, f.type);
    } else if (key == "Unique") {
      ok = read_optional(v, f.unique);
    } else if (key == "UniqueAllowNulls") {
      ok = read_optional(v, f.unique_allow_nulls);
    } else if (key == "Label") {
      ok = read_optional(v, f.label);
    } else if (key == "Description") {
      ok = read_optional(v, f.description);
    } else if (key == "DisplayOrder") {
      ok = read_optional(v, f.display_order);
    } else if (key == "OnInsert") {
      ok = read_optional(v, f.on_insert);
    } else if (key == "OnUpdate") {
      ok = read_optional(v, f.on_update);
    } else if (key == "TimeZone") {
      ok = read_optional(v, f.time_zone);
    } else if (key == "Format") {
      ok = read_optional(v, f.format);
    } else if (key == "Prefix") {
      ok = read_optional(v, f.prefix);
    } else if (key == "Length") {
      ok = read_optional(v, f.length);
    } else if (key == "IsFormula") {
      ok = read_optional(v, f.is_formula);
    } else if (key == "ListField") {
      ok = read_any(v, f.list_field);
    } else if (key == "Editable") {
      ok = read_optional(v, f.editable);
    } else if (key == "TableFieldName") {
      ok = read_optional(v, f.table_field_name);
    } else {
      // A member FieldDefinition does not keep: skipped, but it must be valid JSON.
      nlohmann::json ignored;
      ok = read_any(v, ignored);
    }
    if (!ok) return false;
  }
  return true;
}

// The body's `Result` array, each element read into a T by read_item(value, T&).
template <typename T, typename ReadItem>
std::optional<std::vector<T>> read_result_array(const std::string& body, ReadItem read_item) {
  std::vector<T> items;
  const bool ok = read_result(body, [&](od::value result) {
    od::array array;
    if (result.get_array().get(array) != simdjson::SUCCESS) return false;
    for (auto item_result : array) {
      od::value item;
      if (std::move(item_result).get(item) != simdjson::SUCCESS) return false;
      items.emplace_back();
      if (!read_item(item, items.back())) return false;
    }
    return true;
  });
  if (!ok) return std::nullopt;
  return items;
}

}  // namespace

std::optional<std::vector<std::string>> parse_result_names(const std::string& body) {
  return read_result_array<std::string>(
      body, [](od::value item, std::string& name) { return read_string(item, name); });
}

std::optional<std::vector<FieldDefinition>> parse_result_fields(const std::string& body) {
  return read_result_array<FieldDefinition>(body, &read_field);
}

std::optional<FieldDefinition> parse_result_field(const std::string& body) {
  FieldDefinition field;
  if (!read_result(body, [&](od::value result) { return read_field(result, field); })) {
    return std::nullopt;
  }
  return field;
}

}  // namespace detail
}  // namespace caspio
