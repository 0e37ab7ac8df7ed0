// The emulator's HTTP server: cpp-httplib's request handling on a connection loop of its own, so
// that a request's head (request line and headers) must arrive within a deadline, and a
// connection the worker pool has no room for is answered 503 at once instead of waiting.
#pragma once

#include <httplib.h>

#include <chrono>

namespace caspio::mock {

/// httplib::Server whose connections give each request's head `header_timeout` to arrive (a
/// client trickling its headers is cut there, not kept for ever), and answer 503 with
/// `Connection: close` when run by a pool that refuses them (WorkerPool::refusing()).
class HttpServer final : public httplib::Server {
 public:
  /// The longest a request's head may take to arrive, from its first byte awaited.
  void set_header_timeout(std::chrono::milliseconds timeout) noexcept { header_timeout_ = timeout; }
  /// Called once a request's head has been read (from the pre-routing handler, on the thread
  /// serving it): its body is not held to the head's deadline.
  static void head_read() noexcept;
  /// Called while answering a request whose framing could not be read (400, 413, 414 from the
  /// request head): the connection closes after this answer, as a real server's does, instead of
  /// reading what follows as another request.
  static void close_after_answer() noexcept;

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Waits for the next request on a kept-alive connection; false when it should close.
  bool wait_for_request(socket_t sock, bool buffered) const;

  std::chrono::milliseconds header_timeout_{10'000};
};

}  // namespace caspio::mock
