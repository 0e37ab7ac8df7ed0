#include "transport/multipart.hpp"

#include "common/content_types.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <random>
#include <system_error>
#include <utility>

#include "answer/errors.hpp"

namespace caspio {
namespace detail {
namespace {

std::string random_boundary() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return fmt::format("caspio-sdk-{:016x}{:016x}", engine(), engine());
}

// A file name inside a quoted header parameter: '"' and '\' percent-encoded (as browsers do).
std::string quoted_name(const std::string& name) {
  std::string out;
  for (const char c : name) {
    if (c == '"') {
      out += "%22";
    } else if (c == '\\') {
      out += "%5C";
    } else {
      out += c;
    }
  }
  return out;
}

// Reads the segments in order, opening each file when its turn comes.
class MultipartReader final : public HttpBodyReader {
 public:
  MultipartReader(const std::vector<MultipartBody::Segment>& segments,
                  const std::vector<MultipartFile>& files)
      : segments_(segments), files_(files) {}
  ~MultipartReader() override { close_file(); }
  MultipartReader(const MultipartReader&) = delete;
  MultipartReader& operator=(const MultipartReader&) = delete;

  std::size_t read(char* buffer, std::size_t capacity) override {
    while (index_ < segments_.size()) {
      const auto& segment = segments_[index_];
      if (segment.file < 0) {
        const std::size_t left = segment.text.size() - offset_;
        if (left == 0) {
          next();
          continue;
        }
        const std::size_t n = std::min(left, capacity);
        segment.text.copy(buffer, n, offset_);
        offset_ += n;
        return n;
      }
      const MultipartFile& file = files_[static_cast<std::size_t>(segment.file)];
      if (fd_ < 0) {
        fd_ = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw std::system_error(errno, std::generic_category(), file.path);
      }
      const std::uint64_t left = file.size - offset_;
      if (left == 0) {
        next();
        continue;
      }
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, capacity));
      ssize_t n = 0;
      do {
        n = ::read(fd_, buffer, want);
      } while (n < 0 && errno == EINTR);
      if (n < 0) throw std::system_error(errno, std::generic_category(), file.path);
      if (n == 0) {
        throw std::system_error(EIO, std::generic_category(),
                                file.path + " became shorter during the upload");
      }
      offset_ += static_cast<std::uint64_t>(n);
      return static_cast<std::size_t>(n);
    }
    return 0;
  }

 private:
  void next() {
    close_file();
    ++index_;
    offset_ = 0;
  }
  void close_file() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  const std::vector<MultipartBody::Segment>& segments_;
  const std::vector<MultipartFile>& files_;
  std::size_t index_ = 0;
  std::uint64_t offset_ = 0;
  int fd_ = -1;
};

}  // namespace

std::string content_type_for(const std::string& file_name) {
  return std::string(common::content_type_for_name(file_name));
}

std::uint64_t require_regular_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw_invalid(
        fmt::format("cannot upload '{}': {}", path, std::generic_category().message(errno)));
  }
  if (!S_ISREG(info.st_mode)) {
    throw_invalid(fmt::format("cannot upload '{}': not a regular file", path));
  }
  return static_cast<std::uint64_t>(info.st_size);
}

MultipartBody::MultipartBody(std::vector<MultipartFile> files)
    : files_(std::move(files)), boundary_(random_boundary()) {
  for (std::size_t i = 0; i < files_.size(); ++i) {
    MultipartFile& file = files_[i];
    file.size = require_regular_file(file.path);
    segments_.push_back(Segment{
        fmt::format("--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\n"
                    "Content-Type: {}\r\n\r\n",
                    boundary_, file.part_name, quoted_name(file.file_name), file.content_type),
        -1});
    segments_.push_back(Segment{{}, static_cast<int>(i)});
    segments_.push_back(Segment{"\r\n", -1});
  }
  segments_.push_back(Segment{fmt::format("--{}--\r\n", boundary_), -1});
  for (const auto& segment : segments_) {
    size_ += segment.file < 0 ? segment.text.size()
                              : files_[static_cast<std::size_t>(segment.file)].size;
  }
}

std::string MultipartBody::content_type() const {
  return "multipart/form-data; boundary=" + boundary_;
}

std::uint64_t MultipartBody::size() const {
  return size_;
}

std::unique_ptr<HttpBodyReader> MultipartBody::open() const {
  return std::make_unique<MultipartReader>(segments_, files_);
}

}  // namespace detail
}  // namespace caspio
