// get_records_stream_to_file: one page in memory, the file appears only when complete.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "detail/records.hpp"

namespace caspio {
namespace detail {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// A temporary file next to `path` that is renamed onto it by commit(); removed otherwise.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {
    const auto slash = path_.rfind('/');
    dir_ = slash == std::string::npos ? "." : (slash == 0 ? "/" : path_.substr(0, slash));
    const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
    if (base.empty()) throw std::system_error(EISDIR, std::generic_category(), path_);
    std::string pattern =
        (slash == std::string::npos ? std::string() : path_.substr(0, slash + 1)) + "." + base +
        ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = ::mkstemp(name.data());
    if (fd_ < 0) throw_errno("cannot create a temporary file for " + path_);
    temp_.assign(name.data());
    ::fchmod(fd_, 0644);
  }

  ~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  }

  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data) {
    buffer_.append(data);
    if (buffer_.size() >= 1 << 16) flush();
  }

  void commit() {
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

 private:
  void flush() {
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

  std::string path_;
  std::string dir_;
  std::string temp_;
  std::string buffer_;
  int fd_ = -1;
  bool committed_ = false;
};

std::string csv_field(const nlohmann::json& value) {
  std::string text;
  if (value.is_null()) return text;
  text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

}  // namespace

std::size_t write_records_file(RecordRange& range, const std::string& path, StreamFormat format) {
  AtomicFile file(path);
  std::size_t count = 0;
  std::vector<std::string> columns;
  if (format == StreamFormat::json_array) file.write("[");
  for (auto it = range.begin(); it != range.end(); ++it) {
    nlohmann::json row = *it;
    if (row.is_object()) row.erase("PK_ID");
    switch (format) {
      case StreamFormat::json_array:
        if (count != 0) file.write(",");
        file.write(row.dump());
        break;
      case StreamFormat::ndjson:
        file.write(row.dump());
        file.write("\n");
        break;
      case StreamFormat::csv: {
        if (count == 0) {
          std::string header;
          for (const auto& item : row.items()) {
            columns.push_back(item.key());
            if (!header.empty()) header += ',';
            header += csv_field(item.key());
          }
          file.write(header + "\r\n");
        }
        std::string line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
          if (i != 0) line += ',';
          const auto cell = row.find(columns[i]);
          if (cell != row.end()) line += csv_field(*cell);
        }
        file.write(line + "\r\n");
        break;
      }
    }
    ++count;
  }
  if (format == StreamFormat::json_array) file.write("]\n");
  file.commit();
  return count;
}

}  // namespace detail
}  // namespace caspio
