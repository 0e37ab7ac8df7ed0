#include "transport/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <string>
#include <system_error>

namespace caspio {
namespace detail {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Six random characters for a temporary file name.
std::string random_suffix() {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kChars - 2);
  std::string out(6, 'x');
  for (char& c : out) c = kChars[pick(engine)];
  return out;
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  const auto slash = path_.rfind('/');
  dir_ = slash == std::string::npos ? "." : (slash == 0 ? "/" : path_.substr(0, slash));
  const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  if (base.empty()) throw std::system_error(EISDIR, std::generic_category(), path_);
  std::string pattern = (slash == std::string::npos ? std::string() : path_.substr(0, slash + 1)) +
                        "." + base + ".tmp-XXXXXX";
  // Like mkstemp, but created with mode 0666 so that the kernel applies the user's umask (a file
  // exported under umask 077 stays private).
  for (int tries = 0; fd_ < 0; ++tries) {
    temp_ = pattern.substr(0, pattern.size() - 6) + random_suffix();
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || tries > 100)) {
      temp_.clear();
      throw_errno("cannot create a temporary file for " + path_);
    }
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view data) {
  buffer_.append(data);
  if (buffer_.size() >= 1 << 16) flush();
}

void AtomicFile::truncate() {
  buffer_.clear();
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) {
    throw_errno("cannot truncate " + temp_);
  }
}

void AtomicFile::commit() {
  flush();
  if (::fsync(fd_) != 0) throw_errno("fsync failed for " + temp_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw_errno("close failed for " + temp_);
  if (::rename(temp_.c_str(), path_.c_str()) != 0) throw_errno("cannot rename onto " + path_);
  committed_ = true;
  const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);  // best effort: make the rename durable
    ::close(dir);
  }
}

void AtomicFile::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("write failed for " + temp_);
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

}  // namespace detail
}  // namespace caspio
