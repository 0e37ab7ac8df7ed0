#include "caspio/definitions.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "answer/errors.hpp"

namespace caspio {

namespace {

template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& value) {
  if (value) j[key] = *value;
}

template <typename T>
void get(const nlohmann::json& j, const char* key, std::optional<T>& value) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    value.reset();
  } else {
    value = it->get<T>();
  }
}

}  // namespace

void to_json(nlohmann::json& j, const ObjectDescription& d) {
  j = nlohmann::json{{"Name", d.name}, {"Note", d.note}};
}

void from_json(const nlohmann::json& j, ObjectDescription& d) {
  d.name = j.value("Name", std::string());
  const auto note = j.find("Note");
  d.note = (note != j.end() && note->is_string()) ? note->get<std::string>() : std::string();
}

void to_json(nlohmann::json& j, const FieldDefinition& f) {
  j = nlohmann::json::object();
  j["Name"] = f.name;
  j["Type"] = f.type;
  put(j, "Unique", f.unique);
  put(j, "UniqueAllowNulls", f.unique_allow_nulls);
  put(j, "Label", f.label);
  put(j, "Description", f.description);
  put(j, "DisplayOrder", f.display_order);
  put(j, "OnInsert", f.on_insert);
  put(j, "OnUpdate", f.on_update);
  put(j, "TimeZone", f.time_zone);
  put(j, "Format", f.format);
  put(j, "Prefix", f.prefix);
  put(j, "Length", f.length);
  put(j, "IsFormula", f.is_formula);
  if (!f.list_field.is_null()) j["ListField"] = f.list_field;
}

void from_json(const nlohmann::json& j, FieldDefinition& f) {
  f.name = j.value("Name", std::string());
  f.type = j.value("Type", std::string());
  get(j, "Unique", f.unique);
  get(j, "UniqueAllowNulls", f.unique_allow_nulls);
  get(j, "Label", f.label);
  get(j, "Description", f.description);
  get(j, "DisplayOrder", f.display_order);
  get(j, "OnInsert", f.on_insert);
  get(j, "OnUpdate", f.on_update);
  get(j, "TimeZone", f.time_zone);
  get(j, "Format", f.format);
  get(j, "Prefix", f.prefix);
  get(j, "Length", f.length);
  get(j, "IsFormula", f.is_formula);
  const auto list = j.find("ListField");
  f.list_field = list != j.end() ? *list : nlohmann::json();
  get(j, "Editable", f.editable);
  get(j, "TableFieldName", f.table_field_name);
}

void to_json(nlohmann::json& j, const FieldUpdate& u) {
  j = nlohmann::json::object();
  put(j, "NewName", u.new_name);
  put(j, "NewType", u.new_type);
  put(j, "NewUnique", u.new_unique);
  put(j, "NewUniqueAllowNulls", u.new_unique_allow_nulls);
  put(j, "NewLabel", u.new_label);
  put(j, "NewDescription", u.new_description);
  put(j, "NewDisplayOrder", u.new_display_order);
  put(j, "NewOnInsert", u.new_on_insert);
  put(j, "NewOnUpdate", u.new_on_update);
  put(j, "NewTimeZone", u.new_time_zone);
  put(j, "NewFormat", u.new_format);
  put(j, "NewPrefix", u.new_prefix);
  put(j, "NewLength", u.new_length);
  if (!u.new_list_field.is_null()) j["NewListField"] = u.new_list_field;
}

void from_json(const nlohmann::json& j, FieldUpdate& u) {
  static constexpr std::array<std::string_view, 14> kKeys = {
      "NewName",        "NewType",         "NewUnique",   "NewUniqueAllowNulls", "NewLabel",
      "NewDescription", "NewDisplayOrder", "NewOnInsert", "NewOnUpdate",         "NewTimeZone",
      "NewFormat",      "NewPrefix",       "NewLength",   "NewListField"};
  if (!j.is_object()) detail::throw_invalid("a field update must be a JSON object of New* keys");
  for (const auto& item : j.items()) {
    bool known = false;
    for (const auto key : kKeys) known = known || item.key() == key;
    if (!known) {
      detail::throw_invalid(fmt::format(
          "'{}' is not a field update key; Caspio v2 takes New* keys (NewName, NewType, "
          "NewUnique, NewUniqueAllowNulls, NewLabel, NewDescription, NewDisplayOrder, "
          "NewOnInsert, NewOnUpdate, NewTimeZone, NewFormat, NewPrefix, NewLength, "
          "NewListField)",
          item.key()));
    }
  }
  get(j, "NewName", u.new_name);
  get(j, "NewType", u.new_type);
  get(j, "NewUnique", u.new_unique);
  get(j, "NewUniqueAllowNulls", u.new_unique_allow_nulls);
  get(j, "NewLabel", u.new_label);
  get(j, "NewDescription", u.new_description);
  get(j, "NewDisplayOrder", u.new_display_order);
  get(j, "NewOnInsert", u.new_on_insert);
  get(j, "NewOnUpdate", u.new_on_update);
  get(j, "NewTimeZone", u.new_time_zone);
  get(j, "NewFormat", u.new_format);
  get(j, "NewPrefix", u.new_prefix);
  get(j, "NewLength", u.new_length);
  const auto list = j.find("NewListField");
  u.new_list_field = list != j.end() ? *list : nlohmann::json();
}

}  // namespace caspio
