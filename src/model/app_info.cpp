#include "caspio/app_info.hpp"

#include "model/json_fields.hpp"

namespace caspio {

using detail::read_field;

void to_json(nlohmann::json& j, const AppInfo& a) {
  j = nlohmann::json{{"AppName", a.app_name},
                     {"ExternalKey", a.external_key},
                     {"DataPagesCount", a.data_pages_count},
                     {"DateCreated", a.date_created},
                     {"DateModified", a.date_modified},
                     {"DefaultIcon", a.default_icon},
                     {"IconFileName", a.icon_file_name}};
}

void from_json(const nlohmann::json& j, AppInfo& a) {
  read_field(j, "AppName", a.app_name);
  read_field(j, "ExternalKey", a.external_key);
  read_field(j, "DataPagesCount", a.data_pages_count);
  read_field(j, "DateCreated", a.date_created);
  read_field(j, "DateModified", a.date_modified);
  read_field(j, "DefaultIcon", a.default_icon);
  read_field(j, "IconFileName", a.icon_file_name);
}

void to_json(nlohmann::json& j, const DataPageInfo& d) {
  j = nlohmann::json{{"Name", d.name},
                     {"AppKey", d.app_key},
                     {"AppName", d.app_name},
                     {"Path", d.path},
                     {"Type", d.type},
                     {"DateCreated", d.date_created},
                     {"DateModified", d.date_modified},
                     {"CreatedBy", d.created_by},
                     {"ModifiedBy", d.modified_by},
                     {"Note", d.note}};
  if (d.deployed) j["Deployed"] = *d.deployed;
}

void from_json(const nlohmann::json& j, DataPageInfo& d) {
  read_field(j, "Name", d.name);
  read_field(j, "AppKey", d.app_key);
  read_field(j, "AppName", d.app_name);
  read_field(j, "Path", d.path);
  read_field(j, "Type", d.type);
  read_field(j, "DateCreated", d.date_created);
  read_field(j, "DateModified", d.date_modified);
  read_field(j, "CreatedBy", d.created_by);
  read_field(j, "ModifiedBy", d.modified_by);
  read_field(j, "Note", d.note);
  read_field(j, "Deployed", d.deployed);
}

}  // namespace caspio
