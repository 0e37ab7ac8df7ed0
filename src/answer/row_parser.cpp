#include "answer/row_parser.hpp"

#include "answer/simdjson_text.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "model/row_builder.hpp"
#include "records/text_cells.hpp"

namespace caspio {
namespace detail {
namespace {

namespace od = simdjson::ondemand;

// A name that can be compared with a key's raw (escaped) text byte for byte.
bool plain(std::string_view name) {
  return std::none_of(name.begin(), name.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
}

// The parser of this thread, with its buffers and the last name table it made.
struct ThreadParser {
  od::parser parser;
  std::string padded;  // a copy of a body whose string has no room for simdjson's padding
  RowBuilder builder;
  std::vector<std::string_view> keys;  // unescaped keys of the row being read (off the table)
  std::shared_ptr<const FieldNames> names;
  bool names_plain = false;
};

ThreadParser& thread_parser() {
  thread_local ThreadParser state;
  return state;
}

// A JSON number as simdjson reads it: a signed or unsigned 64-bit integer, or a double.
struct Number {
  od::number_type type = od::number_type::signed_integer;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  double floating = 0;
};

bool read_number(od::value& value, Number& out) {
  if (value.get_number_type().get(out.type) != simdjson::SUCCESS) return false;
  switch (out.type) {
    case od::number_type::signed_integer:
      return value.get_int64().get(out.integer) == simdjson::SUCCESS;
    case od::number_type::unsigned_integer:
      return value.get_uint64().get(out.unsigned_integer) == simdjson::SUCCESS;
    case od::number_type::floating_point_number: {
      // A number written with more digits than a double holds (over 17 in its mantissa) is left
      // to the slow path, whose rounding then decides: fuzz_pages found simdjson and nlohmann
      // apart on such numbers (first a 25-character one, then 0.44674404774419103229).
      const std::string_view token = value.raw_json_token();
      const std::string_view mantissa = token.substr(0, token.find_first_of("eE"));
      if (std::count_if(mantissa.begin(), mantissa.end(),
                        [](char c) { return c >= '0' && c <= '9'; }) > 17) {
        return false;
      }
      return value.get_double().get(out.floating) == simdjson::SUCCESS;
    }
  }
  return false;
}

// Lists nest deeper than this are left to the slow path (nlohmann's parser does not recurse):
// write_json does, and a few thousand '[' overflowed the stack (fuzz_pages, under ASan).
constexpr int kMaxListDepth = 64;

// Compact JSON text of `value` (a list: object or array) appended to `out`.
bool write_json(od::value value, std::string& out, int depth = 0) {
  if (depth > kMaxListDepth) return false;
  od::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (value.get_object().get(object) != simdjson::SUCCESS) return false;
      out.push_back('{');
      bool first = true;
      std::vector<std::string_view> keys;  // a repeated key is left to the slow path
      for (auto field_result : object) {
        od::field field;
        if (std::move(field_result).get(field) != simdjson::SUCCESS) return false;
        std::string_view key;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
        keys.push_back(key);
        if (!first) out.push_back(',');
        first = false;
        append_quoted(out, key);
        out.push_back(':');
        if (!write_json(field.value(), out, depth + 1)) return false;
      }
      out.push_back('}');
      return true;
    }
    case od::json_type::array: {
      od::array array;
      if (value.get_array().get(array) != simdjson::SUCCESS) return false;
      out.push_back('[');
      bool first = true;
      for (auto item_result : array) {
        od::value item;
        if (std::move(item_result).get(item) != simdjson::SUCCESS) return false;
        if (!first) out.push_back(',');
        first = false;
        if (!write_json(item, out, depth + 1)) return false;
      }
      out.push_back(']');
      return true;
    }
    case od::json_type::string: {
      std::string_view text;
      if (value.get_string().get(text) != simdjson::SUCCESS) return false;
      append_quoted(out, text);
      return true;
    }
    case od::json_type::number: {
      Number n;
      if (!read_number(value, n)) return false;
      if (n.type == od::number_type::signed_integer) {
        append_integer(out, n.integer);
      } else if (n.type == od::number_type::unsigned_integer) {
        append_integer(out, n.unsigned_integer);
      } else {
        append_double(out, n.floating);
      }
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (value.get_bool().get(b) != simdjson::SUCCESS) return false;
      out += b ? "true" : "false";
      return true;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) != simdjson::SUCCESS || !is_null) return false;
      out += "null";
      return true;
    }
  }
  return false;
}

