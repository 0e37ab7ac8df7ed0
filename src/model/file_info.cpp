#include "caspio/file_info.hpp"

#include "caspio/file_transfer.hpp"
#include "model/json_fields.hpp"

namespace caspio {

using detail::read_field;

void to_json(nlohmann::json& j, const FolderInfo& f) {
  j = nlohmann::json{{"Name", f.name},
                     {"ExternalKey", f.external_key},
                     {"ContentType", f.content_type},
                     {"DateCreated", f.date_created}};
}

void from_json(const nlohmann::json& j, FolderInfo& f) {
  read_field(j, "Name", f.name);
  read_field(j, "ExternalKey", f.external_key);
  read_field(j, "ContentType", f.content_type);
  read_field(j, "DateCreated", f.date_created);
}

void to_json(nlohmann::json& j, const FileInfo& f) {
  j = nlohmann::json{{"Name", f.name},
                     {"ExternalKey", f.external_key},
                     {"Size", f.size},
                     {"LastModified", f.last_modified},
                     {"ContentType", f.content_type},
                     {"DateCreated", f.date_created}};
}

void from_json(const nlohmann::json& j, FileInfo& f) {
  read_field(j, "Name", f.name);
  read_field(j, "ExternalKey", f.external_key);
  read_field(j, "Size", f.size);
  read_field(j, "LastModified", f.last_modified);
  read_field(j, "ContentType", f.content_type);
  read_field(j, "DateCreated", f.date_created);
}

void to_json(nlohmann::json& j, const FolderListing& l) {
  j = nlohmann::json{{"Folders", l.folders}, {"Files", l.files}};
}

void from_json(const nlohmann::json& j, FolderListing& l) {
  read_field(j, "Folders", l.folders);
  read_field(j, "Files", l.files);
}

void to_json(nlohmann::json& j, const UploadedFile& f) {
  j = nlohmann::json{{"Name", f.name}, {"ExternalKey", f.external_key}};
}

void from_json(const nlohmann::json& j, UploadedFile& f) {
  read_field(j, "Name", f.name);
  read_field(j, "ExternalKey", f.external_key);
}

void to_json(nlohmann::json& j, const UploadResult& r) {
  j = nlohmann::json{{"status", r.status}, {"uploaded", r.uploaded}, {"skipped", r.skipped}};
}

void from_json(const nlohmann::json& j, UploadResult& r) {
  read_field(j, "status", r.status);
  read_field(j, "uploaded", r.uploaded);
  read_field(j, "skipped", r.skipped);
}

void to_json(nlohmann::json& j, const OverwriteResult& r) {
  j = nlohmann::json{{"status", r.status},
                     {"created", r.created},
                     {"Name", r.file.name},
                     {"ExternalKey", r.file.external_key}};
}

void from_json(const nlohmann::json& j, OverwriteResult& r) {
  read_field(j, "status", r.status);
  read_field(j, "created", r.created);
  read_field(j, "Name", r.file.name);
  read_field(j, "ExternalKey", r.file.external_key);
}

void to_json(nlohmann::json& j, const DownloadResult& r) {
  j = nlohmann::json{{"path", r.path}, {"bytes", r.bytes}, {"content_type", r.content_type}};
}

void from_json(const nlohmann::json& j, DownloadResult& r) {
  read_field(j, "path", r.path);
  read_field(j, "bytes", r.bytes);
  read_field(j, "content_type", r.content_type);
}

}  // namespace caspio
