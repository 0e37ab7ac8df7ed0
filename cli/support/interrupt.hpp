#pragma once
/// @file
/// SIGINT and SIGTERM handling: remove a half-written output file, or let the work stop between
/// two steps.

#include <string>

namespace caspio_cli {

/// Installs the handler for SIGINT and SIGTERM. Without a registered path or graceful mode, the
/// signal ends the process at once with exit status 128 + signal.
void install_interrupt_handler();

/// True once SIGINT or SIGTERM arrived while graceful mode was on.
bool interrupted() noexcept;

/// The exit status for the signal that arrived (130 for SIGINT, 143 for SIGTERM).
int interrupt_exit_code() noexcept;

/// While alive, a signal deletes `path` (a temporary file) and ends the process at once.
class RemoveOnInterrupt {
 public:
  /// Registers `path` (at most 4095 bytes; longer paths are not registered).
  explicit RemoveOnInterrupt(const std::string& path);
  /// Unregisters the path.
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;
};

/// While alive, the first signal only sets interrupted() (the work stops at its next step); a
/// second one ends the process.
class GracefulInterrupt {
 public:
  /// Turns graceful mode on.
  GracefulInterrupt();
  /// Turns graceful mode off.
  ~GracefulInterrupt();
  GracefulInterrupt(const GracefulInterrupt&) = delete;
  GracefulInterrupt& operator=(const GracefulInterrupt&) = delete;
};

}  // namespace caspio_cli
