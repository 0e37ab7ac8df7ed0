#pragma once
/// @file
/// Table and field design types, convertible to and from JSON (Caspio's wire shapes).

#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"

namespace caspio {

/// Name and note of a table or view (`GET /v2/tables/{t}`, `GET /v2/views/{v}`).
struct CASPIO_EXPORT ObjectDescription {
  std::string name;  ///< `Name`.
  std::string note;  ///< `Note`.
};

/// One field of a table, as sent to `POST /v2/tables`, `POST …/fields` and read back from
/// `GET …/fields`. Unset optionals are left out of the JSON, as Caspio leaves out keys that do not
/// apply to a type.
struct CASPIO_EXPORT FieldDefinition {
  /// An empty definition (fill in at least name and type).
  FieldDefinition() = default;
  /// A definition with a name and a type, other keys unset.
  FieldDefinition(std::string field_name, std::string field_type)
      : name(std::move(field_name)), type(std::move(field_type)) {}

  std::string name;            ///< `Name` (required).
  std::string type;            ///< `Type` (required), e.g. "STRING", "RANDOM ID", "LIST-STRING".
  std::optional<bool> unique;  ///< `Unique`.
  std::optional<bool> unique_allow_nulls;  ///< `UniqueAllowNulls`.
  std::optional<std::string> label;        ///< `Label`.
  std::optional<std::string> description;  ///< `Description`.
  std::optional<int> display_order;        ///< `DisplayOrder`.
  std::optional<bool> on_insert;           ///< `OnInsert` (TIMESTAMP).
  std::optional<bool> on_update;           ///< `OnUpdate` (TIMESTAMP).
  std::optional<std::string> time_zone;    ///< `TimeZone` (TIMESTAMP).
  std::optional<std::string> format;       ///< `Format` (RANDOM ID, PREFIXED AUTONUMBER).
  std::optional<std::string> prefix;       ///< `Prefix`.
  std::optional<int> length;               ///< `Length` (RANDOM ID).
  std::optional<bool> is_formula;          ///< `IsFormula`.
  /// `ListField`: an array of values when creating (`["Cat","Dog"]`), an object keyed by item id
  /// when read (`{"1":"Cat","2":"Dog"}`); null when absent.
  nlohmann::json list_field;
  /// `Editable` (read only; REST v3 answers): whether the field's values can be written. Never
  /// sent.
  std::optional<bool> editable;
  /// `TableFieldName` (read only; REST v3 view fields): the base table's field shown. Never sent.
  std::optional<std::string> table_field_name;
};

/// The changes of `PUT /v2/tables/{t}/fields/{f}`; each set member becomes a `New*` key
/// (`NewName`, `NewType`, …) in REST v2, the plain key (`Name`, `Type`, …) in REST v3. Unset
/// members are not sent.
struct CASPIO_EXPORT FieldUpdate {
  std::optional<std::string> new_name;         ///< `NewName`.
  std::optional<std::string> new_type;         ///< `NewType`.
  std::optional<bool> new_unique;              ///< `NewUnique`.
  std::optional<bool> new_unique_allow_nulls;  ///< `NewUniqueAllowNulls`.
  std::optional<std::string> new_label;        ///< `NewLabel`.
  std::optional<std::string> new_description;  ///< `NewDescription`.
  std::optional<int> new_display_order;        ///< `NewDisplayOrder`.
  std::optional<bool> new_on_insert;           ///< `NewOnInsert`.
  std::optional<bool> new_on_update;           ///< `NewOnUpdate`.
  std::optional<std::string> new_time_zone;    ///< `NewTimeZone`.
  std::optional<std::string> new_format;       ///< `NewFormat`.
  std::optional<std::string> new_prefix;       ///< `NewPrefix`.
  std::optional<int> new_length;               ///< `NewLength`.
  nlohmann::json new_list_field;               ///< `NewListField` (array of values); null = unset.
};

/// `{"Name","Note"}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const ObjectDescription& d);
/// Reads `Name` and `Note` (missing → ""). @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, ObjectDescription& d);
/// Caspio's field object with only the set keys (the read-only `Editable` and `TableFieldName`
/// are left out: Caspio refuses them in a definition it is sent).
CASPIO_EXPORT void to_json(nlohmann::json& j, const FieldDefinition& f);
/// Reads a field object; unknown keys are ignored. @throws nlohmann::json::exception on wrong
/// types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, FieldDefinition& f);
/// The `New*` object with only the set keys.
CASPIO_EXPORT void to_json(nlohmann::json& j, const FieldUpdate& u);
/// Reads a `New*` object. @throws InvalidArgumentError for a key that is not a `New*` key Caspio
/// accepts. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, FieldUpdate& u);

}  // namespace caspio
