#pragma once
/// @file
/// A lazy range of a read's records converted to a user's type.

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>

#include "caspio/record_range.hpp"
#include "caspio/row_mapping.hpp"

namespace caspio {

/// The records of a RecordRange, each converted to T by row_as<T> when reached; one page of
/// rows and one T are held at a time. Move-only, single pass, like RecordRange.
/// @par Thread safety
/// A range and its iterators belong to one thread.
template <typename T>
class TypedRange {
 public:
  /// Converts the rows of `rows`.
  explicit TypedRange(RecordRange rows) : rows_(std::move(rows)) {}

  /// Input iterator over the converted records.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;  ///< Single pass.
    using value_type = T;                               ///< One converted record.
    using difference_type = std::ptrdiff_t;             ///< Signed.
    using pointer = const T*;                           ///< Pointer to the record.
    using reference = const T&;                         ///< Reference to the record.

    /// The end iterator.
    iterator() = default;
    /// The current record, converted on first access. @throws caspio::FieldError from row_as.
    reference operator*() const {
      if (!current_) current_.emplace(row_as<T>(*rows_));
      return *current_;
    }
    /// The current record.
    pointer operator->() const { return &**this; }
    /// Advances; may fetch the next page. @throws caspio::Error when that fetch fails.
    iterator& operator++() {
      current_.reset();
      ++rows_;
      return *this;
    }
    /// Advances (prefer the prefix form: this one copies the record).
    /// @throws caspio::Error as operator++().
    T operator++(int) {
      T before = **this;
      ++*this;
      return before;
    }
    /// Equal when the underlying row iterators are.
    friend bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.rows_ == b.rows_;
    }
    /// Negation of ==.
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class TypedRange;
    explicit iterator(RecordRange::iterator rows) : rows_(std::move(rows)) {}
    RecordRange::iterator rows_;
    mutable std::optional<T> current_;
  };

  /// Fetches the first page (once). @throws caspio::Error when the fetch fails.
  iterator begin() { return iterator(rows_.begin()); }
  /// The end iterator.
  iterator end() noexcept { return iterator(); }
  /// Number of pages fetched so far.
  int pages_fetched() const noexcept { return rows_.pages_fetched(); }

 private:
  RecordRange rows_;
};

}  // namespace caspio
