#pragma once
/// @file
/// The single updating progress line on stderr.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace caspio_cli {

/// What a progress line counts.
enum class ProgressUnit {
  rows,   ///< Records.
  bytes,  ///< Bytes, shown as B, KiB, MiB, GiB.
};

/// One line on stderr redrawn in place (`\r`, erase to end of line) at most ten times a second:
/// what is done, the total when known, the rate, the elapsed time and, with a total, the ETA, e.g.
/// `export Demo_Physicians: 4,000 / 20,000 rows  8,123 rows/s  0:00:01  ETA 0:00:02`.
/// A disabled line (stderr not a terminal, or --quiet) prints nothing at all.
class Progress {
 public:
  /// A line starting with `label`, counting `unit`; draws only when `enabled`.
  Progress(std::string label, ProgressUnit unit, bool enabled);
  /// Ends the line if it was drawn and not finished.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Sets the total (for "/ TOTAL" and the ETA).
  void set_total(std::uint64_t total) noexcept { total_ = total; }
  /// Records that `done` units are done; redraws when 100 ms passed since the last draw.
  void update(std::uint64_t done);
  /// Draws the final state and ends the line.
  void finish();
  /// True when the line is drawn.
  bool enabled() const noexcept { return enabled_; }

 private:
  void draw();
  std::string label_;
  ProgressUnit unit_;
  bool enabled_;
  bool drawn_ = false;
  bool finished_ = false;
  std::uint64_t done_ = 0;
  std::optional<std::uint64_t> total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace caspio_cli
