#pragma once
// A multipart/form-data request body whose file parts are streamed from disk.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// A content type for a file name, from its extension (case-insensitive);
/// "application/octet-stream" when unknown.
std::string content_type_for(const std::string& file_name);

/// Size of the regular file at `path`; InvalidArgumentError when it is missing or not a regular
/// file.
std::uint64_t require_regular_file(const std::string& path);

/// One file part: the local file, its part name, the file name sent and its content type.
struct MultipartFile {
  std::string path;
  std::string part_name;
  std::string file_name;
  std::string content_type;
  std::uint64_t size = 0;  ///< Size of `path` when the body was built.
};

/// Builds the body; size() is exact, every open() reads the files again from the start.
/// Thread-safe (const after construction).
class MultipartBody final : public HttpBodySource {
 public:
  /// Throws InvalidArgumentError when a file is missing or not a regular file.
  explicit MultipartBody(std::vector<MultipartFile> files);
  /// `multipart/form-data; boundary=…`.
  std::string content_type() const;
  std::uint64_t size() const override;
  std::unique_ptr<HttpBodyReader> open() const override;

  /// A piece of the body: literal text, or the whole file `file` (index into files_).
  struct Segment {
    std::string text;
    int file = -1;
  };

 private:
  std::vector<MultipartFile> files_;
  std::string boundary_;
  std::vector<Segment> segments_;
  std::uint64_t size_ = 0;
};

}  // namespace detail
}  // namespace caspio
