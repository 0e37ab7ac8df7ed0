// Utils::copy_record: the seed's algorithm, with list overrides checked instead of dropped.
#include "caspio/utils.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

#include "answer/errors.hpp"
#include "caspio/definitions.hpp"
#include "caspio/error.hpp"
#include "caspio/query.hpp"
#include "client/client_state.hpp"
#include "records/records.hpp"
#include "request/name_lookup.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {

constexpr const char* kTables = "tables";

bool is_writable(const FieldDefinition& field) {
  if (field.is_formula.value_or(false)) return false;
  const std::string type = detail::ascii_lower(field.type);
  static const std::set<std::string> kReadOnly = {"password", "autonumber", "prefixed autonumber",
                                                  "guid",     "random id",  "timestamp"};
  return kReadOnly.count(type) == 0 && !detail::iequals(field.name, "PK_ID");
}

bool is_list(const FieldDefinition& field) {
  return detail::ascii_lower(field.type).rfind("list-", 0) == 0;
}

// A list item as text, for comparing "5" with 5.
std::string item_text(const nlohmann::json& item) {
  return item.is_string() ? item.get<std::string>() : item.dump();
}

// The key of `item` in the field's ListField {"1":"a",…}: by value first, then as a key.
std::int64_t list_key(const FieldDefinition& field, const nlohmann::json& item) {
  const nlohmann::json& list = field.list_field;
  if (list.is_object()) {
    for (const auto& entry : list.items()) {
      if (entry.value() == item || item_text(entry.value()) == item_text(item)) {
        return std::stoll(entry.key());
      }
    }
    const std::string text = item_text(item);
    if (!text.empty() && text.size() < 10 &&
        std::all_of(text.begin(), text.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
        list.contains(std::to_string(std::stoll(text)))) {
      return std::stoll(text);
    }
  }
  std::string allowed;
  if (list.is_object()) {
    for (const auto& entry : list.items()) {
      if (!allowed.empty()) allowed += ", ";
      allowed += entry.key() + "=" + entry.value().dump();
    }
  }
  detail::throw_invalid(fmt::format("{} is neither a value nor a key of list field '{}' ({})",
                                    item.dump(), field.name, allowed));
}

// Keys of an override for a list field, every item checked.
nlohmann::json override_keys(const FieldDefinition& field, const nlohmann::json& value) {
  if (value.is_null()) return value;
  nlohmann::json items = nlohmann::json::array();
  if (value.is_array()) {
    items = value;
  } else if (value.is_object()) {
    for (const auto& entry : value.items()) items.push_back(entry.value());
  } else {
    items.push_back(value);
  }
  nlohmann::json keys = nlohmann::json::array();
  for (const auto& item : items) keys.push_back(list_key(field, item));
  return keys;
}

// Keys of a list value as read ({"1":"a",…}), keeping those the list still has.
nlohmann::json copied_keys(const FieldDefinition& field, const nlohmann::json& value) {
  nlohmann::json keys = nlohmann::json::array();
  if (!value.is_object()) return override_keys(field, value);
  for (const auto& entry : value.items()) {
    if (field.list_field.is_object() && field.list_field.contains(entry.key())) {
      keys.push_back(std::stoll(entry.key()));
    }
  }
  return keys;
}

const nlohmann::json* find_ci(const nlohmann::json& object, const std::string& name) {
  for (const auto& entry : object.items()) {
    if (detail::iequals(entry.key(), name)) return &entry.value();
  }
  return nullptr;
}

}  // namespace

nlohmann::json Utils::copy_record(const std::string& table, const Where& where,
                                  const nlohmann::json& overrides) const {
  detail::require_name(table, "table name");
  if (where.empty()) detail::throw_invalid("copy_record needs a WHERE that picks one row");
  if (!overrides.is_null() && !overrides.is_object()) {
    detail::throw_invalid("copy_record overrides must be a JSON object");
  }
  const nlohmann::json changes = overrides.is_null() ? nlohmann::json::object() : overrides;

  const auto fields = detail::get_result<std::vector<FieldDefinition>>(
      *state_, state_->url({kTables, table, "fields"}));
  std::vector<const FieldDefinition*> writable;
  for (const auto& field : fields) {
    if (is_writable(field)) writable.push_back(&field);
  }
  nlohmann::json values = nlohmann::json::object();
  for (const auto& entry : changes.items()) {
    const auto it = std::find_if(writable.begin(), writable.end(), [&](const FieldDefinition* f) {
      return detail::iequals(f->name, entry.key());
    });
    if (it == writable.end()) {
      detail::throw_invalid(fmt::format(
          "override '{}' is not a writable field of '{}' (unknown, formula, password or "
          "read-only)",
          entry.key(), table));
    }
    values[(*it)->name] = is_list(**it) ? override_keys(**it, entry.value()) : entry.value();
  }

  const auto rows = detail::get_records_paginated(*state_, detail::RecordSource{kTables, table},
                                                  Query{}.where(where).limit(2));
  if (rows.empty()) {
    ErrorInfo info;
    info.code = "NoSuchRecord";
    info.message = fmt::format("no row of '{}' matches {}", table, where.str());
    throw NotFoundError(std::move(info));
  }
  if (rows.size() > 1) {
    detail::throw_invalid(
        fmt::format("more than one row of '{}' matches {}; copy_record copies "
                    "exactly one",
                    table, where.str()));
  }
  const nlohmann::json source = rows.front().to_json();
  for (const FieldDefinition* field : writable) {
    if (values.contains(field->name)) continue;
    const nlohmann::json* value = find_ci(source, field->name);
    if (value == nullptr) continue;
    if (is_list(*field)) {
      if (value->is_null()) continue;
      values[field->name] = copied_keys(*field, *value);
    } else {
      values[field->name] = *value;
    }
  }
  const detail::Answer answer =
      detail::post_record(*state_, detail::RecordSource{kTables, table}, values, ReturnRows::yes);
  std::vector<Row> created;
  if (!answer.response.body.empty()) created = detail::result_rows(answer);
  if (created.empty()) detail::throw_bad_answer(answer, "the created row was not returned");
  return created.front().to_json();
}

}  // namespace caspio
