#pragma once
/// @file
/// One record: its fields in Caspio's order, with typed access.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"
#include "caspio/field_names.hpp"
#include "caspio/value.hpp"

namespace caspio {

namespace detail {
class RowBuilder;
}  // namespace detail

/// One field of a Row: its name and its value, both views into the row.
struct Field {
  std::string_view name;  ///< The field's name.
  Value value;            ///< The field's value.
};

/// One record as Caspio sent it: the fields in Caspio's order (the order of `q.select`, or of
/// the table's design), the names shared with every other row of the read (a FieldNames
/// table), the values stored flat in one block per row.
///
/// ```
/// for (const caspio::Row& row : client.tables().records("Demo_Physicians")) {
///   std::string email = row.get<std::string>("Email");            // FieldError if not text
///   std::optional<double> fee = row.get_optional<double>("Fee");  // nullopt when null
///   for (const auto& [name, value] : row) std::cout << name << '=' << value.dump() << '\n';
/// }
/// ```
/// Rows convert to nlohmann::json (`nlohmann::json j = row;`, to_json()), so every write that
/// takes a JSON object also takes a Row.
/// @par Thread safety
/// Safe to read from many threads; a row being assigned to must not be read at the same time.
class CASPIO_EXPORT Row {
 public:
  /// A row with no fields.
  Row() noexcept = default;
  /// A copy (the name table is shared, the values copied).
  Row(const Row& other);
  /// Copies `other` (the name table is shared, the values copied).
  Row& operator=(const Row& other);
  /// Moves; the moved-from row has no fields.
  Row(Row&& other) noexcept = default;
  /// Moves; the moved-from row has no fields.
  Row& operator=(Row&& other) noexcept = default;
  ~Row() = default;

  /// A row of the members of `object`, in nlohmann::json's (sorted) order.
  /// @throws caspio::InvalidArgumentError when `object` is not a JSON object.
  static Row from_json(const nlohmann::json& object);
  /// A row of the members of `object`, in their order.
  /// @throws caspio::InvalidArgumentError when `object` is not a JSON object.
  static Row from_json(const nlohmann::ordered_json& object);

  /// Number of fields.
  std::size_t size() const noexcept { return names_ ? names_->size() : 0; }
  /// True when the row has no fields.
  bool empty() const noexcept { return size() == 0; }
  /// The field names, in order (shared with the other rows of the read).
  const FieldNames& names() const noexcept;
  /// The name table itself, to share it.
  const std::shared_ptr<const FieldNames>& shared_names() const noexcept { return names_; }
  /// True when the row has a field `name` (exact, case-sensitive).
  bool has(std::string_view name) const noexcept { return names_ && names_->find(name); }
  /// Same as has(), for code written against nlohmann::json.
  bool contains(std::string_view name) const noexcept { return has(name); }
  /// Position of field `name`, or std::nullopt.
  std::optional<std::size_t> index_of(std::string_view name) const noexcept {
    if (!names_) return std::nullopt;
    return names_->find(name);
  }

  /// Value of field `i` (unchecked: `i` < size()).
  Value operator[](std::size_t i) const noexcept { return Value(&cells_[i], text(), (*names_)[i]); }
  /// Value of field `name`. @throws caspio::FieldError ("FieldNotFound") when there is none.
  Value operator[](std::string_view name) const { return value(name); }
  /// Value of field `name`. @throws caspio::FieldError ("FieldNotFound") when there is none.
  Value value(std::string_view name) const;
  /// Value of field `i`. @throws caspio::FieldError ("FieldNotFound") when `i` >= size().
  Value at(std::size_t i) const;
  /// Value of field `name`, as value(). @throws caspio::FieldError ("FieldNotFound").
  Value at(std::string_view name) const { return value(name); }
  /// Name and value of field `i` (unchecked: `i` < size()).
  Field field(std::size_t i) const noexcept { return Field{(*names_)[i], (*this)[i]}; }

  /// Field `name` as T (see Value::get for the types).
  /// @throws caspio::FieldError when the field is missing, null, or not a T.
  template <typename T>
  T get(std::string_view name) const {
    return value(name).template get<T>();
  }
  /// Field `name` as T, std::nullopt when it is null.
  /// @throws caspio::FieldError when the field is missing or not a T.
  template <typename T>
  std::optional<T> get_optional(std::string_view name) const {
    return value(name).template get_optional<T>();
  }

