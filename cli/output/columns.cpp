#include "output/columns.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace caspio_cli {
ColumnOrder::ColumnOrder(std::vector<std::string> preferred, bool drop_pk_id)
    : columns_(std::move(preferred)), drop_pk_id_(drop_pk_id) {}

template <typename Json>
const std::vector<std::string>& ColumnOrder::resolve_as(const Json& first) {
  if (resolved_) return columns_;
  resolved_ = true;
  std::vector<std::string> out;
  const auto taken = [&out](const std::string& key) {
    return std::find(out.begin(), out.end(), key) != out.end();
  };
  for (const auto& name : columns_) {
    std::string key;
    if (first.contains(name)) {
      key = name;
    } else {
      for (const auto& item : first.items()) {
        if (iequals(item.key(), name)) key = item.key();
      }
    }
    if (!key.empty() && !dropped(key) && !taken(key)) out.push_back(key);
  }
  if (first.is_object()) {
    for (const auto& item : first.items()) {
      if (!dropped(item.key()) && !taken(item.key())) out.push_back(item.key());
    }
  }
  columns_ = std::move(out);
  return columns_;
}

const std::vector<std::string>& ColumnOrder::resolve(const nlohmann::json& first) {
  return resolve_as(first);
}

const std::vector<std::string>& ColumnOrder::resolve(const nlohmann::ordered_json& first) {
  return resolve_as(first);
}

}  // namespace caspio_cli
