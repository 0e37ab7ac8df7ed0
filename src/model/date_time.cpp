#include "caspio/date_time.hpp"

#include <fmt/format.h>

namespace caspio {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) noexcept {
  if (at + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to year-month-day (proleptic Gregorian), Howard Hinnant's algorithm.
long long days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<DateTime> DateTime::parse(std::string_view text) noexcept {
  DateTime t;
  if (!digits(text, 0, 4, t.year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !digits(text, 5, 2, t.month) || !digits(text, 8, 2, t.day)) {
    return std::nullopt;
  }
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 ||
      t.day > days_in_month(t.year, t.month)) {
    return std::nullopt;
  }
  if (text.size() == 10) return t;
  if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' ||
      !digits(text, 11, 2, t.hour) || !digits(text, 14, 2, t.minute) || t.hour > 23 ||
      t.minute > 59) {
    return std::nullopt;
  }
  std::size_t at = 16;
  if (at < text.size()) {
    if (text[at] != ':' || !digits(text, at + 1, 2, t.second) || t.second > 59) {
      return std::nullopt;
    }
    at += 3;
    if (at < text.size()) {
      if (text[at] != '.' || at + 1 == text.size() || text.size() - at - 1 > 9) {
        return std::nullopt;
      }
      int fraction = 0;
      const std::size_t count = text.size() - at - 1;
      if (!digits(text, at + 1, count, fraction)) return std::nullopt;
      for (std::size_t i = count; i < 9; ++i) fraction *= 10;
      t.nanosecond = fraction;
    }
  }
  return t;
}

std::string DateTime::to_string() const {
  std::string out =
      fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second);
  if (nanosecond != 0) {
    std::string fraction = fmt::format("{:09}", nanosecond);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    out += '.';
    out += fraction;
  }
  return out;
}

std::chrono::system_clock::time_point DateTime::to_utc_time_point() const noexcept {
  const long long seconds =
      days_from_civil(year, month, day) * 86400LL + hour * 3600LL + minute * 60LL + second;
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanosecond)));
}

}  // namespace caspio
