#pragma once
// The one extension → content-type table of the project: the SDK sends it with uploads and the
// emulator answers with it when an upload names no type. Header-only data, no dependencies.

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace caspio {
namespace common {

/// Content type for unknown or missing extensions.
inline constexpr std::string_view kOctetStream = "application/octet-stream";

/// Known file name extensions (lower case, without the dot) and their content types.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kContentTypes = {{
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"bmp", "image/bmp"},
    {"ico", "image/x-icon"},
    {"svg", "image/svg+xml"},
    {"webp", "image/webp"},
    {"tif", "image/tiff"},
    {"tiff", "image/tiff"},
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
    {"doc", "application/msword"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xls", "application/vnd.ms-excel"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"mp3", "audio/mpeg"},
    {"mp4", "video/mp4"},
}};

/// The content type for a file name (or path) by its extension, ignoring case;
/// `application/octet-stream` when it has none or an unknown one. A dot before the last '/'
/// does not start an extension.
inline std::string_view content_type_for_name(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  const auto slash = file_name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return kOctetStream;
  }
  const std::string_view ext = file_name.substr(dot + 1);
  for (const auto& [known, type] : kContentTypes) {
    if (known.size() != ext.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < ext.size() && same; ++i) {
      char c = ext[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == known[i];
    }
    if (same) return type;
  }
  return kOctetStream;
}

}  // namespace common
}  // namespace caspio
