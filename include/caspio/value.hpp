#pragma once
/// @file
/// One value of a record, read with typed accessors.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/date_time.hpp"
#include "caspio/export.hpp"

namespace caspio {

/// What a record value holds, as Caspio sent it.
enum class ValueKind : std::uint8_t {
  null,     ///< JSON null (an unset NUMBER, DATE/TIME, LIST, FILE…).
  boolean,  ///< YES/NO.
  integer,  ///< A JSON integer (INTEGER, AUTONUMBER, PK_ID of a table).
  number,   ///< A JSON number with a fraction or exponent (NUMBER, CURRENCY).
  string,  ///< Text: STRING, TEXT, GUID, FILE paths, DATE/TIME and TIMESTAMP as Caspio writes them.
  list,    ///< A JSON object or array: LIST-STRING/NUMBER/DATE values keyed by item id.
};

/// The name of `kind` ("null", "boolean", …).
CASPIO_EXPORT const char* to_string(ValueKind kind) noexcept;

namespace detail {
/// Storage of one value inside a Row (16 bytes); text lives after the row's cells.
struct ValueCell {
  ValueKind kind = ValueKind::null;
  bool is_unsigned = false;  // an integer above INT64_MAX, held in `unsigned_integer`
  std::uint32_t size = 0;    // bytes of text (string, list)
  union {
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer;
    double number;
    std::uint64_t offset;  // of the text (string, list), from the start of the row's text
    bool boolean;
  };
};

template <typename T>
struct is_std_vector : std::false_type {};
template <typename T, typename A>
struct is_std_vector<std::vector<T, A>> : std::true_type {};
template <typename T>
struct is_std_optional : std::false_type {};
template <typename T>
struct is_std_optional<std::optional<T>> : std::true_type {};
template <typename T>
struct always_false : std::false_type {};
}  // namespace detail

/// A read-only view of one value of a Row: valid while the row lives and is not assigned to.
/// The typed accessors throw caspio::FieldError naming the field and both types when the value
/// is not of the asked type (no silent conversion: text is never parsed as a number).
/// @par Thread safety
/// Safe to read from many threads while nobody modifies the row.
class CASPIO_EXPORT Value {
 public:
  /// A null value that belongs to no field.
  Value() noexcept = default;
  /// What the value holds.
  ValueKind kind() const noexcept { return cell_ ? cell_->kind : ValueKind::null; }
  /// True for JSON null.
  bool is_null() const noexcept { return kind() == ValueKind::null; }
  /// The name of the field this value belongs to ("" for none).
  std::string_view field() const noexcept { return field_; }

  /// A boolean. @throws caspio::FieldError for any other kind.
  bool as_bool() const;
  /// An integer, or a number with no fraction within range.
  /// @throws caspio::FieldError for other kinds, fractions, and values out of range.
  std::int64_t as_int64() const;
  /// A non-negative integer, or a number with no fraction within range.
  /// @throws caspio::FieldError for other kinds, fractions, negative values.
  std::uint64_t as_uint64() const;
  /// A number or an integer (converted). @throws caspio::FieldError for any other kind.
  double as_double() const;
  /// The text of a string value (unescaped). @throws caspio::FieldError for any other kind.
  std::string_view as_string() const;
  /// A string value parsed as DateTime::parse does.
  /// @throws caspio::FieldError for other kinds or text that is not a date.
  DateTime as_date_time() const;
  /// The value as nlohmann::json (a list as an object or array).
  nlohmann::json to_json() const;
  /// The value as nlohmann::ordered_json (a list keeps its item order).
  nlohmann::ordered_json to_ordered_json() const;
  /// Compact JSON text of the value, as Caspio would write it.
  std::string dump() const;
  /// Appends dump() to `out`.
  void dump_to(std::string& out) const;

