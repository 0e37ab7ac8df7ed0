#include "caspio/record_range.hpp"

#include <utility>

#include "answer/errors.hpp"

namespace caspio {

RecordRange::RecordRange(PageLoader loader, int page_size)
    : loader_(std::move(loader)), page_size_(page_size) {}

void RecordRange::fetch_next() {
  std::vector<Row> next = loader_(pages_fetched_ + 1);
  ++pages_fetched_;
  last_page_ = page_size_ <= 0 || next.size() < static_cast<std::size_t>(page_size_);
  if (!last_page_) {
    // A server that ignores q.pageNumber answers the same full page forever: stop.
    if (pages_fetched_ > 1 && next.front() == previous_first_ && next.back() == previous_last_) {
      detail::throw_repeated_page(pages_fetched_);
    }
    previous_first_ = next.front();
    previous_last_ = next.back();
  }
  page_ = std::move(next);
  index_ = 0;
}

RecordRange::iterator RecordRange::begin() {
  if (!started_) {
    started_ = true;
    fetch_next();
  }
  return iterator(this);
}

bool RecordRange::iterator::at_end() const noexcept {
  return range_ == nullptr || range_->index_ >= range_->page_.size();
}

RecordRange::iterator::reference RecordRange::iterator::operator*() const {
  return range_->page_[range_->index_];
}

RecordRange::iterator& RecordRange::iterator::operator++() {
  RecordRange& r = *range_;
  ++r.index_;
  if (r.index_ >= r.page_.size() && !r.last_page_) {
    r.page_.clear();
    r.fetch_next();
  }
  return *this;
}

RecordRange::iterator::PostfixProxy RecordRange::iterator::operator++(int) {
  PostfixProxy previous(**this);
  ++*this;
  return previous;
}

}  // namespace caspio
