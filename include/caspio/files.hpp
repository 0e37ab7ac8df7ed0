#pragma once
/// @file
/// The Files facade: metadata, uploads, downloads and deletes in the Files area.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "caspio/export.hpp"
#include "caspio/file_info.hpp"
#include "caspio/file_transfer.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// The Files area (`/v2/files`). Get one from Client::files(); it is a cheap handle that shares
/// the client's transport and token cache.
///
/// Paths are absolute (`/Folder/Sub/name.png`) and never end in '/'; a folder path may be "/" (or
/// "") for the root. They resolve as the seed does: list the root (`GET /v2/files?externalKey=`),
/// then each folder in turn, matching names exactly (case-sensitive); so a path with N folders
/// costs N+1 listings before the action. A name that is not there throws NotFoundError (code
/// "NameNotFound", nothing further sent) listing the near names.
///
/// Uploads stream the files from disk in one `multipart/form-data` request with a
/// `Content-Length` (never chunked); each part's content type comes from the file name's
/// extension. Downloads stream to a temporary file in the destination directory that is fsync'ed
/// and renamed to its name only when complete; on failure nothing is left behind.
///
/// Every method throws InvalidArgumentError without sending anything for a refused argument (empty
/// key, path not absolute or ending in '/', missing local file, two uploads with the same name);
/// otherwise what the requests produced: AuthError, NotFoundError, ConflictError, RateLimitError,
/// ApiError for error statuses; TransportError or TimeoutError when no answer arrives;
/// std::system_error for local file-system failures of downloads.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Files {
 public:
  /// The contents of a folder, or `{no folders, [the file]}` for a file key
  /// (`GET /v2/files?externalKey={key}`); "" is the root. @throws caspio::Error as the class says.
  FolderListing metadata_by_key(const std::string& external_key = "") const;
  /// The file at `path` (the seed's `metadataByPath(path, {resourceType:'f'})`).
  /// @throws InvalidArgumentError for a malformed path. @throws NotFoundError when a folder or the
  /// file is not there. @throws caspio::Error as the class says.
  FileInfo metadata_by_path(const std::string& path) const;
  /// The folder at `path` (the seed's `metadataByPath(path, {resourceType:'d'})`).
  /// @throws InvalidArgumentError for a malformed path or "/". @throws NotFoundError when a folder
  /// is not there. @throws caspio::Error as the class says.
  FolderInfo folder_metadata_by_path(const std::string& path) const;

  /// Uploads files into the folder `folder_key` ("" = root) in one request
  /// (`POST /v2/files?externalKey=…`, parts `file0`, `file1`, …). Caspio never overwrites here:
  /// names that already exist are skipped and listed in UploadResult::skipped.
  /// @throws InvalidArgumentError for no files, a missing or non-regular file, or two files with
  /// the same target name. @throws ConflictError (409) when every name already exists.
  /// @throws caspio::Error as the class says.
  UploadResult upload_by_key(const std::vector<UploadSource>& files,
                             const std::string& folder_key = "") const;
  /// As upload_by_key into the folder at `folder_path` ("/" or "" = root, resolved first).
  /// @throws NotFoundError when the folder is not there. @throws caspio::Error as upload_by_key.
  UploadResult upload_by_path(const std::vector<UploadSource>& files,
                              const std::string& folder_path = "/") const;
  /// Uploads one file into `folder_key` ("" = root), replacing a file of the same name
  /// (`PUT /v2/files?externalKey=…`, one part `file`). The stored name is the file's own, or
  /// `new_name_no_ext` + the file's extension.
  /// @throws InvalidArgumentError for a missing or non-regular file. @throws ConflictError when a
  /// folder has that name. @throws caspio::Error as the class says.
  OverwriteResult upload_overwrite_by_key(const std::string& source,
                                          const std::string& folder_key = "",
                                          const std::string& new_name_no_ext = "") const;
  /// As upload_overwrite_by_key into the folder at `folder_path` ("/" or "" = root).
  /// @throws NotFoundError when the folder is not there.
  /// @throws caspio::Error as upload_overwrite_by_key.
  OverwriteResult upload_overwrite_by_path(const std::string& source,
                                           const std::string& folder_path = "/",
                                           const std::string& new_name_no_ext = "") const;

  /// Downloads the file with key `external_key`: learns its name
  /// (`GET /v2/files?externalKey={key}`), then streams `GET /v2/files/{key}` to
  /// `directory`/name, where name is the stored name, or `save_as_no_ext` + the stored name's
  /// extension. `directory` "" is the current directory. An existing file there is replaced.
  /// @throws NotFoundError when the key is not a file. @throws std::system_error when the local
  /// file cannot be written. @throws caspio::Error as the class says.
  DownloadResult download_by_key(const std::string& external_key,
                                 const std::string& save_as_no_ext = "",
                                 const std::string& directory = "") const;
  /// As download_by_key for the file at `path` (resolved first, then `GET /v2/files/{key}`).
  /// @throws InvalidArgumentError for a malformed path. @throws NotFoundError when it is not
  /// there. @throws caspio::Error and std::system_error as download_by_key.
  DownloadResult download_by_path(const std::string& path, const std::string& save_as_no_ext = "",
                                  const std::string& directory = "") const;

  /// Deletes a file (`DELETE /v2/files/{key}`). @throws caspio::Error as the class says.
  void delete_by_key(const std::string& external_key) const;
  /// Deletes the file at `path` (resolved first, then `DELETE /v2/files/{key}`).
  /// @throws InvalidArgumentError for a malformed path. @throws NotFoundError when it is not
  /// there. @throws caspio::Error as the class says.
  void delete_by_path(const std::string& path) const;

 private:
  friend class Client;
  explicit Files(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  // The listing of the folder that holds the last segment of `path`, and that segment.
  std::pair<FolderListing, std::string> parent_listing(const std::string& path) const;
  std::string folder_key_of(const std::string& folder_path) const;
  FileInfo file_by_key(const std::string& external_key) const;
  UploadResult post_files(const std::vector<UploadSource>& files,
                          const std::string& folder_key) const;
  OverwriteResult put_file(const std::string& source, const std::string& folder_key,
                           const std::string& new_name_no_ext) const;
  DownloadResult download(const FileInfo& file, const std::string& save_as_no_ext,
                          const std::string& directory) const;
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
