#include "http_server.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "call.hpp"
#include "error_body.hpp"
#include "worker_pool.hpp"

namespace caspio::mock {
namespace {

using Clock = std::chrono::steady_clock;

// Waits up to `ms` for `events` on `sock`; true when they came.
bool wait_for(socket_t sock, short events, long long ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, ms)));
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

// One connection's socket as an httplib::Stream: reads buffered, every read held to the request
// head's deadline while one is set.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, time_t read_seconds, time_t write_seconds)
      : sock_(sock), read_ms_(read_seconds * 1000LL), write_ms_(write_seconds * 1000LL) {}

  void set_deadline(std::optional<Clock::time_point> deadline) noexcept { deadline_ = deadline; }
  bool buffered() const noexcept { return begin_ < end_; }

  bool is_readable() const override { return buffered() || wait_for(sock_, POLLIN, read_wait()); }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (!buffered()) {
      char* into = size >= sizeof buffer_ ? ptr : buffer_;
      const std::size_t room = size >= sizeof buffer_ ? size : sizeof buffer_;
      // What has arrived is taken at once; poll() only when nothing has (one system call less
      // per request: the keep-alive wait has just seen the request's first bytes).
      ssize_t n = receive(into, room, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!wait_for(sock_, POLLIN, read_wait())) return -1;  // timed out (or past the deadline)
        n = receive(into, room, 0);
      }
      if (n <= 0 || into == ptr) return n;
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    // A socket with room in its send buffer takes the bytes at once; poll() only when it is full.
    bool waited = false;
    for (;;) {
      const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL | (waited ? 0 : MSG_DONTWAIT));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && !waited && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!is_writable()) return -1;
        waited = true;
        continue;
      }
      return n;
    }
  }

  // Both addresses are a connection's: asked once, not for every request on it.
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    if (!remote_) remote_ = address(::getpeername);
    ip = remote_->first;
    port = remote_->second;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    if (!local_) local_ = address(::getsockname);
    ip = local_->first;
    port = local_->second;
  }
  socket_t socket() const override { return sock_; }

 private:
  // The read timeout, cut to what is left of the head's deadline.
  long long read_wait() const {
    if (!deadline_) return read_ms_;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - Clock::now()).count();
    return std::min<long long>(read_ms_, std::max<long long>(0, left));
  }
  ssize_t receive(char* ptr, size_t size, int flags) const {
    for (;;) {
      const ssize_t n = ::recv(sock_, ptr, size, flags);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  // The numeric address and port `get` (getpeername, getsockname) gives; "" and 0 if it fails.
  template <typename Get>
  std::pair<std::string, int> address(Get get) const {
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &length) != 0) return {std::string(), 0};
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), length, host, sizeof host, service,
                      sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
      return {std::string(), 0};
    }
    return {host, std::atoi(service)};
  }

  socket_t sock_;
  long long read_ms_;
  long long write_ms_;
  std::optional<Clock::time_point> deadline_;
  mutable std::optional<std::pair<std::string, int>> remote_;
  mutable std::optional<std::pair<std::string, int>> local_;
  char buffer_[4096];
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

thread_local ConnectionStream* current_stream = nullptr;
thread_local bool close_requested = false;

// Answers 503 at once on a connection no worker can take, then closes it (reading what the
// client sent first, so that the close does not reset the connection before it reads the answer).
void refuse(socket_t sock) {
  const std::string body = detail::json_error(
      "ServiceUnavailable", "The emulator serves as many connections as it can; try again.", "",
      detail::new_guid(true));
  const std::string answer =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
      "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t sent = 0;
  while (sent < answer.size() && wait_for(sock, POLLOUT, 200)) {
    const ssize_t n = ::send(sock, answer.data() + sent, answer.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(sock, SHUT_WR);
  char sink[4096];
  for (int i = 0; i < 16 && wait_for(sock, POLLIN, 50); ++i) {
    if (::recv(sock, sink, sizeof sink, 0) <= 0) break;
  }
  ::close(sock);
}

}  // namespace

void HttpServer::close_after_answer() noexcept {
  close_requested = true;
}

void HttpServer::head_read() noexcept {
  if (current_stream != nullptr) current_stream->set_deadline(std::nullopt);
}

bool HttpServer::wait_for_request(socket_t sock, bool buffered) const {
  if (buffered) return true;
  const auto until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
  while (svr_sock_ != INVALID_SOCKET) {
    if (wait_for(sock, POLLIN, 100)) return true;
    if (Clock::now() >= until) return false;
  }
  return false;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (WorkerPool::refusing()) {
    refuse(sock);
    return false;
  }
  ConnectionStream stream(sock, read_timeout_sec_, write_timeout_sec_);
  current_stream = &stream;
  bool ok = false;
  for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!wait_for_request(sock, stream.buffered())) break;
    stream.set_deadline(Clock::now() + header_timeout_);
    bool closed = false;
    close_requested = false;
    ok = process_request(stream, left == 1, closed, nullptr);
    stream.set_deadline(std::nullopt);
    if (!ok || closed || close_requested) break;
  }
  current_stream = nullptr;
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace caspio::mock
