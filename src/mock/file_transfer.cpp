// Multipart upload parsing (httplib has split the parts already) and download headers.
#include "file_transfer.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "call.hpp"

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
    std::string type =
        data.content_type.empty() ? guess_content_type(data.filename) : data.content_type;
    files.push_back(FileContent{data.filename, std::move(type), data.content});
  }
  if (files.empty()) throw bad_body("The request contains no file.");
  return files;
}

std::string guess_content_type(const std::string& name) {
  static const std::array<std::pair<const char*, const char*>, 16> types = {{
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"svg", "image/svg+xml"},
      {"webp", "image/webp"},
      {"txt", "text/plain"},
      {"csv", "text/csv"},
      {"htm", "text/html"},
      {"html", "text/html"},
      {"css", "text/css"},
      {"js", "application/javascript"},
      {"json", "application/json"},
      {"pdf", "application/pdf"},
      {"xml", "application/xml"},
      {"zip", "application/zip"},
  }};
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos) return "application/octet-stream";
  std::string ext = name.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& entry : types) {
    if (ext == entry.first) return entry.second;
  }
  return "application/octet-stream";
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
