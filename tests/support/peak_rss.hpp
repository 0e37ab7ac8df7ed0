#pragma once
// The process's peak resident set size, for tests that bound how much memory a transfer takes.

#include <cstdint>
#include <fstream>
#include <string>

namespace caspio_test {

/// Peak resident set size of this process (VmHWM of /proc/self/status), in bytes; 0 if unknown.
inline std::uint64_t peak_rss() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

}  // namespace caspio_test
