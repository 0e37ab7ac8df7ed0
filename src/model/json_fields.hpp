#pragma once
// Small helpers for the to_json/from_json of the model structs.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace caspio {
namespace detail {

/// Sets `out` from `j[key]` when present and not null.
template <typename T>
void read_field(const nlohmann::json& j, const char* key, T& out) {
  const auto it = j.find(key);
  if (it != j.end() && !it->is_null()) it->get_to(out);
}

/// Sets `out` from `j[key]` when present and not null; leaves it empty otherwise.
template <typename T>
void read_field(const nlohmann::json& j, const char* key, std::optional<T>& out) {
  const auto it = j.find(key);
  if (it != j.end() && !it->is_null()) out = it->get<T>();
}

}  // namespace detail
}  // namespace caspio
