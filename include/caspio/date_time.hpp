#pragma once
/// @file
/// A Caspio DATE/TIME or TIMESTAMP value, as Caspio writes it in records.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "caspio/export.hpp"

namespace caspio {

/// A calendar date and time of day with no time zone, as Caspio sends DATE/TIME and TIMESTAMP
/// values (`"2020-10-07T04:54:19"`, fractional seconds optional). A date alone (`"2024-01-31"`)
/// reads as midnight.
struct CASPIO_EXPORT DateTime {
  int year = 1970;              ///< Year, 1 to 9999.
  int month = 1;                ///< Month, 1 to 12.
  int day = 1;                  ///< Day of the month, 1 to 31 (checked against the month).
  int hour = 0;                 ///< Hour, 0 to 23.
  int minute = 0;               ///< Minute, 0 to 59.
  int second = 0;               ///< Second, 0 to 59.
  std::int32_t nanosecond = 0;  ///< Fraction of the second, 0 to 999,999,999.

  /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fffffffff]]` (a space may replace the `T`);
  /// std::nullopt for anything else, an impossible date included. A trailing `Z` is refused:
  /// Caspio's record values carry no zone.
  static std::optional<DateTime> parse(std::string_view text) noexcept;
  /// `YYYY-MM-DDTHH:MM:SS`, with `.` and the fraction (trailing zeros removed) when non-zero.
  std::string to_string() const;
  /// The same wall-clock time read as UTC. Caspio stores no zone: a TIMESTAMP field's zone is
  /// its `TimeZone` setting, so convert with that in mind.
  std::chrono::system_clock::time_point to_utc_time_point() const noexcept;

  /// Equal when every member is equal.
  friend bool operator==(const DateTime& a, const DateTime& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour &&
           a.minute == b.minute && a.second == b.second && a.nanosecond == b.nanosecond;
  }
  /// Negation of ==.
  friend bool operator!=(const DateTime& a, const DateTime& b) noexcept { return !(a == b); }
};

}  // namespace caspio
