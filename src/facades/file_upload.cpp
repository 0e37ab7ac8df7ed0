// Files: uploads (POST several files, PUT one file), streamed from disk.
#include <fmt/format.h>

#include <map>

#include "answer/errors.hpp"
#include "caspio/files.hpp"
#include "client/client_state.hpp"
#include "transport/multipart.hpp"

namespace caspio {

namespace {

constexpr const char* kFiles = "files";

std::string base_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The extension with its dot, as Node's path.extname: "" for "name" and ".hidden".
std::string extension(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
}

// The name a file gets in Caspio.
std::string stored_name(const std::string& path, const std::string& new_name_no_ext) {
  const std::string own = base_name(path);
  const std::string name = new_name_no_ext.empty() ? own : new_name_no_ext + extension(own);
  if (name.empty()) detail::throw_invalid(fmt::format("'{}' has no file name", path));
  if (name.find_first_of("/\r\n") != std::string::npos) {
    detail::throw_invalid(fmt::format("file name '{}' contains '/' or a line break", name));
  }
  return name;
}

detail::MultipartFile part(const std::string& path, std::string part_name,
                           const std::string& new_name_no_ext) {
  detail::MultipartFile file;
  file.path = path;
  file.part_name = std::move(part_name);
  file.file_name = stored_name(path, new_name_no_ext);
  file.content_type = detail::content_type_for(file.file_name);
  return file;
}

detail::Answer send_multipart(const detail::ClientState& state, HttpMethod method,
                              const std::string& url, std::vector<detail::MultipartFile> files) {
  auto body = std::make_shared<detail::MultipartBody>(std::move(files));
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.headers.emplace_back("Content-Type", body->content_type());
  request.body_source = std::move(body);
  return state.call(std::move(request));
}

// The parts of a POST (`file0`, `file1`, …), checked: at least one, regular files, unique names.
std::vector<detail::MultipartFile> post_parts(const std::vector<UploadSource>& files,
                                              std::map<std::string, std::size_t>& names) {
  if (files.empty()) detail::throw_invalid("nothing to upload: the file list is empty");
  std::vector<detail::MultipartFile> parts;
  for (std::size_t i = 0; i < files.size(); ++i) {
    parts.push_back(
        part(files[i].path, fmt::format("file{}", i), files[i].new_name_without_extension));
    detail::require_regular_file(parts.back().path);
    if (++names[parts.back().file_name] > 1) {
      detail::throw_invalid(
          fmt::format("two files would be stored as '{}' in one upload", parts.back().file_name));
    }
  }
  return parts;
}

}  // namespace

UploadResult Files::post_files(const std::vector<UploadSource>& files,
                               const std::string& folder_key) const {
  std::map<std::string, std::size_t> requested;  // name -> 1
  const auto parts = post_parts(files, requested);
  const std::string url = state_->url({kFiles}, {{"externalKey", folder_key}});
  const detail::Answer answer = send_multipart(*state_, HttpMethod::post, url, parts);
  UploadResult result;
  result.status = answer.status();
  result.uploaded = detail::result_as<std::vector<UploadedFile>>(answer);
  // Caspio answers only the files it stored; the others clashed with existing names.
  for (const auto& stored : result.uploaded) requested.erase(stored.name);
  for (const auto& file : parts) {
    if (requested.count(file.file_name) != 0) result.skipped.push_back(file.file_name);
  }
  return result;
}

UploadResult Files::upload_by_key(const std::vector<UploadSource>& files,
                                  const std::string& folder_key) const {
  return post_files(files, folder_key);
}

UploadResult Files::upload_by_path(const std::vector<UploadSource>& files,
                                   const std::string& folder_path) const {
  std::map<std::string, std::size_t> names;
  post_parts(files, names);  // refuse bad arguments before resolving anything
  if (!folder_path.empty() && folder_path != "/" && folder_path.front() != '/') {
    detail::throw_invalid(fmt::format("folder path '{}' must be absolute", folder_path));
  }
  return post_files(files, folder_key_of(folder_path));
}

OverwriteResult Files::put_file(const std::string& source, const std::string& folder_key,
                                const std::string& new_name_no_ext) const {
  const std::string url = state_->url({kFiles}, {{"externalKey", folder_key}});
  const detail::Answer answer =
      send_multipart(*state_, HttpMethod::put, url, {part(source, "file", new_name_no_ext)});
  OverwriteResult result;
  result.status = answer.status();
  result.created = answer.status() == 201;
  result.file = detail::result_as<UploadedFile>(answer);
  return result;
}

OverwriteResult Files::upload_overwrite_by_key(const std::string& source,
                                               const std::string& folder_key,
                                               const std::string& new_name_no_ext) const {
  return put_file(source, folder_key, new_name_no_ext);
}

OverwriteResult Files::upload_overwrite_by_path(const std::string& source,
                                                const std::string& folder_path,
                                                const std::string& new_name_no_ext) const {
  stored_name(source, new_name_no_ext);
  detail::require_regular_file(source);
  if (!folder_path.empty() && folder_path != "/" && folder_path.front() != '/') {
    detail::throw_invalid(fmt::format("folder path '{}' must be absolute", folder_path));
  }
  return put_file(source, folder_key_of(folder_path), new_name_no_ext);
}

}  // namespace caspio
