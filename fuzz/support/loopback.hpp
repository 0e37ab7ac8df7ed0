#pragma once
// What the emulator fuzz targets share: one caspio::mock::Server per process and raw HTTP
// exchanges with it over a loopback socket.

#include <string>

#include "caspio/mock/server.hpp"

namespace caspio {
namespace fuzz {

/// The process's emulator (demo fixture, 2 threads), started on first use.
mock::Server& emulator();

/// A valid access token of emulator(), issued once.
const std::string& emulator_token();

/// Sends `request` as is on a new connection to emulator() and returns the answer: its headers and
/// Content-Length bytes of body, or what came until the server closed or `timeout_ms` passed
/// without data. When no answer begins within `first_byte_ms`, the sending side is closed.
std::string exchange(const std::string& request, int first_byte_ms = 250, int timeout_ms = 5000);

/// `text` with every `@T` replaced by emulator_token() and every `@L` by the number of bytes after
/// the first blank line (the body), so that fuzzed requests keep a valid token and length.
std::string fill_markers(std::string text);

/// Aborts unless `answer` is empty (connection closed) or starts with an HTTP/1.1 status line;
/// returns the status (0 when empty).
int check_status_line(const std::string& answer);

/// Every `every` calls (and whenever `force`), aborts unless the emulator still answers its health
/// check within 5 s.
void check_alive(bool force = false, int every = 200);

/// When CASPIO_FUZZ_STRICT is set in the environment, aborts on a 500 InternalError answer (an
/// exception that escaped a route handler); otherwise prints each distinct such message once.
void report_500(const std::string& answer);

}  // namespace fuzz
}  // namespace caspio
