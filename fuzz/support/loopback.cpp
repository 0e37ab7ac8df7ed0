#include "loopback.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>

namespace caspio {
namespace fuzz {

mock::Server& emulator() {
  static mock::Server* server = [] {
    mock::ServerOptions options;
    options.threads = 2;
    return new mock::Server(options);  // never destroyed: worker threads outlive main's statics
  }();
  return *server;
}

const std::string& emulator_token() {
  static const std::string token = emulator().issue_token();
  return token;
}

namespace {

int connect_emulator() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    std::perror("socket");
    std::abort();
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(emulator().port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    std::perror("connect to the emulator");
    std::abort();
  }
  return fd;
}

bool wait_readable(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, timeout_ms) > 0;
}

// True once `answer` holds its headers and Content-Length bytes of body (keep-alive answers stay
// open after that).
bool answer_complete(const std::string& answer) {
  const std::size_t end = answer.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const std::string head = answer.substr(0, end);
  std::size_t at = head.find("\r\nContent-Length: ");
  if (at == std::string::npos) return false;  // read until the server closes
  const std::size_t length = std::strtoul(head.c_str() + at + 18, nullptr, 10);
  return answer.size() >= end + 4 + length;
}

}  // namespace

std::string exchange(const std::string& request, int first_byte_ms, int timeout_ms) {
  const int fd = connect_emulator();
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  // httplib drops an answer as soon as it sees the sender half-closed: close the sending side only
  // when no answer begins (an incomplete request), so that the server stops waiting for bytes.
  if (!wait_readable(fd, first_byte_ms)) ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buffer[16384];
  while (!answer_complete(answer) && wait_readable(fd, timeout_ms)) {
    const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

std::string fill_markers(std::string text) {
  const std::string& token = emulator_token();
  for (std::size_t pos = 0; (pos = text.find("@T", pos)) != std::string::npos;) {
    text.replace(pos, 2, token);
    pos += token.size();
  }
  const std::size_t blank = text.find("\r\n\r\n");
  const std::size_t body = blank == std::string::npos ? text.size() : blank + 4;
  const std::string length = std::to_string(text.size() - body);
  for (std::size_t pos = 0; (pos = text.find("@L", pos)) != std::string::npos && pos < body;) {
    text.replace(pos, 2, length);
    pos += length.size();
  }
  return text;
}

int check_status_line(const std::string& answer) {
  if (answer.empty()) return 0;
  const bool ok = answer.size() >= 12 && answer.compare(0, 9, "HTTP/1.1 ") == 0 &&
                  answer[9] >= '1' && answer[9] <= '5' && answer[10] >= '0' && answer[10] <= '9' &&
                  answer[11] >= '0' && answer[11] <= '9';
  if (!ok) {
    std::fprintf(stderr, "not an HTTP answer: %.200s\n", answer.c_str());
    std::abort();
  }
  return std::atoi(answer.c_str() + 9);
}

void check_alive(bool force, int every) {
  static int calls = 0;
  if (!force && ++calls % every != 0) return;
  const std::string answer =
      exchange("GET /__mock/health HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n", 5000);
  if (check_status_line(answer) != 200) {
    std::fprintf(stderr, "the emulator stopped answering its health check: %.200s\n",
                 answer.c_str());
    std::abort();
  }
}

void report_500(const std::string& answer) {
  // Caspio's own 500s (SqlServerError for a bad column) are expected; InternalError means an
  // exception escaped a route handler.
  if (answer.compare(0, 12, "HTTP/1.1 500") != 0) return;
  if (answer.find("\"Code\":\"InternalError\"") == std::string::npos) return;
  const std::size_t at = answer.find("\"Message\":");
  std::string message = answer.substr(at == std::string::npos ? 0 : at, 200);
  message = message.substr(0, message.find("\",\""));
  if (std::getenv("CASPIO_FUZZ_STRICT") != nullptr) {
    std::fprintf(stderr, "500 answer (CASPIO_FUZZ_STRICT): %s\n", answer.c_str());
    std::abort();
  }
  static std::mutex mutex;
  static std::set<std::string> seen;
  std::lock_guard<std::mutex> lock(mutex);
  if (seen.insert(message).second) std::fprintf(stderr, "emulator 500: %s\n", message.c_str());
}

}  // namespace fuzz
}  // namespace caspio
