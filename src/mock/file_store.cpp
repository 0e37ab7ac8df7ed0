// The Files area: tree walks, listings, downloads, uploads and deletes.
#include "file_store.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

// Listing order: by name ignoring case, then by exact name.
bool name_less(const std::string& a, const std::string& b) {
  const std::string la = ascii_lower(a), lb = ascii_lower(b);
  return la != lb ? la < lb : a < b;
}

// "/a/b/c.png" (or "a/b/c.png") → {"a","b","c.png"}; empty when a segment is empty.
std::vector<std::string> split_file_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = (!path.empty() && path[0] == '/') ? 1 : 0;
  if (start >= path.size()) return {};
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string segment = path.substr(start, slash - start);
    if (segment.empty()) return {};
    segments.push_back(segment);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

ApiError folder_not_found() {
  return not_found("Folder not found");
}
ApiError file_not_found() {
  return not_found("File not found");
}

}  // namespace

bool valid_file_name(const std::string& name) {
  if (name.empty() || name == "." || name == "..") return false;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return false;
    if (std::string("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string::npos) return false;
  }
  return true;
}

FileStore::FileStore() {
  folders_.emplace("", Folder{"", "", ""});
}

std::string FileStore::add_folder(const std::string& parent_key, const std::string& name,
                                  const std::string& key, const std::string& date_created) {
  std::lock_guard<std::mutex> lock(mutex_);
  folder_or_throw(ascii_lower(parent_key));
  folders_[ascii_lower(key)] = Folder{name, ascii_lower(parent_key), date_created};
  return ascii_lower(key);
}

void FileStore::add_file(const std::string& folder_key, FileContent content, const std::string& key,
                         const std::string& date_created, const std::string& last_modified) {
  std::lock_guard<std::mutex> lock(mutex_);
  folder_or_throw(ascii_lower(folder_key));
  const std::string name = content.name;
  files_[ascii_lower(key)] =
      File{name, ascii_lower(folder_key), std::move(content), date_created, last_modified};
}

const FileStore::Folder& FileStore::folder_or_throw(const std::string& key) const {
  const auto it = folders_.find(key);
  if (it == folders_.end()) throw folder_not_found();
  return it->second;
}

const FileStore::File& FileStore::file_or_throw(const std::string& key) const {
  const auto it = files_.find(ascii_lower(key));
  if (it == files_.end()) throw file_not_found();
  return it->second;
}

const std::string* FileStore::file_key_in(const std::string& folder_key,
                                          const std::string& name) const {
  for (const auto& entry : files_) {
    if (entry.second.folder == folder_key && entry.second.name == name) return &entry.first;
  }
  return nullptr;
}

bool FileStore::folder_named_in(const std::string& folder_key, const std::string& name) const {
  for (const auto& entry : folders_) {
    if (!entry.first.empty() && entry.second.parent == folder_key && entry.second.name == name) {
      return true;
    }
  }
  return false;
}

// Walks the folders one segment at a time, comparing names exactly.
const std::string* FileStore::file_key_by_path(const std::string& path) const {
  const std::vector<std::string> segments = split_file_path(path);
  if (segments.empty()) return nullptr;
  std::string folder;  // root
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const std::string* next = nullptr;
    for (const auto& entry : folders_) {
      if (!entry.first.empty() && entry.second.parent == folder &&
          entry.second.name == segments[i]) {
        next = &entry.first;
        break;
      }
    }
    if (next == nullptr) return nullptr;
    folder = *next;
  }
  return file_key_in(folder, segments.back());
}

nlohmann::json FileStore::file_item(const std::string& key, const File& file) {
  return {{"Name", file.name},
          {"ExternalKey", key},
          {"Size", file.content.bytes.size()},
          {"LastModified", file.last_modified},
          {"ContentType", file.content.content_type},
          {"DateCreated", file.date_created}};
}

