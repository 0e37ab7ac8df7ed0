#include "transport/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
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

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), final_(path_) {
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw std::system_error(EISDIR, std::generic_category(), path_);
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
      // Like `curl -o /dev/null`: written through, never replaced by a regular file.
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) throw_errno("cannot open " + path_);
      through_ = true;
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      throw std::system_error(
          EINVAL, std::generic_category(),
          "refusing to replace " + path_ + ": not a regular file, FIFO or character device");
    }
    keep_mode_ = static_cast<int>(st.st_mode & 07777);
    // A symbolic link (or a path through one) is followed: its target is replaced, the link kept.
    if (char* real = ::realpath(path_.c_str(), nullptr)) {
      final_ = real;
      std::free(real);
    }
  } else if (struct stat link{}; ::lstat(path_.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    throw std::system_error(ENOENT, std::generic_category(),
                            "refusing to write " + path_ + ": a symbolic link to nothing");
  }
  const auto slash = final_.rfind('/');
  dir_ = slash == std::string::npos ? "." : (slash == 0 ? "/" : final_.substr(0, slash));
  const std::string base = slash == std::string::npos ? final_ : final_.substr(slash + 1);
  if (base.empty()) throw std::system_error(EISDIR, std::generic_category(), path_);
  std::string pattern = (slash == std::string::npos ? std::string() : final_.substr(0, slash + 1)) +
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
  if (through_) {
    if (wrote_through_) {
      throw std::system_error(ESPIPE, std::generic_category(),
                              "cannot start the transfer over: bytes already went to " + path_);
    }
    return;
  }
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) {
    throw_errno("cannot truncate " + temp_);
  }
}

void AtomicFile::commit() {
  flush();
  if (through_) {
    const int fd = fd_;
    fd_ = -1;
    committed_ = true;
    if (::close(fd) != 0) throw_errno("close failed for " + path_);
    return;
  }
  if (keep_mode_ >= 0 && ::fchmod(fd_, static_cast<mode_t>(keep_mode_)) != 0) {
    throw_errno("cannot keep the mode of " + final_);
  }
  if (::fsync(fd_) != 0) throw_errno("fsync failed for " + temp_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw_errno("close failed for " + temp_);
  if (::rename(temp_.c_str(), final_.c_str()) != 0) throw_errno("cannot rename onto " + final_);
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
      throw_errno("write failed for " + (through_ ? path_ : temp_));
    }
    done += static_cast<std::size_t>(n);
    wrote_through_ = through_;
  }
  buffer_.clear();
}

}  // namespace detail
}  // namespace caspio
