#include "caspio/row.hpp"

#include <fmt/format.h>

#include <cstring>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "model/row_builder.hpp"
#include "records/text_cells.hpp"

namespace caspio {
namespace {

const FieldNames& no_names() {
  static const FieldNames empty{std::vector<std::string>{}};
  return empty;
}

[[noreturn]] void throw_not_found(const Row& row, std::string_view name) {
  std::string known;
  for (std::size_t i = 0; i < row.size() && i < 12; ++i) {
    if (i != 0) known += ", ";
    known += row.names()[i];
  }
  if (row.size() > 12) known += fmt::format(", … ({} in all)", row.size());
  ErrorInfo info;
  info.code = "FieldNotFound";
  info.message = row.empty() ? fmt::format("no field '{}': the row has no fields", name)
                             : fmt::format("no field '{}' in the row (it has {})", name, known);
  throw FieldError(std::move(info));
}

template <typename Json>
Row row_of(const Json& object) {
  if (!object.is_object()) {
    detail::throw_invalid(fmt::format("a row must be a JSON object, not {}", object.type_name()));
  }
  detail::RowBuilder builder;
  std::vector<std::string> names;
  names.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) {
    names.push_back(it.key());
    const Json& v = it.value();
    switch (v.type()) {
      case nlohmann::json::value_t::null:
      case nlohmann::json::value_t::discarded:
        builder.add_null();
        break;
      case nlohmann::json::value_t::boolean:
        builder.add_bool(v.template get<bool>());
        break;
      case nlohmann::json::value_t::number_integer:
        builder.add_integer(v.template get<std::int64_t>());
        break;
      case nlohmann::json::value_t::number_unsigned:
        builder.add_unsigned(v.template get<std::uint64_t>());
        break;
      case nlohmann::json::value_t::number_float:
        builder.add_number(v.template get<double>());
        break;
      case nlohmann::json::value_t::string:
        builder.add_string(v.template get_ref<const std::string&>());
        break;
      case nlohmann::json::value_t::object:
      case nlohmann::json::value_t::array:
      case nlohmann::json::value_t::binary:
        builder.add_list(v.dump());
        break;
    }
  }
  return builder.finish(std::make_shared<const FieldNames>(std::move(names)));
}

template <typename Json>
Json json_of(const Row& row) {
  Json out = Json::object();
  for (const Field field : row) {
    out[std::string(field.name)] = field.value.get<Json>();
  }
  return out;
}

}  // namespace

Row::Row(const Row& other) : names_(other.names_), text_size_(other.text_size_) {
  if (!other.cells_) return;
  const std::size_t n =
      other.size() + (text_size_ + sizeof(detail::ValueCell) - 1) / sizeof(detail::ValueCell);
  cells_.reset(new detail::ValueCell[n]);
  std::memcpy(static_cast<void*>(cells_.get()), other.cells_.get(), n * sizeof(detail::ValueCell));
}

Row& Row::operator=(const Row& other) {
  if (this != &other) *this = Row(other);
  return *this;
}

Row Row::from_json(const nlohmann::json& object) {
  return row_of(object);
}

Row Row::from_json(const nlohmann::ordered_json& object) {
  return row_of(object);
}

const FieldNames& Row::names() const noexcept {
  return names_ ? *names_ : no_names();
}

Value Row::value(std::string_view name) const {
  const auto i = index_of(name);
  if (!i) throw_not_found(*this, name);
  return (*this)[*i];
}

Value Row::at(std::size_t i) const {
  if (i >= size()) {
    ErrorInfo info;
    info.code = "FieldNotFound";
    info.message = fmt::format("no field at position {}: the row has {} fields", i, size());
    throw FieldError(std::move(info));
  }
  return (*this)[i];
}

nlohmann::json Row::to_json() const {
  return json_of<nlohmann::json>(*this);
}

nlohmann::ordered_json Row::to_ordered_json() const {
  return json_of<nlohmann::ordered_json>(*this);
}

void Row::dump_to(std::string& out) const {
  out.push_back('{');
  for (std::size_t i = 0; i < size(); ++i) {
    if (i != 0) out.push_back(',');
    detail::append_quoted(out, (*names_)[i]);
    out.push_back(':');
    (*this)[i].dump_to(out);
  }
  out.push_back('}');
}

std::string Row::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

Row Row::without(std::string_view name) const {
  const auto skip = index_of(name);
  if (!skip) return *this;
  std::vector<std::string> names;
  names.reserve(size() - 1);
  detail::RowBuilder builder;
  for (std::size_t i = 0; i < size(); ++i) {
    if (i == *skip) continue;
    names.push_back((*names_)[i]);
    const detail::ValueCell& c = cells_[i];
    if (c.kind == ValueKind::string || c.kind == ValueKind::list) {
      const std::string_view t(text() + c.offset, c.size);
      if (c.kind == ValueKind::string) {
        builder.add_string(t);
      } else {
        builder.add_list(t);
      }
    } else if (c.kind == ValueKind::integer && c.is_unsigned) {
      builder.add_unsigned(c.unsigned_integer);
    } else if (c.kind == ValueKind::integer) {
      builder.add_integer(c.integer);
    } else if (c.kind == ValueKind::number) {
      builder.add_number(c.number);
    } else if (c.kind == ValueKind::boolean) {
      builder.add_bool(c.boolean);
    } else {
      builder.add_null();
    }
  }
  return builder.finish(std::make_shared<const FieldNames>(std::move(names)));
}

bool operator==(const Row& a, const Row& b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n == 0) return true;
  if (a.names_ != b.names_ && !a.names_->same_as(*b.names_)) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

std::ostream& operator<<(std::ostream& out, const Row& row) {
  return out << row.dump();
}

void to_json(nlohmann::json& out, const Row& row) {
  out = row.to_json();
}

void to_json(nlohmann::ordered_json& out, const Row& row) {
  out = row.to_ordered_json();
}

}  // namespace caspio
