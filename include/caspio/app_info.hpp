#pragma once
/// @file
/// Applications and DataPages as Caspio describes them, convertible to and from JSON.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"

namespace caspio {

/// One application (`GET /v2/applications`, `GET /v2/applications/{key}`).
struct CASPIO_EXPORT AppInfo {
  std::string app_name;        ///< `AppName`.
  std::string external_key;    ///< `ExternalKey`: the App ID (a GUID).
  int data_pages_count = 0;    ///< `DataPagesCount`.
  std::string date_created;    ///< `DateCreated`, as Caspio formats it.
  std::string date_modified;   ///< `DateModified`, as Caspio formats it.
  bool default_icon = false;   ///< `DefaultIcon`.
  std::string icon_file_name;  ///< `IconFileName`.
};

/// One DataPage (`GET /v2/applications/{key}/datapages[/{appKey}]`).
struct CASPIO_EXPORT DataPageInfo {
  std::string name;           ///< `Name`.
  std::string app_key;        ///< `AppKey`: the DataPage ID (28 hex digits).
  std::string app_name;       ///< `AppName`: the application it belongs to.
  std::string path;           ///< `Path`: its folder inside the application.
  std::string type;           ///< `Type`, e.g. "WEBFORM".
  std::string date_created;   ///< `DateCreated`.
  std::string date_modified;  ///< `DateModified`.
  std::string created_by;     ///< `CreatedBy`.
  std::string modified_by;    ///< `ModifiedBy`.
  std::string note;           ///< `Note`.
  /// `Deployed`, when the server reports it (v2 Caspio does not; the emulator does).
  std::optional<bool> deployed;
};

/// Caspio's AppItem object.
CASPIO_EXPORT void to_json(nlohmann::json& j, const AppInfo& a);
/// Reads an AppItem; missing keys keep their defaults. @throws nlohmann::json::exception on wrong
/// types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, AppInfo& a);
/// Caspio's DataPageInfo object (`Deployed` only when set).
CASPIO_EXPORT void to_json(nlohmann::json& j, const DataPageInfo& d);
/// Reads a DataPageInfo; missing keys keep their defaults. @throws nlohmann::json::exception on
/// wrong types.
CASPIO_EXPORT void from_json(const nlohmann::json& j, DataPageInfo& d);

}  // namespace caspio
