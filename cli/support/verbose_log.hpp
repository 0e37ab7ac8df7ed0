#pragma once
/// @file
/// `--verbose`: one stderr line per HTTP attempt, without credentials.

#include <caspio/caspio.hpp>

namespace caspio_cli {

/// Makes `options` report every attempt on stderr as
/// `caspio: GET URL -> 200 (3 ms, attempt 1, request id …)`, through the SDK's observer hook.
/// The URL carries no secret (tokens travel in headers, client secrets in bodies).
void attach_verbose_log(caspio::ClientOptions& options);

}  // namespace caspio_cli
