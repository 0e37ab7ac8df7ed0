#include "output/columns.hpp"

#include <algorithm>

#include "support/text.hpp"

namespace caspio_cli {
namespace {

// The output name of one select item: its alias after a top-level AS, else the item itself
// without brackets or a table prefix.
std::string output_name(const std::string& item) {
  const std::string low = lower_ascii(item);
  const auto as = low.rfind(" as ");
  std::string name = as == std::string::npos ? item : trim(item.substr(as + 4));
  if (name.size() >= 2 && ((name.front() == '[' && name.back() == ']') ||
                           (name.front() == '"' && name.back() == '"'))) {
    name = name.substr(1, name.size() - 2);
  }
  const auto dot = name.rfind('.');
  if (as == std::string::npos && dot != std::string::npos && name.find('(') == std::string::npos) {
    name = name.substr(dot + 1);
  }
  return name;
}

}  // namespace

std::vector<std::string> select_names(const std::string& select) {
  std::vector<std::string> names;
  std::string item;
  int depth = 0;
  char quote = 0;
  const auto flush = [&] {
    const std::string t = trim(item);
    if (!t.empty()) names.push_back(output_name(t));
    item.clear();
  };
  for (const char c : select) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      flush();
      continue;
    }
    item += c;
  }
  flush();
  return names;
}

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
