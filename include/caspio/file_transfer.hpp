#pragma once
/// @file
/// What Files uploads take and what uploads and downloads report, convertible to JSON.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"

namespace caspio {

/// A local file to upload, and optionally the name it gets in Caspio without its extension (the
/// extension of `path` is kept, as the seed does): `{"a/report.pdf", "q3"}` is stored as "q3.pdf".
struct CASPIO_EXPORT UploadSource {
  /// The file `path`, stored under its own name.
  UploadSource(std::string file_path)
      : path(std::move(file_path)) {}  // NOLINT: implicit on purpose
  /// The file `path`, stored under its own name.
  UploadSource(const char* file_path) : path(file_path) {}  // NOLINT: implicit on purpose
  /// The file `path`, stored as `new_name_no_ext` + the extension of `path`.
  UploadSource(std::string file_path, std::string new_name_no_ext)
      : path(std::move(file_path)), new_name_without_extension(std::move(new_name_no_ext)) {}

  std::string path;                        ///< Local file to read.
  std::string new_name_without_extension;  ///< "" keeps the file's own name.
};

/// A file Caspio stored (`{"Name","ExternalKey"}`).
struct CASPIO_EXPORT UploadedFile {
  std::string name;          ///< `Name`.
  std::string external_key;  ///< `ExternalKey` of the stored file.
};

/// What `upload_by_key` / `upload_by_path` did.
struct CASPIO_EXPORT UploadResult {
  int status = 0;                      ///< HTTP status (201).
  std::vector<UploadedFile> uploaded;  ///< Files stored, as Caspio answered.
  /// Names Caspio skipped because a file or folder of that name already exists there.
  std::vector<std::string> skipped;
};

/// What `upload_overwrite_by_key` / `upload_overwrite_by_path` did.
struct CASPIO_EXPORT OverwriteResult {
  int status = 0;        ///< HTTP status: 201 when created, 200 when it overwrote a file.
  bool created = false;  ///< True when no file of that name existed (status 201).
  UploadedFile file;     ///< The stored file.
};

/// What a download wrote.
struct CASPIO_EXPORT DownloadResult {
  std::string path;          ///< Local path written (directory + name).
  std::uint64_t bytes = 0;   ///< Bytes written.
  std::string content_type;  ///< `Content-Type` of the answer.
};

/// `{"Name","ExternalKey"}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const UploadedFile& f);
/// Reads `{"Name","ExternalKey"}`. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, UploadedFile& f);
/// `{"status","uploaded":[…],"skipped":[…]}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const UploadResult& r);
/// Reads what to_json(UploadResult) writes. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, UploadResult& r);
/// `{"status","created","Name","ExternalKey"}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const OverwriteResult& r);
/// Reads what to_json(OverwriteResult) writes. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, OverwriteResult& r);
/// `{"path","bytes","content_type"}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const DownloadResult& r);
/// Reads what to_json(DownloadResult) writes. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, DownloadResult& r);

}  // namespace caspio
