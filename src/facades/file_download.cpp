// Files: downloads streamed to a file that appears only when complete.
#include <fmt/format.h>

#include "answer/errors.hpp"
#include "caspio/files.hpp"
#include "client/client_state.hpp"
#include "request/name_lookup.hpp"
#include "transport/atomic_file.hpp"

namespace caspio {

namespace {

constexpr const char* kFiles = "files";

// Writes a 2xx answer body into the temporary file; a new attempt starts the file over.
class FileSink final : public HttpBodySink {
 public:
  explicit FileSink(detail::AtomicFile& file) : file_(file) {}
  void begin(int, const HttpHeaders& headers) override {
    if (begun_) file_.truncate();
    begun_ = true;
    bytes_ = 0;
    for (const auto& [name, value] : headers) {
      if (name.size() == 12 && detail::iequals(name, "content-type")) content_type_ = value;
    }
  }
  void write(const char* data, std::size_t size) override {
    file_.write(std::string_view(data, size));
    bytes_ += size;
  }
  bool begun() const noexcept { return begun_; }
  std::uint64_t bytes() const noexcept { return bytes_; }
  const std::string& content_type() const noexcept { return content_type_; }

 private:
  detail::AtomicFile& file_;
  bool begun_ = false;
  std::uint64_t bytes_ = 0;
  std::string content_type_;
};

void check_save_as(const std::string& save_as_no_ext) {
  if (save_as_no_ext.find('/') != std::string::npos) {
    detail::throw_invalid(
        fmt::format("save-as name '{}' must not contain '/'; pass a directory", save_as_no_ext));
  }
}

std::string extension(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
}

}  // namespace

DownloadResult Files::download(const FileInfo& file, const std::string& save_as_no_ext,
                               const std::string& directory) const {
  const std::string name =
      save_as_no_ext.empty() ? file.name : save_as_no_ext + extension(file.name);
  if (name.empty() || name.find('/') != std::string::npos) {
    detail::throw_invalid(fmt::format("cannot save as '{}': not a plain file name", name));
  }
  std::string target = name;
  if (!directory.empty()) target = directory + (directory.back() == '/' ? "" : "/") + name;

  HttpRequest request;
  request.method = HttpMethod::get;
  request.url = state_->url({kFiles, file.external_key});
  detail::AtomicFile out(target);
  auto sink = std::make_shared<FileSink>(out);
  request.body_sink = sink;
  const detail::Answer answer = state_->call(std::move(request));
  if (!sink->begun()) {  // a transport without sink support: the body came back in memory
    sink->begin(answer.status(), answer.response.headers);
    sink->write(answer.response.body.data(), answer.response.body.size());
  }
  out.commit();
  DownloadResult result;
  result.path = target;
  result.bytes = sink->bytes();
  result.content_type = sink->content_type();
  return result;
}

DownloadResult Files::download_by_key(const std::string& external_key,
                                      const std::string& save_as_no_ext,
                                      const std::string& directory) const {
  check_save_as(save_as_no_ext);
  return download(file_by_key(external_key), save_as_no_ext, directory);
}

DownloadResult Files::download_by_path(const std::string& path, const std::string& save_as_no_ext,
                                       const std::string& directory) const {
  check_save_as(save_as_no_ext);
  return download(metadata_by_path(path), save_as_no_ext, directory);
}

}  // namespace caspio
