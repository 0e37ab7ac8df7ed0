#include "caspio/query.hpp"

#include <fmt/format.h>

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

}  // namespace caspio
