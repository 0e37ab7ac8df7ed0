#pragma once
// Checks of caller input made before anything is sent (InvalidArgumentError).

#include <string>

#include <nlohmann/json.hpp>

#include "caspio/where.hpp"

namespace caspio {
namespace detail {

/// Throws InvalidArgumentError when `value` is empty.
void require_name(const std::string& value, const char* what);
/// Throws InvalidArgumentError unless `where` is non-empty (Where::all() allowed).
void require_bulk_where(const Where& where, const char* operation);
/// Throws InvalidArgumentError unless `values` is a JSON object without PK_ID (and non-empty
/// when `non_empty`).
void require_record_values(const nlohmann::json& values, bool non_empty);
/// `json.dump()`; invalid UTF-8 → InvalidArgumentError.
std::string dump_body(const nlohmann::json& json);

}  // namespace detail
}  // namespace caspio
