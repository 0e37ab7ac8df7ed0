#pragma once
// The fetch-all plan of a query: which requests read every row, page by page.

#include <string>
#include <vector>

#include "caspio/query.hpp"
#include "request/url.hpp"

namespace caspio {
namespace detail {

/// Requests of a fetch-all read. `page_size` 0 means one request (a q.limit read) with
/// `fixed` as its parameters; otherwise page N is `fixed` + q.pageNumber=N + q.pageSize.
struct PagePlan {
  std::vector<std::string> segments;  ///< e.g. {"tables", "Demo_Users", "records"}.
  QueryParams fixed;                  ///< Parameters of every page, in Caspio's order.
  int page_size = 0;                  ///< Rows per full page; 0 for a single request.
};

/// The plan of reading every row of `query` from `segments`, in a stable order (the query's
/// order, else its groupBy, else PK_ID). Throws InvalidArgumentError for q.pageNumber, or q.limit
/// with q.pageSize.
PagePlan plan_pages(std::vector<std::string> segments, const Query& query);

/// The parameters of page `page` (1-based) of `plan`.
QueryParams page_params(const PagePlan& plan, int page);

}  // namespace detail
}  // namespace caspio
