#include "json_props.hpp"

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {

const nlohmann::json* find_prop(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return nullptr;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (iequals(it.key(), key)) return &it.value();
  }
  return nullptr;
}

bool prop_bool(const nlohmann::json& v, const std::string& key) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<long long>() != 0;
  if (v.is_string()) {
    auto s = v.get<std::string>();
    if (iequals(s, "true")) return true;
    if (iequals(s, "false")) return false;
  }
  throw bad_body("Field property '" + key + "' must be a boolean");
}

std::string prop_text(const nlohmann::json& v, const std::string& key) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  throw bad_body("Field property '" + key + "' must be a string");
}

int prop_int(const nlohmann::json& v, const std::string& key) {
  if (v.is_number_integer()) return v.get<int>();
  if (v.is_string()) {
    try {
      std::size_t used = 0;
      int n = std::stoi(v.get<std::string>(), &used);
      if (used == v.get<std::string>().size()) return n;
    } catch (const std::exception&) {
    }
  }
  throw bad_body("Field property '" + key + "' must be an integer");
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
