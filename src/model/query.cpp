#include "caspio/query.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "answer/errors.hpp"
#include "request/limits.hpp"

namespace caspio {

namespace {

// `value`, or InvalidArgumentError when it is outside [low, high].
int in_range(const char* name, int value, int low, int high) {
  if (value < low || value > high) {
    detail::throw_invalid(fmt::format("{} must be {}..{}, got {}", name, low, high, value));
  }
  return value;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// The output name of one select item: its alias after a top-level AS, else the item without
// brackets or a table prefix.
std::string output_name(const std::string& item) {
  std::string low = item;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto as = low.rfind(" as ");
  std::string name =
      as == std::string::npos ? item : trimmed(std::string_view(item).substr(as + 4));
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

Query& Query::select(std::string fields) {
  select_ = std::move(fields);
  return *this;
}

Query& Query::where(Where clause) {
  where_ = std::move(clause);
  return *this;
}

Query& Query::group_by(std::string fields) {
  group_by_ = std::move(fields);
  return *this;
}

Query& Query::order_by(std::string fields) {
  order_by_ = std::move(fields);
  return *this;
}

Query& Query::limit(int rows) {
  limit_ = in_range("q.limit", rows, detail::kMinLimit, detail::kMaxPageSize);
  return *this;
}

Query& Query::page_number(int page) {
  if (page < 1) detail::throw_invalid(fmt::format("q.pageNumber must be >= 1, got {}", page));
  page_number_ = page;
  return *this;
}

Query& Query::page_size(int rows) {
  page_size_ = in_range("q.pageSize", rows, detail::kMinPageSize, detail::kMaxPageSize);
  return *this;
}

std::vector<std::string> Query::select_names() const {
  const std::string& select = select_;
  std::vector<std::string> names;
  std::string item;
  int depth = 0;
  char quote = 0;
  bool star = false;
  const auto flush = [&] {
    const std::string t = trimmed(item);
    if (t == "*" || (t.size() > 2 && t.compare(t.size() - 2, 2, ".*") == 0)) star = true;
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
  if (star) names.clear();
  return names;
}

}  // namespace caspio
