#pragma once
/// @file
/// Turning a Row into a user's struct: `from_row(const Row&, T&)`, or nlohmann's `from_json`.

#include <string>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "caspio/error.hpp"
#include "caspio/row.hpp"

namespace caspio {

namespace detail {
template <typename T, typename = void>
struct has_from_row : std::false_type {};
template <typename T>
struct has_from_row<T,
                    std::void_t<decltype(from_row(std::declval<const Row&>(), std::declval<T&>()))>>
    : std::true_type {};
template <typename T, typename = void>
struct has_from_json : std::false_type {};
template <typename T>
struct has_from_json<T, std::void_t<decltype(nlohmann::adl_serializer<T>::from_json(
                            std::declval<const nlohmann::json&>(), std::declval<T&>()))>>
    : std::true_type {};
}  // namespace detail

/// True when rows can be read as T: T is default-constructible and has a
/// `void from_row(const caspio::Row&, T&)` found by argument-dependent lookup, or an nlohmann
/// `from_json` (e.g. from NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE).
template <typename T>
constexpr bool is_row_mappable_v = std::is_default_constructible_v<T> &&
                                   (detail::has_from_row<T>::value ||
                                    detail::has_from_json<T>::value);

/// `row` as a T: through the user's `from_row(row, t)` when T has one (its FieldErrors pass
/// through), otherwise through nlohmann's `from_json` on row.to_json(), whose nlohmann exception
/// becomes a caspio::FieldError with code "RowMapping".
/// @throws caspio::FieldError as described.
template <typename T>
T row_as(const Row& row) {
  static_assert(is_row_mappable_v<T>,
                "caspio::row_as<T>: give T a `void from_row(const caspio::Row&, T&)` in T's "
                "namespace, or an nlohmann from_json, and a default constructor");
  T value{};
  if constexpr (detail::has_from_row<T>::value) {
    from_row(row, value);
  } else {
    try {
      nlohmann::adl_serializer<T>::from_json(row.to_json(), value);
    } catch (const nlohmann::json::exception& e) {
      ErrorInfo info;
      info.code = "RowMapping";
      info.message = std::string("a row did not convert through from_json: ") + e.what();
      throw FieldError(std::move(info));
    }
  }
  return value;
}

}  // namespace caspio
