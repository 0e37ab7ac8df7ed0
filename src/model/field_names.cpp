#include "caspio/field_names.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "answer/errors.hpp"

namespace caspio {
namespace {
// Tables up to this size are searched in order: shorter than building and probing an index.
constexpr std::size_t kLinearSearch = 16;
}  // namespace

FieldNames::FieldNames(std::vector<std::string> names) : names_(std::move(names)) {
  sorted_.reserve(names_.size());
  for (std::size_t i = 0; i < names_.size(); ++i) sorted_.emplace_back(names_[i], i);
  std::sort(sorted_.begin(), sorted_.end());
  for (std::size_t i = 1; i < sorted_.size(); ++i) {
    if (sorted_[i].first == sorted_[i - 1].first) {
      detail::throw_invalid("field name '" + std::string(sorted_[i].first) + "' repeats in a row");
    }
  }
  if (names_.size() <= kLinearSearch) sorted_.clear();
}

std::optional<std::size_t> FieldNames::find(std::string_view name) const noexcept {
  if (sorted_.empty()) {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const std::string& n = names_[i];
      if (n.size() == name.size() && std::memcmp(n.data(), name.data(), name.size()) == 0) {
        return i;
      }
    }
    return std::nullopt;
  }
  const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), name,
                                   [](const std::pair<std::string_view, std::size_t>& a,
                                      std::string_view b) { return a.first < b; });
  if (it == sorted_.end() || it->first != name) return std::nullopt;
  return it->second;
}

}  // namespace caspio
