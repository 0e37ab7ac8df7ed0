#include "support/interrupt.hpp"

#include <unistd.h>

#include <csignal>
#include <cstring>

namespace caspio_cli {
namespace {

volatile std::sig_atomic_t g_signal = 0;
volatile std::sig_atomic_t g_graceful = 0;
volatile std::sig_atomic_t g_has_path = 0;
char g_path[4096];

void write_stderr(const char* text) {
  const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

// Only async-signal-safe calls here: unlink, write, _exit.
extern "C" void on_signal(int signal_number) {
  if (g_has_path != 0) ::unlink(g_path);
  if (g_graceful != 0 && g_signal == 0 && g_has_path == 0) {
    g_signal = signal_number;
    return;
  }
  write_stderr("\ncaspio: interrupted\n");
  ::_exit(128 + signal_number);
}

}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() noexcept {
  return g_signal != 0;
}

int interrupt_exit_code() noexcept {
  return 128 + (g_signal != 0 ? g_signal : SIGINT);
}

RemoveOnInterrupt::RemoveOnInterrupt(const std::string& path) {
  if (path.size() >= sizeof g_path) return;
  std::memcpy(g_path, path.c_str(), path.size() + 1);
  g_has_path = 1;
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  g_has_path = 0;
}

GracefulInterrupt::GracefulInterrupt() {
  g_graceful = 1;
}

GracefulInterrupt::~GracefulInterrupt() {
  g_graceful = 0;
}

}  // namespace caspio_cli