nlohmann::json FileStore::listing(const std::string& key_in) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key = ascii_lower(key_in);
  nlohmann::json folders = nlohmann::json::array();
  nlohmann::json files = nlohmann::json::array();
  const auto file = files_.find(key);
  if (file != files_.end()) {
    files.push_back(file_item(file->first, file->second));
    return {{"Folders", folders}, {"Files", files}};
  }
  folder_or_throw(key);

  std::vector<std::pair<std::string, const Folder*>> sub;
  for (const auto& entry : folders_) {
    if (!entry.first.empty() && entry.second.parent == key)
      sub.emplace_back(entry.first, &entry.second);
  }
  std::sort(sub.begin(), sub.end(),
            [](const auto& a, const auto& b) { return name_less(a.second->name, b.second->name); });
  for (const auto& entry : sub) {
    folders.push_back({{"Name", entry.second->name},
                       {"ExternalKey", entry.first},
                       {"ContentType", "caspio/folder"},
                       {"DateCreated", entry.second->date_created}});
  }

  std::vector<std::pair<std::string, const File*>> in;
  for (const auto& entry : files_) {
    if (entry.second.folder == key) in.emplace_back(entry.first, &entry.second);
  }
  std::sort(in.begin(), in.end(),
            [](const auto& a, const auto& b) { return name_less(a.second->name, b.second->name); });
  for (const auto& entry : in) files.push_back(file_item(entry.first, *entry.second));
  return {{"Folders", folders}, {"Files", files}};
}

FileContent FileStore::content_by_key(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return file_or_throw(key).content;
}

FileContent FileStore::content_by_path(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string* key = file_key_by_path(path);
  if (key == nullptr) throw file_not_found();
  return files_.at(*key).content;
}

nlohmann::json FileStore::info_by_key(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return file_item(ascii_lower(key), file_or_throw(key));
}

nlohmann::json FileStore::info_by_path(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string* key = file_key_by_path(path);
  if (key == nullptr) throw file_not_found();
  return file_item(*key, files_.at(*key));
}

void FileStore::remove_by_key(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (files_.erase(ascii_lower(key)) == 0) throw ApiError(404, "FileNotFound", "File not found");
}

void FileStore::remove_by_path(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string* key = file_key_by_path(path);
  if (key == nullptr) throw ApiError(404, "FileNotFound", "File not found");
  files_.erase(std::string(*key));
}

nlohmann::json FileStore::upload(const std::string& folder_key_in,
                                 const std::vector<FileContent>& uploads) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string folder_key = ascii_lower(folder_key_in);
  folder_or_throw(folder_key);
  nlohmann::json stored = nlohmann::json::array();
  const std::string now = us_now();
  for (const auto& upload : uploads) {
    if (file_key_in(folder_key, upload.name) != nullptr ||
        folder_named_in(folder_key, upload.name)) {
      continue;  // POST never overwrites
    }
    const std::string key = new_guid(false);
    files_[key] = File{upload.name, folder_key, upload, now, now};
    stored.push_back({{"Name", upload.name}, {"ExternalKey", key}});
  }
  if (stored.empty()) {
    throw ApiError(409, "FileAlreadyExists",
                   "Action failed. A file or folder with the same name already exists.");
  }
  return stored;
}

FileStore::PutResult FileStore::upload_overwrite(const std::string& folder_key_in,
                                                 const FileContent& upload) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string folder_key = ascii_lower(folder_key_in);
  folder_or_throw(folder_key);
  if (folder_named_in(folder_key, upload.name)) {
    throw ApiError(409, "FileAlreadyExists",
                   "Action failed. A folder with the same name already exists.");
  }
  const std::string now = us_now();
  if (const std::string* existing = file_key_in(folder_key, upload.name)) {
    File& file = files_.at(*existing);
    file.content = upload;
    file.last_modified = now;
    return PutResult{nlohmann::json{{"Name", upload.name}, {"ExternalKey", *existing}}, false};
  }
  const std::string key = new_guid(false);
  files_[key] = File{upload.name, folder_key, upload, now, now};
  return PutResult{nlohmann::json{{"Name", upload.name}, {"ExternalKey", key}}, true};
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