  /// The row as a JSON object (nlohmann::json sorts the keys).
  nlohmann::json to_json() const;
  /// The row as an ordered JSON object (Caspio's field order).
  nlohmann::ordered_json to_ordered_json() const;
  /// Compact JSON text of the row, fields in order: `{"PK_ID":1,"Email":"a@b.c"}`.
  std::string dump() const;
  /// Appends dump() to `out`.
  void dump_to(std::string& out) const;
  /// A copy of the row without field `name` (the same row when it has none), e.g. PK_ID before
  /// writing a read row back.
  Row without(std::string_view name) const;

  /// Iterator over the fields, in order; dereferences to a Field by value.
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;  ///< Index-based.
    using value_type = Field;                                   ///< Name and value.
    using difference_type = std::ptrdiff_t;                     ///< Signed distance.
    using pointer = void;                                       ///< No stable address.
    using reference = Field;                                    ///< Returned by value.

    /// A singular iterator.
    const_iterator() noexcept = default;
    /// The current field.
    Field operator*() const noexcept { return row_->field(index_); }
    /// Field `n` places further.
    Field operator[](difference_type n) const noexcept {
      return row_->field(index_ + static_cast<std::size_t>(n));
    }
    /// Next field.
    const_iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    /// Next field, returning the previous position.
    const_iterator operator++(int) noexcept {
      const_iterator before = *this;
      ++index_;
      return before;
    }
    /// Previous field.
    const_iterator& operator--() noexcept {
      --index_;
      return *this;
    }
    /// Previous field, returning the previous position.
    const_iterator operator--(int) noexcept {
      const_iterator before = *this;
      --index_;
      return before;
    }
    /// Moves by `n`.
    const_iterator& operator+=(difference_type n) noexcept {
      index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
      return *this;
    }
    /// Moves back by `n`.
    const_iterator& operator-=(difference_type n) noexcept { return *this += -n; }
    /// `it` moved by `n`.
    friend const_iterator operator+(const_iterator it, difference_type n) noexcept {
      return it += n;
    }
    /// `it` moved back by `n`.
    friend const_iterator operator-(const_iterator it, difference_type n) noexcept {
      return it -= n;
    }
    /// Distance between two positions of one row.
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) noexcept {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    /// Same position.
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
      return a.index_ == b.index_;
    }
    /// Different positions.
    friend bool operator!=(const const_iterator& a, const const_iterator& b) noexcept {
      return a.index_ != b.index_;
    }
    /// Earlier position.
    friend bool operator<(const const_iterator& a, const const_iterator& b) noexcept {
      return a.index_ < b.index_;
    }

   private:
    friend class Row;
    const_iterator(const Row* row, std::size_t index) noexcept : row_(row), index_(index) {}
    const Row* row_ = nullptr;
    std::size_t index_ = 0;
  };
  /// The first field.
  const_iterator begin() const noexcept { return const_iterator(this, 0); }
  /// Past the last field.
  const_iterator end() const noexcept { return const_iterator(this, size()); }

  /// Same names in the same order and equal values.
  friend CASPIO_EXPORT bool operator==(const Row& a, const Row& b) noexcept;
  /// Negation of ==.
  friend bool operator!=(const Row& a, const Row& b) noexcept { return !(a == b); }
  /// Writes dump() to `out`.
  friend CASPIO_EXPORT std::ostream& operator<<(std::ostream& out, const Row& row);

 private:
  friend class detail::RowBuilder;
  Row(std::shared_ptr<const FieldNames> names, std::unique_ptr<detail::ValueCell[]> cells,
      std::uint32_t text_size) noexcept
      : names_(std::move(names)), cells_(std::move(cells)), text_size_(text_size) {}
  const char* text() const noexcept { return reinterpret_cast<const char*>(cells_.get() + size()); }

  std::shared_ptr<const FieldNames> names_;
  std::unique_ptr<detail::ValueCell[]> cells_;  // size() cells, then the text of all values
  std::uint32_t text_size_ = 0;
};

/// nlohmann's conversion: `nlohmann::json j = row;` (keys sorted).
CASPIO_EXPORT void to_json(nlohmann::json& out, const Row& row);
/// nlohmann's conversion: `nlohmann::ordered_json j = row;` (Caspio's order).
CASPIO_EXPORT void to_json(nlohmann::ordered_json& out, const Row& row);

}  // namespace caspio
