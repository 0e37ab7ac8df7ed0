// Multipart upload parsing (httplib has split the parts already) and download headers.
#include "file_transfer.hpp"

#include <cctype>
#include <utility>

#include "call.hpp"
#include "common/content_types.hpp"

namespace caspio {
namespace mock {
namespace detail {

std::vector<FileContent> uploaded_files(const httplib::Request& req) {
  if (!req.is_multipart_form_data()) {
    throw bad_body("The request body must be multipart/form-data with at least one file.");
  }
  std::vector<FileContent> files;
  for (const auto& part : req.files) {
    const httplib::MultipartFormData& data = part.second;
    if (data.filename.empty()) continue;  // a plain form field, not a file
    if (!valid_file_name(data.filename)) {
      throw bad_body("File name '" + data.filename + "' is not valid.");
    }
    std::string type = data.content_type.empty()
                           ? std::string(common::content_type_for_name(data.filename))
                           : data.content_type;
    files.push_back(FileContent{data.filename, std::move(type), data.content});
  }
  if (files.empty()) throw bad_body("The request contains no file.");
  return files;
}

std::string attachment_disposition(const std::string& name) {
  static const char* hex = "0123456789ABCDEF";
  bool ascii = true;
  std::string quoted;
  std::string encoded;
  for (unsigned char c : name) {
    if (c >= 0x80) ascii = false;
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += static_cast<char>(c >= 0x80 ? '_' : c);
    if (std::isalnum(c) ||
        std::string("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string::npos) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  std::string out = "attachment; filename=\"" + quoted + "\"";
  if (!ascii) out += "; filename*=UTF-8''" + encoded;
  return out;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
