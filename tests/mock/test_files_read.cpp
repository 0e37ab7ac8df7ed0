// The Files area over plain HTTP, reading (F1-F3, F8): listings, downloads, fileInfo, paths.

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "mock_http.hpp"

using caspio::mock::Fixture;
using caspio::mock::ServerOptions;
using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kFiles = "/rest/v2/files";
const std::string kSandbox = "c5b7f134-dcd0-4c34-bba3-34129ee6e9eb";
const std::string kSubOne = "4e2ed81b-b9af-4116-852f-c7cc29cda6a1";
const std::string kSubTwo = "86eccfcc-e295-405f-978c-3e06495b3d82";
const std::string kInner = "6b8dc1eb-8c38-4512-8040-8a847e478778";
const std::string kDs1 = "b0bd9207-06e2-4932-8c1a-97aff5c93ae5";
const std::string kDsos1 = "c92e471f-8cd1-49ce-b5d5-2c88bf0ab045";
const std::string kInnerPath = "/Demo_Sandbox/Demo_Subfolder_One/Demo_Subfolder_One_Subfolder";
const std::regex kUsDate(
    R"(^([1-9]|1[0-2])/([1-9]|[12]\d|3[01])/\d{4} ([1-9]|1[0-2]):\d{2}:\d{2} (AM|PM)$)");
const std::regex kLowerGuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

class FilesReadTest : public ::testing::Test {
 protected:
  MockHttp mock;

  json listing(const std::string& key) {
    auto r = mock.get(kFiles + "?externalKey=" + enc(key));
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return MockHttp::json(r)["Result"];
  }
  httplib::Result by_path(const std::string& path, const std::string& suffix = "") {
    return mock.get(kFiles + "/path" + suffix + "?filePath=" + enc(path));
  }
  void expect_error(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(MockHttp::json(r)["Code"], code) << r->body;
  }
  static std::vector<std::string> names(const json& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item["Name"]);
    return out;
  }
};

// A real PNG: signature, IHDR first, IEND last.
void expect_png(const std::string& bytes) {
  ASSERT_GT(bytes.size(), 33u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(bytes.substr(bytes.size() - 8, 4), "IEND");
}

TEST_F(FilesReadTest, RootListingWhenTheKeyIsAbsentOrEmpty) {
  auto r = mock.get(kFiles);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json root = MockHttp::json(r)["Result"];
  EXPECT_EQ(names(root["Folders"]), (std::vector<std::string>{"Demo", "Demo_Sandbox"}));
  EXPECT_EQ(names(root["Files"]), (std::vector<std::string>{"Welcome.txt"}));
  EXPECT_EQ(listing(""), root);
}

TEST_F(FilesReadTest, SandboxListingIsTheSeedSample) {
  const json expected = {{"Folders",
                          {{{"Name", "Demo_Subfolder_One"},
                            {"ExternalKey", kSubOne},
                            {"ContentType", "caspio/folder"},
                            {"DateCreated", "1/12/2022 7:14:50 AM"}},
                           {{"Name", "Demo_Subfolder_Two"},
                            {"ExternalKey", kSubTwo},
                            {"ContentType", "caspio/folder"},
                            {"DateCreated", "1/12/2022 7:14:01 AM"}}}},
                         {"Files",
                          {{{"Name", "ds1.png"},
                            {"ExternalKey", kDs1},
                            {"Size", 1449},
                            {"LastModified", "1/28/2022 3:31:03 PM"},
                            {"ContentType", "image/png"},
                            {"DateCreated", "1/12/2022 7:16:58 AM"}}}}};
  EXPECT_EQ(listing(kSandbox), expected);
  EXPECT_EQ(listing("C5B7F134-DCD0-4C34-BBA3-34129EE6E9EB"), expected);
}

TEST_F(FilesReadTest, NestedFolderHoldsTheSeedsFilesWithWellFormedMetadata) {
  const json inner = listing(kInner);
  EXPECT_EQ(inner["Folders"], json::array());
  EXPECT_EQ(names(inner["Files"]),
            (std::vector<std::string>{"dsos1.png", "dsos2.png", "somefile1.png", "somefile2.png"}));
  const json dsos1 = inner["Files"][0];
  EXPECT_EQ(dsos1["ExternalKey"], kDsos1);
  EXPECT_EQ(dsos1["Size"], 1449);
  EXPECT_EQ(dsos1["LastModified"], "1/28/2022 3:31:42 PM");
  EXPECT_EQ(dsos1["DateCreated"], "1/24/2022 8:30:51 PM");
  for (const auto& f : inner["Files"]) {
    EXPECT_TRUE(std::regex_match(f["ExternalKey"].get<std::string>(), kLowerGuid));
    EXPECT_TRUE(std::regex_match(f["DateCreated"].get<std::string>(), kUsDate));
    EXPECT_TRUE(std::regex_match(f["LastModified"].get<std::string>(), kUsDate));
    EXPECT_EQ(f["ContentType"], "image/png");
  }
  const json one = listing(kSubOne);
  ASSERT_EQ(one["Folders"].size(), 1u);
  EXPECT_EQ(one["Folders"][0]["ExternalKey"], kInner);
  EXPECT_EQ(one["Folders"][0]["DateCreated"], "1/12/2022 7:15:18 AM");
  EXPECT_EQ(names(listing(kSubTwo)["Files"]), (std::vector<std::string>{"notes.txt"}));
}

TEST_F(FilesReadTest, FileKeyListsThatFileAlone) {
  const json result = listing(kDsos1);
  EXPECT_EQ(result["Folders"], json::array());
  ASSERT_EQ(result["Files"].size(), 1u);
  EXPECT_EQ(result["Files"][0], listing(kInner)["Files"][0]);
}

TEST_F(FilesReadTest, UnknownKeyIs404) {
  expect_error(mock.get(kFiles + "?externalKey=00000000-0000-0000-0000-000000000000"), 404,
               "ObjectNotFound");
  expect_error(mock.get(kFiles + "?externalKey=nope"), 404, "ObjectNotFound");
}

TEST_F(FilesReadTest, DemoFolderHoldsThePhysiciansPhotos) {
  const json demo = listing(listing("")["Folders"][0]["ExternalKey"]);
  const auto photos = names(demo["Files"]);
  EXPECT_NE(std::find(photos.begin(), photos.end(), "LelahHoppe.png"), photos.end());
  EXPECT_GE(photos.size(), 3u);
}

TEST_F(FilesReadTest, DownloadByKeyIsTheRawFileAsAnAttachment) {
  auto r = mock.get(kFiles + "/" + kDs1);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename=\"ds1.png\"");
  EXPECT_EQ(r->body.size(), 1449u);
  expect_png(r->body);
  auto upper = mock.get(kFiles + "/B0BD9207-06E2-4932-8C1A-97AFF5C93AE5");
  ASSERT_TRUE(upper);
  EXPECT_EQ(upper->body, r->body);
}