// Adds `value` to the row being built.
bool add_value(od::value value, RowBuilder& builder) {
  od::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  switch (type) {
    case od::json_type::string: {
      std::string_view text;
      if (value.get_string().get(text) != simdjson::SUCCESS) return false;
      builder.add_string(text);
      return true;
    }
    case od::json_type::number: {
      Number n;
      if (!read_number(value, n)) return false;
      if (n.type == od::number_type::signed_integer) {
        builder.add_integer(n.integer);
      } else if (n.type == od::number_type::unsigned_integer) {
        builder.add_unsigned(n.unsigned_integer);
      } else {
        builder.add_number(n.floating);
      }
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (value.get_bool().get(b) != simdjson::SUCCESS) return false;
      builder.add_bool(b);
      return true;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) != simdjson::SUCCESS || !is_null) return false;
      builder.add_null();
      return true;
    }
    case od::json_type::object:
    case od::json_type::array: {
      const std::size_t start = builder.text().size();
      if (!write_json(value, builder.text())) return false;
      builder.end_list(start);
      return true;
    }
  }
  return false;
}

// One row object into `rows`.
bool add_row(od::value row_value, ThreadParser& p, std::vector<Row>& rows) {
  od::object object;
  if (row_value.get_object().get(object) != simdjson::SUCCESS) return false;
  RowBuilder& builder = p.builder;
  builder.clear();
  // Fast path: the keys are those of the last table, in its order (compared on their raw text).
  const FieldNames* table = p.names_plain ? p.names.get() : nullptr;
  std::size_t matched = 0;  // keys matched against `table`
  bool off_table = table == nullptr;
  p.keys.clear();
  for (auto field_result : object) {
    od::field field;
    if (std::move(field_result).get(field) != simdjson::SUCCESS) return false;
    if (!off_table) {
      if (matched < table->size() && field.key() == (*table)[matched]) {
        ++matched;
        if (!add_value(field.value(), builder)) return false;
        continue;
      }
      // Leaves the table: the keys matched so far are the table's first ones.
      off_table = true;
      for (std::size_t i = 0; i < matched; ++i) p.keys.push_back((*table)[i]);
    }
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
    if (!add_value(field.value(), builder)) return false;
    // A repeated key: its first position, its last value.
    const auto same = std::find(p.keys.begin(), p.keys.end(), key);
    if (same != p.keys.end()) {
      builder.replace_with_last(static_cast<std::size_t>(same - p.keys.begin()));
    } else {
      p.keys.push_back(key);
    }
  }
  if (!off_table && matched == table->size()) {
    rows.push_back(builder.finish(p.names));
    return true;
  }
  if (!off_table) {  // fewer keys than the table
    p.keys.clear();
    for (std::size_t i = 0; i < matched; ++i) p.keys.push_back((*table)[i]);
  }
  std::vector<std::string> names(p.keys.begin(), p.keys.end());
  p.names_plain =
      std::all_of(names.begin(), names.end(), [](const std::string& n) { return plain(n); });
  p.names = std::make_shared<const FieldNames>(std::move(names));
  rows.push_back(builder.finish(p.names));
  return true;
}

bool read_result(od::array result, ThreadParser& p, std::vector<Row>& rows) {
  rows.clear();
  for (auto item_result : result) {
    od::value item;
    if (std::move(item_result).get(item) != simdjson::SUCCESS) return false;
    if (!add_row(item, p, rows)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Row>> parse_result_rows(const std::string& body) {
  ThreadParser& p = thread_parser();
  od::document document;
  if (!start_document(p.parser, p.padded, body, document)) return std::nullopt;
  od::object root;
  if (document.get_object().get(root) != simdjson::SUCCESS) return std::nullopt;
  std::vector<Row> rows;
  bool found = false;
  for (auto field_result : root) {
    od::field field;
    if (std::move(field_result).get(field) != simdjson::SUCCESS) return std::nullopt;
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return std::nullopt;
    if (key != "Result") {
      // Other members (RecordsAffected…) are skipped; they must still be valid JSON.
      std::string ignored;
      if (!write_json(field.value(), ignored)) return std::nullopt;
      continue;
    }
    od::array result;
    if (field.value().get_array().get(result) != simdjson::SUCCESS) return std::nullopt;
    if (!read_result(result, p, rows)) return std::nullopt;  // a repeated Result: the last one
    found = true;
  }
  if (!found) return std::nullopt;
  // Text after the root object is not one JSON value.
  if (!document_ended(document)) return std::nullopt;
  return rows;
}

}  // namespace detail
}  // namespace caspio
