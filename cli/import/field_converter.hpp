#pragma once
/// @file
/// Turning input values (CSV text or JSON) into what a table's fields accept.

#include <map>
#include <string>
#include <vector>

#include <caspio/caspio.hpp>
#include <nlohmann/json.hpp>

namespace caspio_cli {

/// What the importer does with an input column.
enum class ColumnUse {
  write,    ///< A writable field: converted and sent.
  skip,     ///< A field Caspio fills itself (autonumber, GUID, random ID, timestamp, formula) or
            ///< PK_ID: left out.
  unknown,  ///< Not a field of the table.
};

/// Converts values for the fields of one table, from its definition. Field names match ignoring
/// ASCII case; the table's spelling is used in the record sent.
class FieldConverter {
 public:
  /// A converter for a table with `fields`.
  explicit FieldConverter(const std::vector<caspio::FieldDefinition>& fields);
  /// How a column named `name` is used.
  ColumnUse use_of(const std::string& name) const;
  /// True when field `name` is a known field whose values must be unique (`Unique`).
  bool is_unique(const std::string& name) const;
  /// The table's spelling of field `name` (which must be known).
  const std::string& field_name(const std::string& name) const;
  /// The value for field `name` from CSV text, by type: NUMBER and CURRENCY a number, INTEGER an
  /// integer, YES/NO a boolean (true/false, yes/no, 1/0), LIST-* the item keys (from a JSON
  /// object `{"1":"Cat"}`, a JSON array of keys or values, or one key or value), others the text.
  /// @throws std::invalid_argument with a message naming the field when the text does not fit.
  nlohmann::json from_text(const std::string& name, const std::string& text) const;
  /// The value for field `name` from a JSON value: strings convert as from_text, list objects
  /// and arrays become keys, other values pass as they are.
  /// @throws std::invalid_argument as from_text.
  nlohmann::json from_json(const std::string& name, const nlohmann::json& value) const;

 private:
  nlohmann::json list_keys(const caspio::FieldDefinition& field, const nlohmann::json& items) const;
  std::map<std::string, caspio::FieldDefinition> fields_;  // by lower-case name
};

}  // namespace caspio_cli
