#pragma once
// Record values: JSON written by clients → SQLite values, and SQLite values → Caspio's JSON.

#include <sqlite3.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

#include "sql_db.hpp"
#include "table_schema.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// A whole-string decimal number, or nullopt.
std::optional<double> parse_number(const std::string& text);
/// "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±hh:mm]" → "YYYY-MM-DDTHH:MM:SS" (zone dropped, not converted).
std::optional<std::string> normalize_date(const std::string& text);

/// Converts a value written by a client to what the field's column stores. Throws ApiError 400
/// with Caspio's "value doesn't match the data type" message (or a truncation error).
SqlValue to_column_value(const std::string& table, const FieldDef& field,
                         const nlohmann::json& value);

/// A RANDOM ID value per the field's Format, Length and Prefix.
std::string make_random_id(const FieldDef& field, std::mt19937_64& rng);
/// A PREFIXED AUTONUMBER value: prefix + number zero-padded to the Format's width.
std::string make_prefixed(const FieldDef& field, std::int64_t n);

/// Appends `s` as a JSON string literal.
void append_json_string(std::string& out, const char* s, std::size_t n);
inline void append_json_string(std::string& out, const std::string& s) {
  append_json_string(out, s.data(), s.size());
}

/// How one result column is written into a record.
enum class RenderKind { pk, pk_string, field, raw };

/// Appends column `col` of the current row as Caspio shows it for `field` (nullptr: by SQLite
/// type). List fields read as {"key":value}; unset text reads "", unset YES/NO false.
void append_value(std::string& out, sqlite3_stmt* stmt, int col, RenderKind kind,
                  const FieldDef* field);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
