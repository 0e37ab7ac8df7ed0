#include "output/progress.hpp"

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

#include "output/text_width.hpp"

namespace caspio_cli {
namespace {

std::string grouped(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string amount(double value, ProgressUnit unit) {
  if (unit == ProgressUnit::rows) return grouped(static_cast<std::uint64_t>(value));
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int i = 0;
  while (value >= 1024.0 && i < 4) {
    value /= 1024.0;
    ++i;
  }
  return i == 0 ? fmt::format("{:.0f} B", value) : fmt::format("{:.1f} {}", value, units[i]);
}

// Columns of the terminal on stderr; 0 when unknown.
std::size_t terminal_columns() {
  struct winsize size {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

std::string clock(double seconds) {
  const auto s = static_cast<long long>(seconds);
  return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

}  // namespace

Progress::Progress(std::string label, ProgressUnit unit, bool enabled)
    : label_(std::move(label)),
      unit_(unit),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (drawn_ && !finished_) std::fputs("\n", stderr);
}

void Progress::update(std::uint64_t done) {
  done_ = done;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw();
}

void Progress::finish() {
  if (!enabled_ || finished_) return;
  draw();
  std::fputs("\n", stderr);
  std::fflush(stderr);
  finished_ = true;
}

void Progress::draw() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0.001 ? static_cast<double>(done_) / elapsed : 0.0;
  const char* noun = unit_ == ProgressUnit::rows ? " rows" : "";
  std::string line = fmt::format("{}: {}", label_, amount(static_cast<double>(done_), unit_));
  if (total_) line += " / " + amount(static_cast<double>(*total_), unit_);
  line += fmt::format("{}  {}{}/s  {}", noun, amount(rate, unit_), noun, clock(elapsed));
  if (total_ && rate > 0.0 && *total_ >= done_) {
    line += "  ETA " + clock(static_cast<double>(*total_ - done_) / rate);
  }
  // Never wider than the terminal: a wrapped line could not be redrawn in place.
  const std::size_t columns = terminal_columns();
  if (columns > 1 && display_width(line) >= columns) line = fit_cell(line, columns - 1);
  line = "\r" + line + "\x1b[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace caspio_cli
