#include "records/paging.hpp"

#include "answer/errors.hpp"
#include "request/limits.hpp"
#include "request/query_params.hpp"

namespace caspio {
namespace detail {

PagePlan plan_pages(std::vector<std::string> segments, const Query& query) {
  if (query.page_number()) {
    throw_invalid(
        "page_number cannot be set for a fetch-all read (pages are numbered by the SDK); use "
        "get_records_paginated for one page");
  }
  if (query.limit() && query.page_size()) {
    throw_invalid("q.limit cannot be combined with q.pageSize");
  }
  Query base;
  base.select(query.select()).where(query.where()).group_by(query.group_by());
  base.order_by(stable_order(query));
  PagePlan plan;
  plan.segments = std::move(segments);
  plan.fixed = query_params(base);
  if (query.limit()) {
    // At most `limit` (<= 1000) rows: one plain request, no paging parameters.
    plan.fixed.emplace_back("q.limit", std::to_string(*query.limit()));
  } else {
    plan.page_size = query.page_size().value_or(kDefaultPageSize);
  }
  return plan;
}

QueryParams page_params(const PagePlan& plan, int page) {
  QueryParams params = plan.fixed;
  if (plan.page_size > 0) {
    params.emplace_back("q.pageNumber", std::to_string(page));
    params.emplace_back("q.pageSize", std::to_string(plan.page_size));
  }
  return params;
}

}  // namespace detail
}  // namespace caspio