  /// The value as T: bool; any integral type (range-checked); float or double; std::string or
  /// std::string_view; caspio::DateTime; nlohmann::json; std::vector<U> of the items of a list
  /// (in Caspio's order, each as nlohmann converts it); std::optional<U> (std::nullopt for null).
  /// @throws caspio::FieldError on a null value (unless T is optional or nlohmann::json), a
  /// kind that is not T, or a number out of T's range.
  template <typename T>
  T get() const {
    using U = std::remove_cv_t<std::remove_reference_t<T>>;
    if constexpr (detail::is_std_optional<U>::value) {
      if (is_null()) return U{};
      return U{get<typename U::value_type>()};
    } else if constexpr (std::is_same_v<U, nlohmann::json>) {
      return to_json();
    } else if constexpr (std::is_same_v<U, nlohmann::ordered_json>) {
      return to_ordered_json();
    } else if constexpr (std::is_same_v<U, bool>) {
      return as_bool();
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
      const std::int64_t n = as_int64();
      if (n < static_cast<std::int64_t>(std::numeric_limits<U>::min()) ||
          n > static_cast<std::int64_t>(std::numeric_limits<U>::max())) {
        throw_out_of_range(sizeof(U) * 8, true);
      }
      return static_cast<U>(n);
    } else if constexpr (std::is_integral_v<U>) {
      const std::uint64_t n = as_uint64();
      if (n > static_cast<std::uint64_t>(std::numeric_limits<U>::max())) {
        throw_out_of_range(sizeof(U) * 8, false);
      }
      return static_cast<U>(n);
    } else if constexpr (std::is_floating_point_v<U>) {
      return static_cast<U>(as_double());
    } else if constexpr (std::is_same_v<U, std::string>) {
      return std::string(as_string());
    } else if constexpr (std::is_same_v<U, std::string_view>) {
      return as_string();
    } else if constexpr (std::is_same_v<U, DateTime>) {
      return as_date_time();
    } else if constexpr (detail::is_std_vector<U>::value) {
      const std::vector<nlohmann::ordered_json> items = list_items();
      U out;
      out.reserve(items.size());
      for (std::size_t i = 0; i < items.size(); ++i) {
        try {
          out.push_back(items[i].template get<typename U::value_type>());
        } catch (const nlohmann::json::exception& e) {
          throw_list_item(i, e.what());
        }
      }
      return out;
    } else {
      static_assert(detail::always_false<U>::value,
                    "caspio::Value::get<T>: T must be bool, an integral or floating-point type, "
                    "std::string, std::string_view, caspio::DateTime, nlohmann::json, "
                    "std::vector<U> or std::optional<U>");
    }
  }
  /// get<T>(), or std::nullopt when the value is null. @throws caspio::FieldError as get<T>.
  template <typename T>
  std::optional<T> get_optional() const {
    if (is_null()) return std::nullopt;
    return get<T>();
  }

  /// Equal kinds and equal values (an integer and a number are different kinds).
  friend CASPIO_EXPORT bool operator==(const Value& a, const Value& b) noexcept;
  /// Negation of ==.
  friend bool operator!=(const Value& a, const Value& b) noexcept { return !(a == b); }
  /// True when to_json() equals `json` (so `row["Active"] == true`, `row["Name"] == "Ada"`).
  friend CASPIO_EXPORT bool operator==(const Value& a, const nlohmann::json& json);
  /// True when to_json() equals `json`.
  friend bool operator==(const nlohmann::json& json, const Value& a) { return a == json; }
  /// Negation of ==.
  friend bool operator!=(const Value& a, const nlohmann::json& json) { return !(a == json); }
  /// Negation of ==.
  friend bool operator!=(const nlohmann::json& json, const Value& a) { return !(a == json); }
  /// Writes dump() to `out`.
  friend CASPIO_EXPORT std::ostream& operator<<(std::ostream& out, const Value& value);

 private:
  friend class Row;
  Value(const detail::ValueCell* cell, const char* text, std::string_view field) noexcept
      : cell_(cell), text_(text), field_(field) {}
  std::string_view text() const noexcept {
    return {text_ + cell_->offset, static_cast<std::size_t>(cell_->size)};
  }
  std::vector<nlohmann::ordered_json> list_items() const;
  [[noreturn]] void throw_mismatch(const char* wanted) const;
  [[noreturn]] void throw_out_of_range(std::size_t bits, bool is_signed) const;
  [[noreturn]] void throw_list_item(std::size_t index, const char* what) const;

  const detail::ValueCell* cell_ = nullptr;
  const char* text_ = nullptr;
  std::string_view field_;
};

}  // namespace caspio
