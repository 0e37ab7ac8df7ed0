#pragma once
/// @file
/// Files and folders of the Files area as Caspio describes them, convertible to and from JSON.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"

namespace caspio {

/// One folder (an entry of `Folders` in `GET /v2/files`).
struct CASPIO_EXPORT FolderInfo {
  std::string name;                            ///< `Name`.
  std::string external_key;                    ///< `ExternalKey` (a lower-case GUID).
  std::string content_type = "caspio/folder";  ///< `ContentType`: always "caspio/folder".
  std::string date_created;                    ///< `DateCreated`, as Caspio formats it.
};

/// One file (an entry of `Files` in `GET /v2/files`).
struct CASPIO_EXPORT FileInfo {
  std::string name;           ///< `Name`, with its extension.
  std::string external_key;   ///< `ExternalKey` (a lower-case GUID).
  std::string content_type;   ///< `ContentType`, e.g. "image/png".
  std::int64_t size = 0;      ///< `Size` in bytes.
  std::string date_created;   ///< `DateCreated`, as Caspio formats it.
  std::string last_modified;  ///< `LastModified`, as Caspio formats it.
};

/// The contents of one folder (`GET /v2/files?externalKey=…`). For a file key, Caspio answers
/// no folders and that one file.
struct CASPIO_EXPORT FolderListing {
  std::vector<FolderInfo> folders;  ///< `Folders`.
  std::vector<FileInfo> files;      ///< `Files`.
};

/// Caspio's folder object.
CASPIO_EXPORT void to_json(nlohmann::json& j, const FolderInfo& f);
/// Reads a folder object. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, FolderInfo& f);
/// Caspio's file object.
CASPIO_EXPORT void to_json(nlohmann::json& j, const FileInfo& f);
/// Reads a file object. @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, FileInfo& f);
/// `{"Folders":[…],"Files":[…]}`.
CASPIO_EXPORT void to_json(nlohmann::json& j, const FolderListing& l);
/// Reads `{"Folders":[…],"Files":[…]}` (a missing member is empty).
/// @throws nlohmann::json::exception on wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, FolderListing& l);

}  // namespace caspio
