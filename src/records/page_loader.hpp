#pragma once
// The page loaders of fetch-all reads: rows of page N, sequential or fetched ahead.

#include <functional>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/record_range.hpp"
#include "client/client_state.hpp"
#include "records/page_prefetch.hpp"
#include "records/paging.hpp"

namespace caspio {
namespace detail {

/// Pages of `plan` from page `first` on: loaded on demand when `prefetch` is 0, otherwise by a
/// PagePrefetcher started on the first call and stopped when the loader is destroyed.
/// `is_last` says which page ends the read.
template <typename Page>
std::function<Page(int)> paged_loader(std::function<Page(int)> load,
                                      std::function<bool(const Page&)> is_last, int prefetch,
                                      int first) {
  if (prefetch <= 0) return load;
  std::shared_ptr<PagePrefetcher<Page>> ahead;
  return [load = std::move(load), is_last = std::move(is_last), prefetch, first,
          ahead](int page) mutable {
    if (!ahead) ahead = std::make_shared<PagePrefetcher<Page>>(load, is_last, prefetch, first);
    return ahead->take(page);
  };
}

struct RecordSource;

/// The plan of a fetch-all read of `source`, checked (its longest URL built once so that a
/// too-long query fails before anything is sent).
PagePlan checked_plan(const ClientState& state, const RecordSource& source, const Query& query);

/// The rows of each page of `plan`, `prefetch` pages ahead (0: none).
RecordRange::PageLoader row_loader(const std::shared_ptr<const ClientState>& state, PagePlan plan,
                                   int prefetch);

}  // namespace detail
}  // namespace caspio
