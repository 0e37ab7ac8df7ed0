#include "records/page_text_simd.hpp"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "answer/page_parser.hpp"

#include "records/text_cells.hpp"

namespace caspio {
namespace detail {
namespace {

namespace dom = simdjson::dom;

void write_json(std::string& out, dom::element value);

// An object as JSON text, without its PK_ID member when `skip_pk` (a row).
void write_object(std::string& out, dom::object object, bool skip_pk) {
  out.push_back('{');
  bool first = true;
  for (const dom::key_value_pair field : object) {
    if (skip_pk && field.key == "PK_ID") continue;
    if (!first) out.push_back(',');
    first = false;
    append_quoted(out, field.key);
    out.push_back(':');
    write_json(out, field.value);
  }
  out.push_back('}');
}

// A value as JSON text (nested containers, and every value of the JSON formats).
void write_json(std::string& out, dom::element value) {
  switch (value.type()) {
    case dom::element_type::OBJECT:
      write_object(out, dom::object(value), false);
      return;
    case dom::element_type::ARRAY: {
      out.push_back('[');
      bool first = true;
      for (const dom::element item : dom::array(value)) {
        if (!first) out.push_back(',');
        first = false;
        write_json(out, item);
      }
      out.push_back(']');
      return;
    }
    case dom::element_type::STRING:
      append_quoted(out, std::string_view(value));
      return;
    case dom::element_type::INT64:
      append_integer(out, static_cast<std::int64_t>(value));
      return;
    case dom::element_type::UINT64:
      append_integer(out, static_cast<std::uint64_t>(value));
      return;
    case dom::element_type::DOUBLE:
      append_double(out, static_cast<double>(value));
      return;
    case dom::element_type::BOOL:
      out += static_cast<bool>(value) ? "true" : "false";
      return;
    case dom::element_type::NULL_VALUE:
      out += "null";
      return;
  }
}

// A CSV cell's text before quoting: strings as they are, null empty, the rest as JSON.
void write_cell(std::string& out, dom::element value, std::string& scratch) {
  switch (value.type()) {
    case dom::element_type::STRING:
      append_csv(out, std::string_view(value));
      return;
    case dom::element_type::NULL_VALUE:
      return;
    default:
      scratch.clear();
      write_json(scratch, value);
      append_csv(out, scratch);
  }
}

void write_json_row(std::string& out, dom::object row, StreamFormat format) {
  if (format == StreamFormat::json_array) out.push_back(',');
  write_object(out, row, true);
  if (format == StreamFormat::ndjson) out.push_back('\n');
}

// A row's fields without PK_ID, in Caspio's order (reused from row to row).
using Cells = std::vector<std::pair<std::string_view, dom::element>>;

void write_csv_row(std::string& out, dom::object row, CsvColumns& columns, Cells& cells,
                   std::string& scratch) {
  cells.clear();
  for (const dom::key_value_pair field : row) {
    if (field.key != "PK_ID") cells.emplace_back(field.key, field.value);
  }
  if (!columns.known) {
    columns.known = true;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) columns.header.push_back(',');
      columns.names.emplace_back(cells[i].first);
      append_csv(columns.header, cells[i].first);
    }
    columns.header += "\r\n";
  }
  // Column i takes the row's field i when it has that name (rows usually keep the first row's
  // order), else the first field of that name, as the SAX pass does.
  for (std::size_t i = 0; i < columns.names.size(); ++i) {
    if (i != 0) out.push_back(',');
    const std::string& name = columns.names[i];
    const dom::element* value = nullptr;
    if (i < cells.size() && cells[i].first == name) value = &cells[i].second;
    for (std::size_t j = 0; value == nullptr && j < cells.size(); ++j) {
      if (cells[j].first == name) value = &cells[j].second;
    }
    if (value != nullptr) write_cell(out, *value, scratch);
  }
  out += "\r\n";
}

}  // namespace

bool simd_page_text(const std::string& body, StreamFormat format, CsvColumns& columns,
                    PageText& out) {
  dom::element root;
  if (parse_page(body).get(root) != simdjson::SUCCESS) return false;
  dom::object object;
  if (root.get(object) != simdjson::SUCCESS) return false;
  // Check the whole shape first: nothing is written unless every row can be.
  bool found = false;
  for (const dom::key_value_pair field : object) {
    if (field.key != "Result") continue;
    dom::array rows;
    if (field.value.get(rows) != simdjson::SUCCESS) return false;
    for (const dom::element row : rows) {
      if (!row.is_object()) return false;
    }
    found = true;
  }
  if (!found) return false;
  std::string scratch;
  Cells cells;
  for (const dom::key_value_pair field : object) {
    if (field.key != "Result") continue;
    for (const dom::element row : dom::array(field.value)) {
      if (format == StreamFormat::csv) {
        write_csv_row(out.text, dom::object(row), columns, cells, scratch);
      } else {
        write_json_row(out.text, dom::object(row), format);
      }
      ++out.rows;
    }
  }
  return true;
}

}  // namespace detail
}  // namespace caspio
