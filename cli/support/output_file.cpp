#include "support/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace caspio_cli {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

bool is_stdout_path(const std::string& path) {
  return path.empty() || path == "-";
}

int open_temp(const std::string& path, std::string& temp) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") {
    throw std::system_error(EISDIR, std::generic_category(), "cannot write " + path);
  }
  std::string pattern = dir + "." + base + ".caspio-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw_errno("cannot write " + path);
  temp.assign(name.data());
  return fd;
}

mode_t default_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

FdStreambuf::FdStreambuf(int fd) : fd_(fd) {
  setp(buffer_, buffer_ + sizeof buffer_);
}

bool FdStreambuf::flush_all() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  while (left > 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return true;
}

FdStreambuf::int_type FdStreambuf::overflow(int_type ch) {
  if (!flush_all()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdStreambuf::sync() {
  return flush_all() ? 0 : -1;
}

OutputFile::OutputFile(const std::string& path)
    : path_(path), final_(path), fd_(open_destination()), buffer_(fd_), stream_(&buffer_) {
  if (!temp_.empty()) guard_ = std::make_unique<RemoveOnInterrupt>(temp_);
}

int OutputFile::open_destination() {
  if (is_stdout_path(path_)) return STDOUT_FILENO;
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      throw std::system_error(EISDIR, std::generic_category(), "cannot write " + path_);
    }
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
      const int fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd < 0) throw_errno("cannot write " + path_);
      through_ = true;  // never replaced by a regular file
      return fd;
    }
    if (!S_ISREG(st.st_mode)) {
      throw std::system_error(
          EINVAL, std::generic_category(),
          "refusing to replace " + path_ + ": not a regular file, FIFO or character device");
    }
    keep_mode_ = static_cast<int>(st.st_mode & 07777);
    if (char* real = ::realpath(path_.c_str(), nullptr)) {  // a link: replace its target
      final_ = real;
      std::free(real);
    }
  } else if (struct stat link{}; ::lstat(path_.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    throw std::system_error(ENOENT, std::generic_category(),
                            "refusing to write " + path_ + ": a symbolic link to nothing");
  }
  return open_temp(final_, temp_);
}

OutputFile::~OutputFile() {
  if (temp_.empty()) {
    buffer_.flush_all();
    if (through_ && fd_ >= 0) ::close(fd_);
    return;
  }
  guard_.reset();
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void OutputFile::commit() {
  stream_.flush();
  if (!stream_ || !buffer_.flush_all()) {
    throw_errno("cannot write " + (is_stdout() ? std::string("stdout") : path_));
  }
  if (through_) {
    const int fd = fd_;
    fd_ = -1;
    committed_ = true;
    if (::close(fd) != 0) throw_errno("cannot write " + path_);
    return;
  }
  if (temp_.empty()) return;
  const mode_t mode = keep_mode_ >= 0 ? static_cast<mode_t>(keep_mode_) : default_file_mode();
  if (::fchmod(fd_, mode) != 0) throw_errno("cannot set the mode of " + path_);
  if (::fsync(fd_) != 0) throw_errno("cannot write " + path_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw_errno("cannot write " + path_);
  if (::rename(temp_.c_str(), final_.c_str()) != 0) throw_errno("cannot rename onto " + final_);
  committed_ = true;
  guard_.reset();
}

}  // namespace caspio_cli
