#pragma once
// A file that appears at its path only when complete: written to a temporary file in the same
// directory, flushed, fsync'ed and renamed by commit(); removed when destroyed uncommitted.

#include <string>
#include <string_view>

namespace caspio {
namespace detail {

/// Not thread-safe: one writer.
class AtomicFile {
 public:
  /// Creates the temporary file next to `path`. Throws std::system_error on failure.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends bytes (buffered). Throws std::system_error on failure.
  void write(std::string_view data);
  /// Drops everything written so far (for a transfer that starts over).
  void truncate();
  /// Flushes, fsyncs and renames onto the final path. Throws std::system_error on failure.
  void commit();
  /// The final path.
  const std::string& path() const noexcept { return path_; }

 private:
  void flush();

  std::string path_;
  std::string dir_;
  std::string temp_;
  std::string buffer_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace detail
}  // namespace caspio
