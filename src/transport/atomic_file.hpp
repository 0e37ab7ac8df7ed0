#pragma once
// A file that appears at its path only when complete: written to a temporary file in the same
// directory, flushed, fsync'ed and renamed by commit(); removed when destroyed uncommitted.
// What is already at the path decides, as `curl -o` and `cp` do: a symbolic link is followed (its
// target is replaced, the link stays); an existing regular file keeps its mode; a FIFO or a
// character device (e.g. /dev/null, /dev/stdout) is written through, never replaced; a directory,
// a block device, a socket or a dangling link is refused.

#include <string>
#include <string_view>

namespace caspio {
namespace detail {

/// Not thread-safe: one writer.
class AtomicFile {
 public:
  /// Creates the temporary file next to `path` (next to the file a link at `path` points to), or
  /// opens a FIFO or character device at `path` to write through. Throws std::system_error on
  /// failure, and for a target that is refused.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends bytes (buffered). Throws std::system_error on failure.
  void write(std::string_view data);
  /// Drops everything written so far (for a transfer that starts over). Throws std::system_error
  /// when bytes already went through to a FIFO or device.
  void truncate();
  /// Flushes, fsyncs and renames onto the final path. Throws std::system_error on failure.
  void commit();
  /// The final path.
  const std::string& path() const noexcept { return path_; }

 private:
  void flush();

  std::string path_;
  std::string final_;  // where commit() renames to: `path_`, or the file a link points to
  std::string dir_;
  std::string temp_;
  std::string buffer_;
  int fd_ = -1;
  bool committed_ = false;
  bool through_ = false;        // writing straight into a FIFO or character device
  bool wrote_through_ = false;  // some bytes already went there
  int keep_mode_ = -1;          // the mode of the regular file replaced, else -1
};

}  // namespace detail
}  // namespace caspio
