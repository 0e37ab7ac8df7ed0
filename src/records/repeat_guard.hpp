#pragma once
// Detects a server that ignores q.pageNumber: a full page with the same first and last rows as
// the full page before it would repeat forever.

#include <cstddef>
#include <vector>

#include "caspio/row.hpp"

#include "answer/errors.hpp"

namespace caspio {
namespace detail {

/// Feed it every page of one fetch-all read, in order.
class RepeatGuard {
 public:
  /// Throws ApiError "RepeatedPage" when full page `number` repeats the previous full page.
  void check(const std::vector<Row>& page, std::size_t page_size, int number) {
    if (page_size == 0 || page.empty() || page.size() < page_size) return;
    if (seen_ && page.front() == first_ && page.back() == last_) throw_repeated_page(number);
    first_ = page.front();
    last_ = page.back();
    seen_ = true;
  }

 private:
  bool seen_ = false;
  Row first_;
  Row last_;
};

}  // namespace detail
}  // namespace caspio
