#pragma once
// Table, field and view definitions of the emulated account, and their JSON forms (v2 wire shape).

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace caspio {
namespace mock {
namespace detail {

/// Caspio field data types (the API's `Type` strings).
enum class FieldType {
  autonumber,
  prefixed_autonumber,
  guid,
  random_id,
  string,
  text,
  password,
  number,
  integer,
  currency,
  date_time,
  yes_no,
  file,
  timestamp,
  list_string,
  list_number,
  list_date_time,
};

/// The API spelling, e.g. "RANDOM ID", "LIST-STRING".
const char* type_name(FieldType type);
/// Parses an API type name (case-insensitive; "RANDOM_ID" of exports accepted).
std::optional<FieldType> parse_type(const std::string& name);
bool is_list(FieldType type);
/// AUTONUMBER, PREFIXED AUTONUMBER, GUID and RANDOM ID: values generated on insert.
bool is_generated(FieldType type);

/// One field of a table.
struct FieldDef {
  std::string name;
  FieldType type = FieldType::string;
  bool unique = false;
  bool unique_allow_nulls = false;
  std::string label;
  std::string description;
  // TIMESTAMP
  bool on_insert = true;
  bool on_update = false;
  std::string time_zone = "UTC";
  // RANDOM ID and PREFIXED AUTONUMBER
  std::string format;
  std::string prefix;
  int length = 12;
  // Formula fields: read-only, computed by SQLite from `formula_sql` (a generated column).
  bool is_formula = false;
  std::string formula_sql = "NULL";
  // List types: current items by key, and every key ever used (for NewListField).
  std::map<int, nlohmann::json> list_items;
  std::map<int, nlohmann::json> list_history;
  // Last value handed out by AUTONUMBER / PREFIXED AUTONUMBER.
  std::int64_t counter = 0;

  /// True when records cannot write this field.
  bool read_only() const {
    return is_formula || is_generated(type) || type == FieldType::timestamp;
  }
};

/// One table: fields in display order plus the PK_ID counter.
struct TableDef {
  std::string name;
  std::string note;
  std::vector<FieldDef> fields;
  std::int64_t last_pk = 0;

  /// Case-insensitive lookup; nullptr when absent.
  FieldDef* find(const std::string& field_name);
  const FieldDef* find(const std::string& field_name) const;
};

/// A single-table view: a projection of `base` filtered by `condition_sql`.
struct ViewDef {
  std::string name;
  std::string note;
  std::string base;
  std::vector<std::string> fields;
  std::string condition_sql = "1";
};

/// True for Caspio-valid object names: a letter, then letters, digits or '_', at most `max_len`.
bool valid_name(const std::string& name, std::size_t max_len);

/// A field from its create form (`POST …/fields`, `Columns` of `POST /tables`). Throws ApiError.
FieldDef field_from_json(const nlohmann::json& body);
/// Applies the options of a field body: `prefix` + Unique, UniqueAllowNulls, Label, Description,
/// OnInsert, OnUpdate, TimeZone, Format, Prefix, Length ("" for the create form, "New" for the
/// update form). Throws ApiError 400 for a value of the wrong kind.
void apply_field_options(FieldDef& field, const nlohmann::json& body, const std::string& prefix);
/// The field as `GET …/fields` returns it: only the keys that apply; v3 adds `Editable`.
nlohmann::ordered_json field_to_json(const FieldDef& field, int display_order, bool v3 = false);
/// Applies `NewListField` values: kept keys stay, old keys come back, new ones get max+1.
void apply_new_list(FieldDef& field, const nlohmann::json& values);
/// Converts one list item to the field's item type (string, number, date); throws ApiError.
nlohmann::json list_item_value(FieldType type, const nlohmann::json& value);
/// Checks the options of a generated or typed field (uniqueness, Format, Length, Prefix, sizes).
/// Throws ApiError 400.
void validate_field(const FieldDef& field);
/// SQLite column definition (type, collation, generated expression).
std::string column_sql(const FieldDef& field);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
