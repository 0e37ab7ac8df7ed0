#pragma once
/// @file
/// Where an export goes: stdout, or a file that appears only when complete.

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "support/interrupt.hpp"

namespace caspio_cli {

/// A std::streambuf writing to a file descriptor through a 64 KiB buffer.
class FdStreambuf : public std::streambuf {
 public:
  /// Writes to `fd` (not owned).
  explicit FdStreambuf(int fd);
  /// Writes what is buffered; false when a write failed (errno set).
  bool flush_all();

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  int fd_;
  char buffer_[1 << 16];
};

/// The destination of an export. For "-" (or ""), stdout. For a path, a temporary file
/// `.NAME.caspio-XXXXXX` next to it, removed on failure, on destruction without commit(), and on
/// SIGINT/SIGTERM; commit() flushes, fsyncs and renames it onto the path. As `curl -o` and `cp`
/// do: a symbolic link is followed (its target is replaced, the link stays), an existing regular
/// file keeps its mode, a FIFO or character device (e.g. /dev/null) is written through and never
/// replaced; a directory, block device, socket or dangling link is refused.
class OutputFile {
 public:
  /// Opens the destination. @throws std::system_error when the temporary file cannot be made.
  explicit OutputFile(const std::string& path);
  /// Removes the temporary file unless committed.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// The stream to write to.
  std::ostream& stream() noexcept { return stream_; }
  /// True when writing to stdout.
  bool is_stdout() const noexcept { return temp_.empty() && !through_; }
  /// Makes the output final. @throws std::system_error when a write, fsync or rename failed.
  void commit();

 private:
  /// Opens the destination at path_ and returns its descriptor.
  int open_destination();

  std::string path_;
  std::string final_;  // where commit() renames to: path_, or the file a link at path_ points to
  std::string temp_;
  bool through_ = false;  // writing straight into a FIFO or character device
  int keep_mode_ = -1;    // the mode of the regular file replaced, else -1
  int fd_ = -1;
  bool committed_ = false;
  std::unique_ptr<RemoveOnInterrupt> guard_;
  FdStreambuf buffer_;
  std::ostream stream_;
};

}  // namespace caspio_cli
