#pragma once
// Reading the properties of a design body (`POST /tables`, `…/fields`): keys match
// case-insensitively, values of the wrong kind answer 400 IncorrectBodyParameter.

#include <nlohmann/json.hpp>
#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// The value of `key` (case-insensitive) in an object, nullptr when absent.
const nlohmann::json* find_prop(const nlohmann::json& body, const char* key);
/// The value of `key` (case-insensitive) in an object, nullptr when absent.
inline const nlohmann::json* find_prop(const nlohmann::json& body, const std::string& key) {
  return find_prop(body, key.c_str());
}
/// A boolean: true/false, 0/1 or "true"/"false".
bool prop_bool(const nlohmann::json& value, const std::string& key);
/// A string: text, a number's text, or "" for null.
std::string prop_text(const nlohmann::json& value, const std::string& key);
/// An integer, or a string that is one.
int prop_int(const nlohmann::json& value, const std::string& key);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
