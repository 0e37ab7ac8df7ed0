#include "request/name_lookup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "caspio/error.hpp"

namespace caspio {
namespace detail {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += "'" + name + "'";
  }
  return out;
}

}  // namespace

std::string ascii_lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

std::vector<std::string> near_names(const std::string& wanted,
                                    const std::vector<std::string>& candidates, std::size_t max) {
  const std::string w = ascii_lower(wanted);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& candidate : candidates) {
    const std::string c = ascii_lower(candidate);
    const std::size_t distance = edit_distance(w, c);
    const bool contains =
        !w.empty() && (c.find(w) != std::string::npos || w.find(c) != std::string::npos);
    const bool same_initial = !w.empty() && !c.empty() && w[0] == c[0];
    const bool close = distance <= std::max<std::size_t>(2, w.size() / 3);
    if (contains || close || same_initial) scored.emplace_back(contains ? 0 : distance, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& entry : scored) {
    if (out.size() >= max) break;
    out.push_back(std::move(entry.second));
  }
  return out;
}

void throw_name_not_found(const std::string& what, const std::string& wanted,
                          const std::vector<std::string>& candidates, const std::string& where) {
  std::string message = fmt::format("{} '{}' does not exist{}", what, wanted,
                                    where.empty() ? std::string() : " in " + where);
  const auto near = near_names(wanted, candidates);
  if (!near.empty()) {
    message += "; near names: " + quoted_list(near);
  } else if (candidates.empty()) {
    message += "; there are none";
  } else {
    std::vector<std::string> some(
        candidates.begin(), candidates.begin() + std::min<std::size_t>(candidates.size(), 10));
    message += "; existing: " + quoted_list(some);
    if (candidates.size() > some.size()) message += ", …";
  }
  ErrorInfo info;
  info.code = "NameNotFound";
  info.message = std::move(message);
  throw NotFoundError(std::move(info));
}

}  // namespace detail
}  // namespace caspio
