// Routes of the Files area (F1-F8): listings, downloads, uploads, overwrites, deletes, fileInfo.
//
// Emulator decisions where Caspio's v2 behaviour is unknown:
// - filePath is matched case-sensitively, folder by folder; the leading '/' may be left out.
// - POST storing nothing → 409 FileAlreadyExists; a request without a file part → 400
//   IncorrectBodyParameter; PUT with more than one file → 400.
// - Unknown file or folder on reads → 404 ObjectNotFound; deleting an unknown file → 404
//   FileNotFound (the code Caspio v3 answers for an already-deleted file).
// - DELETE of the collection (/files?externalKey=) → 405, as observed on v3.
// - The fileInfo routes (v3-documented, unconfirmed in v2) answer {"Result": FileItem}.
#include <memory>
#include <string>

#include "demo_files.hpp"
#include "file_store.hpp"
#include "file_transfer.hpp"
#include "module.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

// "/files/path…" is the path family; a file key is a GUID, so it never reads "path".
bool is_path_segment(const std::string& segment) {
  return segment == "path";
}

class FilesModule final : public Module {
 public:
  explicit FilesModule(const ModuleEnv& env) {
    if (env.options.fixture == Fixture::demo) load_demo_files(store_);
  }

  void register_routes(Router& router) override {
    const std::string files = "/rest/v2/files";
    router.add("GET", files, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.listing(c.query("externalKey").value_or(""))}});
    });
    router.add("POST", files, [this](Call& c) {
      const auto uploads = uploaded_files(c.req);
      c.reply_json(201, {{"Result", store_.upload(folder_key(c), uploads)}});
    });
    router.add("PUT", files, [this](Call& c) {
      const auto uploads = uploaded_files(c.req);
      if (uploads.size() != 1) throw bad_body("PUT accepts exactly one file per request.");
      const auto result = store_.upload_overwrite(folder_key(c), uploads.front());
      c.reply_json(result.created ? 201 : 200, {{"Result", result.item}});
    });
    router.add("DELETE", files, [](Call&) {
      throw ApiError(405, "MethodNotAllowed",
                     "The requested resource does not support http method 'DELETE'.");
    });

    // The path family is registered first; the key handlers also hand "path" over to it.
    router.add("GET", files + "/path", [this](Call& c) { download(c, by_path(c)); });
    router.add("DELETE", files + "/path", [this](Call& c) { remove_by_path(c); });
    router.add("GET", files + "/path/fileInfo", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.info_by_path(file_path(c))}});
    });
    router.add("GET", files + "/{}", [this](Call& c) {
      download(c, is_path_segment(c.params[0]) ? by_path(c) : store_.content_by_key(c.params[0]));
    });
    router.add("DELETE", files + "/{}", [this](Call& c) {
      if (is_path_segment(c.params[0])) return remove_by_path(c);
      store_.remove_by_key(c.params[0]);
      c.reply_empty(200);
    });
    router.add("GET", files + "/{}/fileInfo", [this](Call& c) {
      const nlohmann::json info = is_path_segment(c.params[0]) ? store_.info_by_path(file_path(c))
                                                               : store_.info_by_key(c.params[0]);
      c.reply_json(200, {{"Result", info}});
    });
  }

 private:
  static std::string folder_key(const Call& c) { return c.query("externalKey").value_or(""); }

  static std::string file_path(const Call& c) {
    const auto path = c.query_nonempty("filePath");
    if (!path) throw bad_query("Required query parameter 'filePath' is absent.");
    return *path;
  }

  FileContent by_path(const Call& c) const { return store_.content_by_path(file_path(c)); }

  void remove_by_path(Call& c) {
    store_.remove_by_path(file_path(c));
    c.reply_empty(200);
  }

  static void download(Call& c, FileContent file) {
    c.res.set_header("Content-Disposition", attachment_disposition(file.name));
    c.reply_bytes(200, std::move(file.bytes), file.content_type);
  }

  FileStore store_;
};

}  // namespace

std::unique_ptr<Module> make_files_module(const ModuleEnv& env) {
  return std::make_unique<FilesModule>(env);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
