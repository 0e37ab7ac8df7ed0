#include "request/query_params.hpp"

namespace caspio {
namespace detail {

QueryParams query_params(const Query& query) {
  QueryParams params;
  if (!query.select().empty()) params.emplace_back("q.select", query.select());
  if (!query.where().empty()) params.emplace_back("q.where", query.where().str());
  if (!query.group_by().empty()) params.emplace_back("q.groupBy", query.group_by());
  if (!query.order_by().empty()) params.emplace_back("q.orderBy", query.order_by());
  if (query.limit()) params.emplace_back("q.limit", std::to_string(*query.limit()));
  if (query.page_number())
    params.emplace_back("q.pageNumber", std::to_string(*query.page_number()));
  if (query.page_size()) params.emplace_back("q.pageSize", std::to_string(*query.page_size()));
  return params;
}

std::string stable_order(const Query& query) {
  if (!query.order_by().empty()) return query.order_by();
  if (!query.group_by().empty()) return query.group_by();
  return "PK_ID";
}

}  // namespace detail
}  // namespace caspio
