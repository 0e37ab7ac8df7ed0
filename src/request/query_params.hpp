#pragma once
// A Query's q.* parameters, in Caspio's documented order.

#include <string>

#include "caspio/query.hpp"
#include "request/url.hpp"

namespace caspio {
namespace detail {

/// The set q.* parameters of `query`, in Caspio's documented order.
QueryParams query_params(const Query& query);
/// `q.orderBy` for fetch-all reads: the query's order, else its groupBy, else PK_ID.
std::string stable_order(const Query& query);

}  // namespace detail
}  // namespace caspio
