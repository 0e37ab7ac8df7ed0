// The seed README's file methods: metadataByKey, metadataByPath, uploadByPath, uploadByKey,
// uploadOverwriteByPath, uploadOverwriteByKey, downloadByPath, downloadByKey, deleteByPath,
// deleteByKey. Local files are written to and read from the current directory.
//
// Environment (read by caspio::Client::from_environment): CASPIO_REST_URL, CASPIO_TOKEN_URL,
// CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

// Unique per run, so the example succeeds whatever ran before it against the same server.
std::string unique_suffix() {
  return std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string write_local(const std::string& name, const std::string& content) {
  std::ofstream out(name, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + name);
  return name;
}

}  // namespace

int main() {
  try {
    const caspio::Client client = caspio::Client::from_environment();
    const caspio::Files files = client.files();
    const std::string folder = "/Demo_Sandbox/Demo_Subfolder_One";
    const std::string tag = unique_suffix();

    const caspio::FolderListing root = files.metadata_by_key();
    std::cout << "metadata_by_key(root): " << root.folders.size() << " folders, "
              << root.files.size() << " files\n";
    const caspio::FileInfo ds1 = files.metadata_by_path("/Demo_Sandbox/ds1.png");
    std::cout << "metadata_by_path(/Demo_Sandbox/ds1.png): " << nlohmann::json(ds1).dump() << "\n";
    const caspio::FolderInfo target = files.folder_metadata_by_path(folder);
    std::cout << "folder_metadata_by_path(" << folder << "): " << target.external_key << "\n";

    // uploadByPath: several files in one request, one of them renamed.
    const std::string a = write_local("notes-" + tag + ".txt", "uploaded by files_transfer\n");
    const std::string b = write_local("data-" + tag + ".csv", "id,name\n1,Ann\n");
    const caspio::UploadResult uploaded = files.upload_by_path({a, {b, "renamed-" + tag}}, folder);
    std::cout << "upload_by_path: " << nlohmann::json(uploaded).dump() << "\n";
    if (uploaded.uploaded.size() != 2) throw std::runtime_error("expected two stored files");

    // uploadByKey: the same names again are skipped (reported per file); a new one is stored.
    const std::string c = write_local("more-" + tag + ".txt", "one more\n");
    const caspio::UploadResult again = files.upload_by_key({a, c}, target.external_key);
    std::cout << "upload_by_key: stored " << again.uploaded.size() << ", skipped "
              << nlohmann::json(again.skipped).dump() << "\n";

    // uploadOverwriteByPath / ByKey: 200 when it replaced a file, 201 when it created one.
    write_local(a, "replaced content\n");
    const caspio::OverwriteResult replaced = files.upload_overwrite_by_path(a, folder);
    std::cout << "upload_overwrite_by_path: " << nlohmann::json(replaced).dump() << "\n";
    const caspio::OverwriteResult created =
        files.upload_overwrite_by_key(a, target.external_key, "copy-" + tag);
    std::cout << "upload_overwrite_by_key: " << nlohmann::json(created).dump() << "\n";

    // downloadByPath / ByKey into the current directory; the file appears only when complete.
    const caspio::DownloadResult by_path =
        files.download_by_path(folder + "/" + a, "downloaded-" + tag);
    std::cout << "download_by_path: " << nlohmann::json(by_path).dump() << "\n";
    const caspio::DownloadResult by_key = files.download_by_key(ds1.external_key);
    std::cout << "download_by_key: " << nlohmann::json(by_key).dump() << "\n";

    // deleteByPath / deleteByKey: clean up what this run stored.
    files.delete_by_path(folder + "/" + a);
    std::cout << "delete_by_path: deleted " << folder << "/" << a << "\n";
    for (const auto* list : {&uploaded.uploaded, &again.uploaded}) {
      for (const auto& file : *list) {
        if (file.name == a) continue;
        files.delete_by_key(file.external_key);
        std::cout << "delete_by_key: deleted " << file.name << "\n";
      }
    }
    files.delete_by_key(created.file.external_key);
    std::cout << "delete_by_key: deleted " << created.file.name << "\n";
    return 0;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
