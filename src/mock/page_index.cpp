#include "page_index.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {
// Filters remembered per table; more are dropped all at once (the index is only a cache).
constexpr std::size_t kMaxFilters = 16;
}  // namespace

void PageIndex::sync(std::int64_t version) {
  if (version == version_) return;
  marks_.clear();
  version_ = version;
}

PageIndex::Mark PageIndex::floor(const std::string& filter, std::int64_t offset) const {
  auto found = marks_.find(filter);
  if (found == marks_.end()) return {};
  auto it = found->second.upper_bound(offset);
  if (it == found->second.begin()) return {};
  --it;
  return {it->first, it->second};
}

void PageIndex::remember(const std::string& filter, std::int64_t offset, std::int64_t pk) {
  if (marks_.size() >= kMaxFilters && marks_.count(filter) == 0) marks_.clear();
  marks_[filter][offset] = pk;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
