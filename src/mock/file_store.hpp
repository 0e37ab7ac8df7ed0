#pragma once
// The Files area: a folder tree holding files (bytes, content type, dates), addressed by
// ExternalKey or by path.

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace caspio {
namespace mock {
namespace detail {

/// A file as it arrives in an upload, or as it leaves in a download.
struct FileContent {
  std::string name;
  std::string content_type;
  std::string bytes;
};

/// The folders and files of the account. Thread-safe.
///
/// - ExternalKeys are lower-case GUIDs; lookups by key ignore case. The root folder has no key.
/// - Paths ("/Folder/Sub/name.png") are matched case-sensitively, folder by folder, like the
///   seed SDK's own path walk; file names in a folder are unique case-sensitively, and a file may
///   not take the name of a sibling folder.
/// - Dates use v2's "M/D/YYYY h:mm:ss AM" form (UTC).
/// - Unknown folders, and unknown files on reads, throw 404 ObjectNotFound; deleting an unknown
///   file throws 404 FileNotFound (the code Caspio answers for an already-deleted file).
class FileStore {
 public:
  FileStore();

  /// Adds a folder under `parent_key` ("" = root); returns its key. For fixtures.
  std::string add_folder(const std::string& parent_key, const std::string& name,
                         const std::string& key, const std::string& date_created);
  /// Adds a file to a folder ("" = root). For fixtures.
  void add_file(const std::string& folder_key, FileContent content, const std::string& key,
                const std::string& date_created, const std::string& last_modified);

  /// `{"Folders":[…],"Files":[…]}` of a folder ("" = root); for a file key, that file alone.
  nlohmann::json listing(const std::string& key) const;
  /// A file's bytes by key or by path.
  FileContent content_by_key(const std::string& key) const;
  FileContent content_by_path(const std::string& path) const;
  /// A file's FileItem by key or by path.
  nlohmann::json info_by_key(const std::string& key) const;
  nlohmann::json info_by_path(const std::string& path) const;
  /// Deletes a file by key or by path.
  void remove_by_key(const std::string& key);
  void remove_by_path(const std::string& path);

  /// POST: stores the files whose names are free in the folder, skipping the others (and later
  /// parts repeating an earlier name); returns `[{"Name","ExternalKey"}…]` of those stored. Throws
  /// 409 FileAlreadyExists when none was stored, 404 for an unknown folder.
  nlohmann::json upload(const std::string& folder_key, const std::vector<FileContent>& files);

  /// Outcome of an overwriting upload.
  struct PutResult {
    nlohmann::json item;   ///< `{"Name","ExternalKey"}`
    bool created = false;  ///< false when an existing file was overwritten (its key is kept)
  };
  /// PUT: stores one file, overwriting a same-named file in place (same ExternalKey, same
  /// DateCreated, new bytes, type, size and LastModified).
  PutResult upload_overwrite(const std::string& folder_key, const FileContent& file);

 private:
  struct Folder {
    std::string name;
    std::string parent;
    std::string date_created;
  };
  struct File {
    std::string name;
    std::string folder;
    FileContent content;
    std::string date_created;
    std::string last_modified;
  };

  const Folder& folder_or_throw(const std::string& key) const;
  const std::string* file_key_by_path(const std::string& path) const;
  const std::string* file_key_in(const std::string& folder_key, const std::string& name) const;
  bool folder_named_in(const std::string& folder_key, const std::string& name) const;
  const File& file_or_throw(const std::string& key) const;
  static nlohmann::json file_item(const std::string& key, const File& file);

  mutable std::mutex mutex_;
  std::map<std::string, Folder> folders_;  // by key; the root is ""
  std::map<std::string, File> files_;      // by key
};

/// A file name an upload may use: non-empty, not "." or "..", none of / \ : * ? " < > | or
/// control characters.
bool valid_file_name(const std::string& name);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
