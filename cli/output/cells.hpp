#pragma once
/// @file
/// Rendering one value as text: JSON with keys in column order, CSV fields, table cells.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace caspio_cli {

/// Compact JSON of `value`; invalid UTF-8 is replaced rather than refused.
std::string to_json_text(const nlohmann::json& value);

/// `record` as a JSON object whose keys come in `columns` order, then any other keys (in their
/// order), leaving out `PK_ID` when `drop_pk_id`.
std::string ordered_object(const nlohmann::json& record, const std::vector<std::string>& columns,
                           bool drop_pk_id = false);

/// The text of a value in CSV: strings as they are, null as "", other values as compact JSON
/// (true, 12.5, {"1":"Cat"}).
std::string plain_text(const nlohmann::json& value);

/// `text` as one RFC 4180 field (quoted when it holds a comma, quote, CR or LF).
std::string csv_field(const std::string& text);

/// The text of a value in an aligned table: as plain_text, except that a list field's object
/// `{"1":"Cat","2":"Dog"}` shows its values `Cat, Dog`.
std::string table_text(const nlohmann::json& value);

}  // namespace caspio_cli
