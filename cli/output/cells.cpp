#include "output/cells.hpp"

#include <algorithm>

namespace caspio_cli {

std::string to_json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ordered_object(const nlohmann::json& record, const std::vector<std::string>& columns,
                           bool drop_pk_id) {
  if (!record.is_object()) return to_json_text(record);
  std::string out = "{";
  const auto add = [&out](const std::string& key, const nlohmann::json& value) {
    if (out.size() > 1) out += ',';
    out += to_json_text(key) + ':' + to_json_text(value);
  };
  for (const auto& key : columns) {
    const auto it = record.find(key);
    if (it != record.end()) add(key, *it);
  }
  for (const auto& item : record.items()) {
    if (drop_pk_id && item.key() == "PK_ID") continue;
    if (std::find(columns.begin(), columns.end(), item.key()) == columns.end()) {
      add(item.key(), item.value());
    }
  }
  return out + "}";
}

std::string plain_text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  return to_json_text(value);
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + '"';
}

std::string table_text(const nlohmann::json& value) {
  if (value.is_object()) {
    std::string out;
    for (const auto& item : value.items()) {
      if (!out.empty()) out += ", ";
      out += plain_text(item.value());
    }
    return out;
  }
  return plain_text(value);
}

}  // namespace caspio_cli
