// Every Files method against the emulator: the requests on the wire (multipart parts included),
// the value returned, and what is left on disk.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "emulator.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using caspio_test::Emulator;
using caspio_test::ScratchDir;
using caspio_test::slurp;
using nlohmann::json;

namespace {

constexpr const char* kSandboxKey = "c5b7f134-dcd0-4c34-bba3-34129ee6e9eb";
constexpr const char* kOneKey = "4e2ed81b-b9af-4116-852f-c7cc29cda6a1";
constexpr const char* kTwoKey = "86eccfcc-e295-405f-978c-3e06495b3d82";
constexpr const char* kInnerKey = "6b8dc1eb-8c38-4512-8040-8a847e478778";
constexpr const char* kDs1Key = "b0bd9207-06e2-4932-8c1a-97aff5c93ae5";
constexpr const char* kDsos2Key = "ad2c32c8-ae5a-41d9-885c-5f31f0d3a748";
constexpr const char* kInnerPath = "/Demo_Sandbox/Demo_Subfolder_One/Demo_Subfolder_One_Subfolder";

class FilesEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Files files = client.files();
  ScratchDir local;  // files to upload
  ScratchDir out;    // downloads

  void forget() { emu.server().clear_journal(); }
  std::vector<std::string> targets() {
    std::vector<std::string> list;
    for (const auto& r : emu.requests()) list.push_back(r.method + " " + r.target);
    return list;
  }
  std::string listing_of(const std::string& key) { return "GET /rest/v2/files?externalKey=" + key; }
};

using Targets = std::vector<std::string>;

}  // namespace

TEST_F(FilesEmulator, MetadataByKey) {
  const auto root = files.metadata_by_key();
  EXPECT_EQ(targets(), (Targets{listing_of("")}));
  bool sandbox = false;
  for (const auto& folder : root.folders) {
    if (folder.name == "Demo_Sandbox") {
      sandbox = true;
      EXPECT_EQ(folder.external_key, kSandboxKey);
      EXPECT_EQ(folder.content_type, "caspio/folder");
      EXPECT_EQ(folder.date_created, "1/12/2022 7:13:37 AM");
    }
  }
  EXPECT_TRUE(sandbox);
  ASSERT_FALSE(root.files.empty());
  EXPECT_EQ(root.files.front().name, "Welcome.txt");
  forget();
  const auto one_file = files.metadata_by_key(kDs1Key);
  EXPECT_EQ(targets(), (Targets{listing_of(kDs1Key)}));
  ASSERT_EQ(one_file.files.size(), 1u);
  EXPECT_TRUE(one_file.folders.empty());
  EXPECT_EQ(one_file.files[0].name, "ds1.png");
  EXPECT_EQ(one_file.files[0].size, 1449);
  EXPECT_EQ(one_file.files[0].content_type, "image/png");
  EXPECT_EQ(one_file.files[0].last_modified, "1/28/2022 3:31:03 PM");
  EXPECT_EQ(json(one_file).at("Files").at(0).at("ExternalKey"), kDs1Key);
}

TEST_F(FilesEmulator, MetadataByPathWalksFolderByFolder) {
  const auto file = files.metadata_by_path(std::string(kInnerPath) + "/dsos1.png");
  EXPECT_EQ(file.external_key, "c92e471f-8cd1-49ce-b5d5-2c88bf0ab045");
  EXPECT_EQ(file.size, 1449);
  EXPECT_EQ(targets(), (Targets{listing_of(""), listing_of(kSandboxKey), listing_of(kOneKey),
                                listing_of(kInnerKey)}));
  forget();
  const auto folder = files.folder_metadata_by_path("/Demo_Sandbox/Demo_Subfolder_One");
  EXPECT_EQ(folder.external_key, kOneKey);
  EXPECT_EQ(targets(), (Targets{listing_of(""), listing_of(kSandboxKey)}));
}

