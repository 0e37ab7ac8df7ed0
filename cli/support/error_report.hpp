#pragma once
/// @file
/// Turning an exception into one line on stderr and an exit code.

#include <exception>
#include <string>

#include <caspio/caspio.hpp>

#include "support/exit_codes.hpp"

namespace caspio_cli {

/// The exit code for an SDK error: NotFoundError 3, AuthError 4, RateLimitError 5,
/// InvalidArgumentError 2, anything else 1.
ExitCode exit_code_of(const caspio::Error& error) noexcept;

/// One line describing an SDK error: Caspio's message, then its code, HTTP status and request id
/// when known, e.g. `Table 'X' not found (ObjectNotFound, HTTP 404, request id 1A2B…)`.
std::string describe(const caspio::Error& error);

/// Prints `caspio: WHAT: DESCRIPTION` for the exception being handled (called inside a catch
/// block) and returns the exit code for it.
ExitCode report_current_exception(const std::string& what) noexcept;

}  // namespace caspio_cli