TEST_F(FilesReadTest, DownloadByPathMatchesDownloadByKeyAndFilesDiffer) {
  auto by_key = mock.get(kFiles + "/" + kDsos1);
  auto path = by_path(kInnerPath + "/dsos1.png");
  ASSERT_TRUE(by_key && path);
  ASSERT_EQ(path->status, 200) << path->body;
  EXPECT_EQ(path->body, by_key->body);
  EXPECT_EQ(path->get_header_value("Content-Disposition"), "attachment; filename=\"dsos1.png\"");
  auto ds1 = mock.get(kFiles + "/" + kDs1);
  EXPECT_EQ(ds1->body.size(), path->body.size());
  EXPECT_NE(ds1->body, path->body);

  auto photo = by_path("/Demo/LelahHoppe.png");
  ASSERT_TRUE(photo);
  ASSERT_EQ(photo->status, 200);
  expect_png(photo->body);
  EXPECT_NE(photo->body, by_path("/Demo/OscarMartinez.png")->body);
}

TEST_F(FilesReadTest, TextFilesComeBackAsText) {
  auto r = by_path("/Welcome.txt");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain");
  EXPECT_NE(r->body.find("caspio-mock"), std::string::npos);
  EXPECT_EQ(MockHttp::json(mock.get(kFiles))["Result"]["Files"][0]["Size"], r->body.size());
}

TEST_F(FilesReadTest, PathLookupIsCaseSensitiveFolderByFolder) {
  EXPECT_EQ(by_path("/Demo/LelahHoppe.png")->status, 200);
  expect_error(by_path("/demo/LelahHoppe.png"), 404, "ObjectNotFound");
  expect_error(by_path("/Demo/lelahhoppe.png"), 404, "ObjectNotFound");
  expect_error(by_path("/DEMO_SANDBOX/ds1.png"), 404, "ObjectNotFound");
}

TEST_F(FilesReadTest, PathsThatDoNotNameAFileAre404) {
  expect_error(by_path("/Demo_Sandbox"), 404, "ObjectNotFound");
  expect_error(by_path("/Demo_Sandbox/"), 404, "ObjectNotFound");
  expect_error(by_path("/Demo_Sandbox//ds1.png"), 404, "ObjectNotFound");
  expect_error(by_path("/Demo_Sandbox/nope.png"), 404, "ObjectNotFound");
  expect_error(by_path("/Nope/ds1.png"), 404, "ObjectNotFound");
  expect_error(by_path("/ds1.png"), 404, "ObjectNotFound");  // lives in /Demo_Sandbox
  // The leading slash may be left out.
  EXPECT_EQ(by_path("Demo_Sandbox/ds1.png")->status, 200);
}

TEST_F(FilesReadTest, MissingFilePathIs400) {
  expect_error(mock.get(kFiles + "/path"), 400, "IncorrectQueryParameter");
  expect_error(mock.get(kFiles + "/path?filePath="), 400, "IncorrectQueryParameter");
  expect_error(mock.get(kFiles + "/path/fileInfo"), 400, "IncorrectQueryParameter");
}

TEST_F(FilesReadTest, DownloadOfUnknownOrFolderKeyIs404) {
  expect_error(mock.get(kFiles + "/00000000-0000-0000-0000-000000000000"), 404, "ObjectNotFound");
  expect_error(mock.get(kFiles + "/" + kSandbox), 404, "ObjectNotFound");
}

TEST_F(FilesReadTest, FileInfoByKeyAndByPathIsTheFileItem) {
  const json item = listing(kInner)["Files"][0];
  auto r = mock.get(kFiles + "/" + kDsos1 + "/fileInfo");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(MockHttp::json(r), json({{"Result", item}}));
  r = by_path(kInnerPath + "/dsos1.png", "/fileInfo");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(MockHttp::json(r), json({{"Result", item}}));
  expect_error(mock.get(kFiles + "/" + kSandbox + "/fileInfo"), 404, "ObjectNotFound");
  expect_error(by_path(kInnerPath + "/nope.png", "/fileInfo"), 404, "ObjectNotFound");
}

TEST(FilesEmptyFixture, RootIsEmpty) {
  ServerOptions options;
  options.fixture = Fixture::empty;
  MockHttp mock(options);
  auto r = mock.get(kFiles);
  ASSERT_TRUE(r);
  EXPECT_EQ(MockHttp::json(r),
            json({{"Result", {{"Folders", json::array()}, {"Files", json::array()}}}}));
  EXPECT_EQ(mock.get(kFiles + "?externalKey=" + kSandbox)->status, 404);
}

}  // namespace
