#include "caspio/query.hpp"

#include <fmt/format.h>

#include "answer/errors.hpp"
#include "request/limits.hpp"

namespace caspio {

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
  if (rows < detail::kMinLimit || rows > detail::kMaxPageSize) {
    detail::throw_invalid(fmt::format("q.limit must be {}..{}, got {}", detail::kMinLimit,
                                      detail::kMaxPageSize, rows));
  }
  limit_ = rows;
  return *this;
}

Query& Query::page_number(int page) {
  if (page < 1) detail::throw_invalid(fmt::format("q.pageNumber must be >= 1, got {}", page));
  page_number_ = page;
  return *this;
}

Query& Query::page_size(int rows) {
  if (rows < detail::kMinPageSize || rows > detail::kMaxPageSize) {
    detail::throw_invalid(fmt::format("q.pageSize must be {}..{}, got {}", detail::kMinPageSize,
                                      detail::kMaxPageSize, rows));
  }
  page_size_ = rows;
  return *this;
}

}  // namespace caspio
