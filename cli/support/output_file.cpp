#include "support/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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
    : path_(path),
      fd_(is_stdout_path(path) ? STDOUT_FILENO : open_temp(path, temp_)),
      buffer_(fd_),
      stream_(&buffer_) {
  if (!temp_.empty()) guard_ = std::make_unique<RemoveOnInterrupt>(temp_);
}

OutputFile::~OutputFile() {
  if (temp_.empty()) {
    buffer_.flush_all();
    return;
  }
  guard_.reset();
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void OutputFile::commit() {
  stream_.flush();
  if (!stream_ || !buffer_.flush_all()) {
    throw_errno("cannot write " + (temp_.empty() ? std::string("stdout") : path_));
  }
  if (temp_.empty()) return;
  if (::fchmod(fd_, default_file_mode()) != 0) throw_errno("cannot set the mode of " + path_);
  if (::fsync(fd_) != 0) throw_errno("cannot write " + path_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw_errno("cannot write " + path_);
  if (::rename(temp_.c_str(), path_.c_str()) != 0) throw_errno("cannot rename onto " + path_);
  committed_ = true;
  guard_.reset();
}

}  // namespace caspio_cli
