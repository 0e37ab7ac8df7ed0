#pragma once
/// @file
/// An error of the tool itself (not of the SDK), carrying its exit code.

#include <stdexcept>
#include <string>

#include "support/exit_codes.hpp"

namespace caspio_cli {

/// A failure the tool detects itself (bad settings, bad input file, refused profile file). Its
/// message is one line a person can act on, and never holds a secret.
class CliError : public std::runtime_error {
 public:
  /// A failure with message `message` that ends the run with `code`.
  CliError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The exit code the run ends with.
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

}  // namespace caspio_cli