TEST_F(FilesEmulator, PathsMatchCaseSensitivelyAndListNearNames) {
  try {
    files.metadata_by_path("/demo_sandbox/ds1.png");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NameNotFound");
    EXPECT_NE(std::string(e.what()).find("'Demo_Sandbox'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(targets(), (Targets{listing_of("")}));
  EXPECT_THROW(files.metadata_by_path("/Demo_Sandbox/DS1.png"), caspio::NotFoundError);
  EXPECT_THROW(files.folder_metadata_by_path("/Demo_Sandbox/ds1.png"), caspio::NotFoundError);
}

TEST_F(FilesEmulator, MalformedPathsAreRefusedBeforeSending) {
  for (const char* bad :
       {"", "/", "Demo_Sandbox/ds1.png", "/Demo_Sandbox/", "/Demo_Sandbox//ds1.png"}) {
    EXPECT_THROW(files.metadata_by_path(bad), caspio::InvalidArgumentError) << bad;
    EXPECT_THROW(files.delete_by_path(bad), caspio::InvalidArgumentError) << bad;
    EXPECT_THROW(files.download_by_path(bad, "", out.path().string()), caspio::InvalidArgumentError)
        << bad;
  }
  const std::string src = local.write("x.txt", "x");
  EXPECT_THROW(files.upload_by_path({src}, "Demo_Sandbox"), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_path({src}, "/Demo_Sandbox/"), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_overwrite_by_path(src, "Demo"), caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
}

TEST_F(FilesEmulator, UploadByPathSendsOneMultipartRequestWithContentLength) {
  const std::string a = local.write("notes a.txt", "alpha\n");
  const std::string b = local.write("picture.PNG", std::string("\x89PNG\r\n\x1a\n\0bin", 12));
  const auto result = files.upload_by_path({a, {b, "renamed"}}, "/Demo_Sandbox/Demo_Subfolder_Two");
  EXPECT_EQ(result.status, 201);
  ASSERT_EQ(result.uploaded.size(), 2u);
  EXPECT_TRUE(result.skipped.empty());
  EXPECT_EQ(targets(), (Targets{listing_of(""), listing_of(kSandboxKey),
                                "POST /rest/v2/files?externalKey=" + std::string(kTwoKey)}));
  const auto post = emu.requests().back();
  EXPECT_EQ(post.header("content-type").rfind("multipart/form-data; boundary=", 0), 0u);
  EXPECT_EQ(post.header("transfer-encoding"), "");
  EXPECT_FALSE(post.header("content-length").empty());
  EXPECT_GT(std::stoull(post.header("content-length")), 18u);
  ASSERT_EQ(post.parts.size(), 2u);
  EXPECT_EQ(post.parts[0].name, "file0");
  EXPECT_EQ(post.parts[0].filename, "notes a.txt");
  EXPECT_EQ(post.parts[0].content_type, "text/plain");
  EXPECT_EQ(post.parts[0].content, "alpha\n");
  EXPECT_EQ(post.parts[1].name, "file1");
  EXPECT_EQ(post.parts[1].filename, "renamed.PNG");
  EXPECT_EQ(post.parts[1].content_type, "image/png");
  EXPECT_EQ(post.parts[1].content, std::string("\x89PNG\r\n\x1a\n\0bin", 12));
  const auto listing = files.metadata_by_key(kTwoKey);
  std::vector<std::string> names;
  for (const auto& f : listing.files) names.push_back(f.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "notes a.txt"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "renamed.PNG"), names.end());
  EXPECT_EQ(json(result).at("uploaded").size(), 2u);
}

TEST_F(FilesEmulator, UploadByKeyReportsSkippedNamesAndConflictWhenAllClash) {
  const std::string clash = local.write("ds1.png", "not the original");
  const std::string fresh = local.write("fresh.csv", "a,b\n1,2\n");
  const auto result = files.upload_by_key({clash, fresh}, kSandboxKey);
  EXPECT_EQ(targets(), (Targets{"POST /rest/v2/files?externalKey=" + std::string(kSandboxKey)}));
  EXPECT_EQ(emu.requests().back().parts.at(1).content_type, "text/csv");
  ASSERT_EQ(result.uploaded.size(), 1u);
  EXPECT_EQ(result.uploaded[0].name, "fresh.csv");
  EXPECT_FALSE(result.uploaded[0].external_key.empty());
  EXPECT_EQ(result.skipped, (std::vector<std::string>{"ds1.png"}));
  EXPECT_EQ(files.metadata_by_path("/Demo_Sandbox/ds1.png").size, 1449);  // not overwritten
  try {
    files.upload_by_key({clash, fresh}, kSandboxKey);
    FAIL() << "expected ConflictError";
  } catch (const caspio::ConflictError& e) {
    EXPECT_EQ(e.http_status(), 409);
    EXPECT_EQ(e.code(), "FileAlreadyExists");
  }
}

TEST_F(FilesEmulator, UploadToTheRootUsesAnEmptyKeyWithoutResolving) {
  const std::string src = local.write("root-upload.json", "{}");
  const auto result = files.upload_by_path({src});
  EXPECT_EQ(result.uploaded.at(0).name, "root-upload.json");
  EXPECT_EQ(targets(), (Targets{"POST /rest/v2/files?externalKey="}));
  EXPECT_EQ(emu.requests().back().parts.at(0).content_type, "application/json");
}

TEST_F(FilesEmulator, UploadRefusalsSendNothing) {
  const std::string a = local.write("same.txt", "1");
  fs::create_directory(local.path() / "other");
  const std::string b = local.write("other/same.txt", "2");
  EXPECT_THROW(files.upload_by_key({}), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_key({local.file("missing.txt")}), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_path({local.file("missing.txt")}, "/Demo"),
               caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_key({local.path().string()}), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_path({a, b}, "/Demo"), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_by_key({a, {b, "same"}}), caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_overwrite_by_key(local.file("missing.txt")),
               caspio::InvalidArgumentError);
  EXPECT_THROW(files.upload_overwrite_by_path(local.file("missing.txt"), "/Demo"),
               caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
  EXPECT_THROW(files.upload_by_path({a}, "/No_Such_Folder"), caspio::NotFoundError);
  EXPECT_EQ(targets(), (Targets{listing_of("")}));
}

TEST_F(FilesEmulator, UploadOverwriteReportsOverwrittenOrCreated) {
  const std::string src = local.write("dsos2.png", "replacement bytes");
  const auto replaced = files.upload_overwrite_by_key(src, kInnerKey);
  EXPECT_EQ(replaced.status, 200);
  EXPECT_FALSE(replaced.created);
  EXPECT_EQ(replaced.file.name, "dsos2.png");
  EXPECT_EQ(replaced.file.external_key, kDsos2Key);
  const auto put = emu.requests().back();
  EXPECT_EQ(put.method, "PUT");
  EXPECT_EQ(put.target, "/rest/v2/files?externalKey=" + std::string(kInnerKey));
  EXPECT_EQ(put.header("transfer-encoding"), "");
  ASSERT_EQ(put.parts.size(), 1u);
  EXPECT_EQ(put.parts[0].name, "file");
  EXPECT_EQ(put.parts[0].filename, "dsos2.png");
  EXPECT_EQ(put.parts[0].content_type, "image/png");
  EXPECT_EQ(put.parts[0].content, "replacement bytes");
  EXPECT_EQ(json(replaced).at("created"), false);

  forget();
  const auto created = files.upload_overwrite_by_path(src, kInnerPath, "brand_new");
  EXPECT_EQ(created.status, 201);
  EXPECT_TRUE(created.created);
  EXPECT_EQ(created.file.name, "brand_new.png");
  EXPECT_EQ(targets(), (Targets{listing_of(""), listing_of(kSandboxKey), listing_of(kOneKey),
                                "PUT /rest/v2/files?externalKey=" + std::string(kInnerKey)}));
  const auto got = files.download_by_key(kDsos2Key, "", out.path().string());
  EXPECT_EQ(slurp(got.path), "replacement bytes");
}

TEST_F(FilesEmulator, DownloadByPathAndByKeyStreamToTheCallersDirectory) {
  const auto by_path = files.download_by_path("/Demo_Sandbox/ds1.png", "", out.path().string());
  EXPECT_EQ(by_path.path, out.file("ds1.png"));
  EXPECT_EQ(by_path.bytes, 1449u);
  EXPECT_EQ(by_path.content_type, "image/png");
  EXPECT_EQ(fs::file_size(by_path.path), 1449u);
  EXPECT_EQ(targets(), (Targets{listing_of(""), listing_of(kSandboxKey),
                                "GET /rest/v2/files/" + std::string(kDs1Key)}));
  forget();
  const auto by_key = files.download_by_key(kDs1Key, "copy", out.path().string() + "/");
  EXPECT_EQ(by_key.path, out.file("copy.png"));  // save-as name + the stored extension
  EXPECT_EQ(slurp(by_key.path), slurp(by_path.path));
  EXPECT_EQ(slurp(by_key.path).substr(1, 3), "PNG");
  EXPECT_EQ(targets(),
            (Targets{listing_of(kDs1Key), "GET /rest/v2/files/" + std::string(kDs1Key)}));
  EXPECT_EQ(out.entries(), 2u);  // no temporaries left
}

TEST_F(FilesEmulator, DownloadRefusalsAndUnknownKeys) {
  EXPECT_THROW(files.download_by_key("", "", out.path().string()), caspio::InvalidArgumentError);
  EXPECT_THROW(files.download_by_key(kDs1Key, "a/b", out.path().string()),
               caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
  // A folder key is not a file: nothing is downloaded.
  EXPECT_THROW(files.download_by_key(kSandboxKey, "", out.path().string()), caspio::NotFoundError);
  EXPECT_EQ(targets(), (Targets{listing_of(kSandboxKey)}));
  EXPECT_THROW(files.download_by_path("/Demo_Sandbox/none.png", "", out.path().string()),
               caspio::NotFoundError);
  EXPECT_EQ(out.entries(), 0u);
}

TEST_F(FilesEmulator, ADroppedDownloadIsRetriedFromTheStart) {
  const auto clean = files.download_by_key(kDs1Key, "clean", out.path().string());
  caspio::mock::Fault drop;
  drop.kind = caspio::mock::FaultKind::drop;
  drop.method = "GET";
  drop.path_prefix = "/rest/v2/files/" + std::string(kDs1Key);
  emu.server().inject(drop);
  forget();
  const auto retried = files.download_by_key(kDs1Key, "", out.path().string());
  EXPECT_EQ(slurp(retried.path), slurp(clean.path));
  EXPECT_EQ(retried.bytes, 1449u);
  EXPECT_EQ(emu.requests().size(), 3u);  // listing, dropped GET, full GET
  EXPECT_EQ(out.entries(), 2u);
}

TEST_F(FilesEmulator, AFailedDownloadLeavesNothingBehind) {
  const fs::path existing = out.path() / "ds1.png";
  caspio::mock::Fault drop;
  drop.kind = caspio::mock::FaultKind::drop;
  drop.method = "GET";
  drop.path_prefix = "/rest/v2/files/" + std::string(kDs1Key);
  drop.count = 100;
  emu.server().inject(drop);
  EXPECT_THROW(files.download_by_path("/Demo_Sandbox/ds1.png", "", out.path().string()),
               caspio::TransportError);
  EXPECT_FALSE(fs::exists(existing));
  EXPECT_EQ(out.entries(), 0u);
  emu.server().clear_faults();
  caspio::mock::Fault missing;
  missing.kind = caspio::mock::FaultKind::status;
  missing.status = 404;
  missing.path_prefix = "/rest/v2/files/" + std::string(kDs1Key);
  emu.server().inject(missing);
  EXPECT_THROW(files.download_by_key(kDs1Key, "", out.path().string()), caspio::NotFoundError);
  EXPECT_EQ(out.entries(), 0u);
}

TEST_F(FilesEmulator, DeleteByKeyAndByPath) {
  files.delete_by_key(kDs1Key);
  EXPECT_EQ(targets(), (Targets{"DELETE /rest/v2/files/" + std::string(kDs1Key)}));
  EXPECT_EQ(emu.requests().back().status, 200);
  EXPECT_THROW(files.metadata_by_path("/Demo_Sandbox/ds1.png"), caspio::NotFoundError);
  EXPECT_THROW(files.delete_by_key(kDs1Key), caspio::NotFoundError);
  forget();
  files.delete_by_path(std::string(kInnerPath) + "/dsos2.png");
  EXPECT_EQ(targets(),
            (Targets{listing_of(""), listing_of(kSandboxKey), listing_of(kOneKey),
                     listing_of(kInnerKey), "DELETE /rest/v2/files/" + std::string(kDsos2Key)}));
  forget();
  EXPECT_THROW(files.delete_by_path(std::string(kInnerPath) + "/dsos2.png"), caspio::NotFoundError);
  EXPECT_EQ(emu.requests().back().method, "GET");  // nothing deleted
  EXPECT_THROW(files.delete_by_key(""), caspio::InvalidArgumentError);
}
