// Files: metadata, path resolution and deletes.
#include "caspio/files.hpp"

#include <fmt/format.h>

#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "client/client_state.hpp"
#include "request/name_lookup.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {

constexpr const char* kFiles = "files";

// The segments of an absolute path; InvalidArgumentError for anything else.
std::vector<std::string> split_path(const std::string& path, const char* what) {
  if (path.empty() || path.front() != '/') {
    detail::throw_invalid(fmt::format("{} '{}' must be absolute (start with '/')", what, path));
  }
  if (path.size() > 1 && path.back() == '/') {
    detail::throw_invalid(fmt::format("{} '{}' must not end with '/'", what, path));
  }
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size() && path.size() > 1) {
    const auto slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    if (end == start) detail::throw_invalid(fmt::format("{} '{}' has an empty part", what, path));
    segments.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

std::string joined(const std::vector<std::string>& segments, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += "/" + segments[i];
  return out.empty() ? "/" : out;
}

template <typename T>
const std::string& name_of(const T& item) {
  return item.name;
}

}  // namespace

FolderListing Files::metadata_by_key(const std::string& external_key) const {
  return detail::get_result<FolderListing>(*state_,
                                           state_->url({kFiles}, {{"externalKey", external_key}}));
}

std::pair<FolderListing, std::string> Files::parent_listing(const std::string& path) const {
  const auto segments = split_path(path, "path");
  if (segments.empty()) detail::throw_invalid("path '/' names the root, not a file or folder");
  FolderListing listing = metadata_by_key("");
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const FolderInfo folder =
        detail::find_named(std::move(listing.folders), segments[i], name_of<FolderInfo>, false,
                           "folder", joined(segments, i));
    listing = metadata_by_key(folder.external_key);
  }
  return {std::move(listing), segments.back()};
}

namespace {

// The folder part of an absolute path ("/" for a top-level name).
std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return path.substr(0, slash == 0 ? 1 : slash);
}

}  // namespace

FileInfo Files::metadata_by_path(const std::string& path) const {
  auto [listing, name] = parent_listing(path);
  return detail::find_named(std::move(listing.files), name, name_of<FileInfo>, false, "file",
                            parent_of(path));
}

FolderInfo Files::folder_metadata_by_path(const std::string& path) const {
  auto [listing, name] = parent_listing(path);
  return detail::find_named(std::move(listing.folders), name, name_of<FolderInfo>, false, "folder",
                            parent_of(path));
}

std::string Files::folder_key_of(const std::string& folder_path) const {
  if (folder_path.empty() || folder_path == "/") return "";
  return folder_metadata_by_path(folder_path).external_key;
}

FileInfo Files::file_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "file key");
  FolderListing listing = metadata_by_key(external_key);
  // For a file key Caspio answers that one file; a folder key gives the folder's contents.
  if (listing.folders.empty() && listing.files.size() == 1 &&
      detail::iequals(listing.files.front().external_key, external_key)) {
    return std::move(listing.files.front());
  }
  ErrorInfo info;
  info.code = "NameNotFound";
  info.message = fmt::format("'{}' is not the key of a file", external_key);
  throw NotFoundError(std::move(info));
}

void Files::delete_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "file key");
  state_->call(HttpMethod::delete_, state_->url({kFiles, external_key}));
}

void Files::delete_by_path(const std::string& path) const {
  delete_by_key(metadata_by_path(path).external_key);
}

}  // namespace caspio
