#pragma once
/// @file
/// A lazy input range over the records of a read, one page in memory at a time.

#include <cstddef>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

#include "caspio/export.hpp"
#include "caspio/row.hpp"

namespace caspio {

/// Records of a read, fetched page by page as iteration advances: the first page is fetched by
/// begin(), the next one when the current page is used up and was full; iteration ends on a short
/// page. Only one page is held at a time.
///
/// Move-only. Moving a range invalidates its iterators.
/// @par Thread safety
/// A range and its iterators belong to one thread.
class CASPIO_EXPORT RecordRange {
 public:
  /// Loads page `page_number` (from 1); throws on failure.
  using PageLoader = std::function<std::vector<Row>(int page_number)>;

  /// A range over pages of `page_size` rows served by `loader` (also a test seam for faking
  /// reads). `page_size` <= 0 means the loader's first page is the only one.
  RecordRange(PageLoader loader, int page_size);
  /// Moves the range; the moved-from range may only be destroyed or assigned to.
  RecordRange(RecordRange&&) noexcept = default;
  /// Moves the range; the moved-from range may only be destroyed or assigned to.
  RecordRange& operator=(RecordRange&&) noexcept = default;
  RecordRange(const RecordRange&) = delete;
  RecordRange& operator=(const RecordRange&) = delete;

  /// Input iterator over the records.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;  ///< Single pass.
    using value_type = Row;                             ///< One record.
    using difference_type = std::ptrdiff_t;             ///< Signed, as C++20 ranges require.
    using pointer = const Row*;                         ///< Pointer to a record.
    using reference = const Row&;                       ///< Reference to a record.

    /// Keeps the previous record alive so `*it++` works.
    class PostfixProxy {
     public:
      /// The record before the increment.
      const Row& operator*() const noexcept { return value_; }

     private:
      friend class iterator;
      explicit PostfixProxy(Row value) : value_(std::move(value)) {}
      Row value_;
    };

    /// The end iterator.
    iterator() = default;
    /// The current record.
    reference operator*() const;
    /// The current record.
    pointer operator->() const { return &**this; }
    /// Advances; may fetch the next page. @throws caspio::Error when that fetch fails.
    iterator& operator++();
    /// Advances, returning the previous record. @throws caspio::Error as operator++().
    PostfixProxy operator++(int);
    /// Equal when both are at the end, or both point into the same range at the same place.
    friend bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.at_end() == b.at_end() && (a.at_end() || a.range_ == b.range_);
    }
    /// Negation of ==.
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class RecordRange;
    explicit iterator(RecordRange* range) : range_(range) {}
    bool at_end() const noexcept;
    RecordRange* range_ = nullptr;
  };

  /// Fetches the first page (once) and returns an iterator to the current record.
  /// @throws caspio::Error when the fetch fails.
  iterator begin();
  /// The end iterator.
  iterator end() noexcept { return iterator{}; }
  /// Number of pages fetched so far.
  int pages_fetched() const noexcept { return pages_fetched_; }

 private:
  void fetch_next();
  PageLoader loader_;
  int page_size_ = 0;
  std::vector<Row> page_;
  std::size_t index_ = 0;
  int pages_fetched_ = 0;
  bool started_ = false;
  bool last_page_ = false;
  Row previous_first_;  // first and last rows of the previous full page
  Row previous_last_;
};

}  // namespace caspio
