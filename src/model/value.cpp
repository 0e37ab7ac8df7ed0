#include "caspio/value.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <ostream>
#include <string>

#include "caspio/error.hpp"
#include "records/text_cells.hpp"

namespace caspio {

const char* to_string(ValueKind kind) noexcept {
  switch (kind) {
    case ValueKind::null:
      return "null";
    case ValueKind::boolean:
      return "boolean";
    case ValueKind::integer:
      return "integer";
    case ValueKind::number:
      return "number";
    case ValueKind::string:
      return "string";
    case ValueKind::list:
      return "list";
  }
  return "unknown";
}

namespace {

[[noreturn]] void throw_field(const char* code, std::string message) {
  ErrorInfo info;
  info.code = code;
  info.message = std::move(message);
  throw FieldError(std::move(info));
}

std::string describe_field(std::string_view field) {
  return field.empty() ? std::string("a value") : fmt::format("field '{}'", field);
}

}  // namespace

void Value::throw_mismatch(const char* wanted) const {
  const ValueKind k = kind();
  if (k == ValueKind::null) {
    throw_field("FieldTypeMismatch", fmt::format("{} is null, not {} (use get_optional)",
                                                 describe_field(field_), wanted));
  }
  throw_field("FieldTypeMismatch",
              fmt::format("{} holds {} {}, not {}", describe_field(field_),
                          k == ValueKind::integer ? "an" : "a", to_string(k), wanted));
}

void Value::throw_out_of_range(std::size_t bits, bool is_signed) const {
  throw_field("FieldOutOfRange",
              fmt::format("{} holds {}, out of range of a {}-bit {} integer",
                          describe_field(field_), dump(), bits, is_signed ? "signed" : "unsigned"));
}

void Value::throw_list_item(std::size_t index, const char* what) const {
  throw_field("FieldTypeMismatch", fmt::format("{}: list item {} does not convert: {}",
                                               describe_field(field_), index + 1, what));
}

bool Value::as_bool() const {
  if (kind() != ValueKind::boolean) throw_mismatch("a boolean");
  return cell_->boolean;
}

std::int64_t Value::as_int64() const {
  switch (kind()) {
    case ValueKind::integer:
      if (cell_->is_unsigned) throw_out_of_range(64, true);
      return cell_->integer;
    case ValueKind::number: {
      const double d = cell_->number;
      if (std::trunc(d) != d) throw_mismatch("an integer (it has a fraction)");
      if (d < -9223372036854775808.0 || d >= 9223372036854775808.0) throw_out_of_range(64, true);
      return static_cast<std::int64_t>(d);
    }
    default:
      throw_mismatch("an integer");
  }
}

std::uint64_t Value::as_uint64() const {
  switch (kind()) {
    case ValueKind::integer:
      if (cell_->is_unsigned) return cell_->unsigned_integer;
      if (cell_->integer < 0) throw_out_of_range(64, false);
      return static_cast<std::uint64_t>(cell_->integer);
    case ValueKind::number: {
      const double d = cell_->number;
      if (std::trunc(d) != d) throw_mismatch("an integer (it has a fraction)");
      if (d < 0 || d >= 18446744073709551616.0) throw_out_of_range(64, false);
      return static_cast<std::uint64_t>(d);
    }
    default:
      throw_mismatch("an unsigned integer");
  }
}

double Value::as_double() const {
  switch (kind()) {
    case ValueKind::number:
      return cell_->number;
    case ValueKind::integer:
      return cell_->is_unsigned ? static_cast<double>(cell_->unsigned_integer)
                                : static_cast<double>(cell_->integer);
    default:
      throw_mismatch("a number");
  }
}

std::string_view Value::as_string() const {
  if (kind() != ValueKind::string) throw_mismatch("a string");
  return text();
}

DateTime Value::as_date_time() const {
  if (kind() != ValueKind::string) throw_mismatch("a date (text)");
  const auto parsed = DateTime::parse(text());
  if (!parsed) {
    throw_field("FieldTypeMismatch",
                fmt::format("{} holds \"{}\", not a date (YYYY-MM-DD[THH:MM[:SS[.f]]])",
                            describe_field(field_), text().substr(0, 64)));
  }
  return *parsed;
}

std::vector<nlohmann::ordered_json> Value::list_items() const {
  if (kind() != ValueKind::list) throw_mismatch("a list");
  const nlohmann::ordered_json list = nlohmann::ordered_json::parse(text());
  std::vector<nlohmann::ordered_json> items;
  items.reserve(list.size());
  for (const auto& item : list) items.push_back(item);  // object values in order, or array items
  return items;
}

namespace {
template <typename Json>
Json value_json(ValueKind kind, const detail::ValueCell* cell, std::string_view text) {
  switch (kind) {
    case ValueKind::null:
      return Json(nullptr);
    case ValueKind::boolean:
      return Json(cell->boolean);
    case ValueKind::integer:
      if (cell->is_unsigned) return Json(cell->unsigned_integer);
      // nlohmann keeps non-negative integers as unsigned, as its parser does.
      if (cell->integer >= 0) return Json(static_cast<std::uint64_t>(cell->integer));
      return Json(cell->integer);
    case ValueKind::number:
      return Json(cell->number);
    case ValueKind::string:
      return Json(std::string(text));
    case ValueKind::list:
      return Json::parse(text);
  }
  return Json();
}
}  // namespace

nlohmann::json Value::to_json() const {
  if (!cell_) return nullptr;
  const ValueKind k = kind();
  // The text only for the kinds that have one: other cells hold a number, not an offset.
  const bool has_text = k == ValueKind::string || k == ValueKind::list;
  return value_json<nlohmann::json>(k, cell_, has_text ? text() : std::string_view());
}

nlohmann::ordered_json Value::to_ordered_json() const {
  if (!cell_) return nullptr;
  const ValueKind k = kind();
  // The text only for the kinds that have one: other cells hold a number, not an offset.
  const bool has_text = k == ValueKind::string || k == ValueKind::list;
  return value_json<nlohmann::ordered_json>(k, cell_, has_text ? text() : std::string_view());
}

void Value::dump_to(std::string& out) const {
  switch (kind()) {
    case ValueKind::null:
      out += "null";
      return;
    case ValueKind::boolean:
      out += cell_->boolean ? "true" : "false";
      return;
    case ValueKind::integer:
      if (cell_->is_unsigned) {
        detail::append_integer(out, cell_->unsigned_integer);
      } else {
        detail::append_integer(out, cell_->integer);
      }
      return;
    case ValueKind::number:
      detail::append_double(out, cell_->number);
      return;
    case ValueKind::string:
      detail::append_quoted(out, text());
      return;
    case ValueKind::list:
      out.append(text().data(), text().size());
      return;
  }
}

std::string Value::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

bool operator==(const Value& a, const Value& b) noexcept {
  const ValueKind k = a.kind();
  if (k != b.kind()) return false;
  switch (k) {
    case ValueKind::null:
      return true;
    case ValueKind::boolean:
      return a.cell_->boolean == b.cell_->boolean;
    case ValueKind::integer:
      return a.cell_->is_unsigned == b.cell_->is_unsigned && a.cell_->integer == b.cell_->integer;
    case ValueKind::number:
      return a.cell_->number == b.cell_->number;
    case ValueKind::string:
    case ValueKind::list:
      return a.text() == b.text();
  }
  return false;
}

bool operator==(const Value& a, const nlohmann::json& json) {
  return a.to_json() == json;
}

std::ostream& operator<<(std::ostream& out, const Value& value) {
  return out << value.dump();
}

}  // namespace caspio
