#pragma once
/// @file
/// The exit codes of the `caspio` tool (documented in docs/cli.md).

namespace caspio_cli {

/// What a `caspio` run ended with; the process exit status.
enum ExitCode : int {
  exit_ok = 0,            ///< Everything done.
  exit_other = 1,         ///< Any other failure: Caspio error, network, local file.
  exit_usage = 2,         ///< Bad command line, bad argument or bad settings (nothing was changed).
  exit_not_found = 3,     ///< The table, view, file, task, app or DataPage does not exist.
  exit_auth = 4,          ///< Credentials missing, refused, or lacking the privilege.
  exit_rate_limit = 5,    ///< Caspio's rate limit, still exceeded after the retries.
  exit_partial = 6,       ///< Some rows (import) or files (put) failed; the others were written.
  exit_interrupted = 130  ///< Stopped by SIGINT (Ctrl-C); 143 for SIGTERM.
};

}  // namespace caspio_cli
