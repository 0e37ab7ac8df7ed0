// The Files area over plain HTTP, writing (F4-F7): multipart uploads, overwrites and deletes.

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "mock_http.hpp"

using caspio_test::enc;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kFiles = "/rest/v2/files";
const std::string kSandbox = "c5b7f134-dcd0-4c34-bba3-34129ee6e9eb";
const std::string kSubOne = "4e2ed81b-b9af-4116-852f-c7cc29cda6a1";
const std::string kInner = "6b8dc1eb-8c38-4512-8040-8a847e478778";
const std::string kDs1 = "b0bd9207-06e2-4932-8c1a-97aff5c93ae5";
const std::string kDsos2 = "ad2c32c8-ae5a-41d9-885c-5f31f0d3a748";
const std::string kSomefile2 = "f729e367-55f8-42e7-ac7c-a9c9a8a8912e";
const std::string kInnerPath = "/Demo_Sandbox/Demo_Subfolder_One/Demo_Subfolder_One_Subfolder";
const std::regex kLowerGuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
const std::regex kUsDate(R"(^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$)");

httplib::MultipartFormData part(const std::string& part_name, const std::string& file_name,
                                const std::string& content,
                                const std::string& type = "application/octet-stream") {
  return httplib::MultipartFormData{part_name, content, file_name, type};
}

class FilesWriteTest : public ::testing::Test {
 protected:
  MockHttp mock;

  static std::string target(const std::string& folder) {
    return folder.empty() ? kFiles : kFiles + "?externalKey=" + enc(folder);
  }
  httplib::Result post(const std::string& folder, const httplib::MultipartFormDataItems& items) {
    return mock.http().Post(target(folder), mock.auth(), items);
  }
  httplib::Result put(const std::string& folder, const httplib::MultipartFormDataItems& items) {
    return mock.http().Put(target(folder), mock.auth(), items);
  }
  json listing(const std::string& key) {
    auto r = mock.get(target(key));
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return MockHttp::json(r)["Result"];
  }
  json file_named(const std::string& folder, const std::string& name) {
    const json result = listing(folder);
    for (const auto& f : result["Files"]) {
      if (f["Name"] == name) return f;
    }
    return nullptr;
  }
  void expect_error(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(MockHttp::json(r)["Code"], code) << r->body;
  }
};

TEST_F(FilesWriteTest, PostStoresAFileThatListingsAndDownloadsThenShow) {
  auto r = post(kInner, {part("file0", "report.pdf", "%PDF-1.4 tiny", "application/pdf")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json result = MockHttp::json(r)["Result"];
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0]["Name"], "report.pdf");
  const std::string key = result[0]["ExternalKey"];
  EXPECT_TRUE(std::regex_match(key, kLowerGuid)) << key;
  EXPECT_EQ(result[0].size(), 2u);

  const json item = file_named(kInner, "report.pdf");
  ASSERT_FALSE(item.is_null());
  EXPECT_EQ(item["ExternalKey"], key);
  EXPECT_EQ(item["Size"], 13);
  EXPECT_EQ(item["ContentType"], "application/pdf");
  EXPECT_TRUE(std::regex_match(item["DateCreated"].get<std::string>(), kUsDate));
  EXPECT_TRUE(std::regex_match(item["LastModified"].get<std::string>(), kUsDate));

  auto dl = mock.get(kFiles + "/path?filePath=" + enc(kInnerPath + "/report.pdf"));
  ASSERT_TRUE(dl);
  EXPECT_EQ(dl->status, 200);
  EXPECT_EQ(dl->body, "%PDF-1.4 tiny");
  EXPECT_EQ(dl->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(mock.get(kFiles + "/" + key)->body, "%PDF-1.4 tiny");
}

TEST_F(FilesWriteTest, PostWithoutAFolderKeyUploadsToTheRoot) {
  auto r = post("", {part("file", "root.txt", "at the root", "text/plain")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_FALSE(file_named("", "root.txt").is_null());
  EXPECT_EQ(mock.get(kFiles + "/path?filePath=%2Froot.txt")->body, "at the root");
}

TEST_F(FilesWriteTest, PostSkipsExistingNamesAndListsOnlyWhatItStored) {
  // The seed's second uploadByPath example: somefile1/somefile2 exist, somefile3 does not.
  const std::string before = mock.get(kFiles + "/" + kSomefile2)->body;
  auto r = post(kInner, {part("file0", "somefile1.png", "a", "image/png"),
                         part("file1", "somefile2.png", "b", "image/png"),
                         part("file2", "somefile3.png", "c", "image/png")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json result = MockHttp::json(r)["Result"];
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0]["Name"], "somefile3.png");
  EXPECT_EQ(mock.get(kFiles + "/" + kSomefile2)->body, before);  // never overwritten
}

TEST_F(FilesWriteTest, PostAcceptsAnyPartNamesAndSkipsRepeatsWithinTheRequest) {
  auto r = post(kSubOne, {part("Files", "a.txt", "first", "text/plain"),
                          part("whatever", "b.txt", "bee", "text/plain"),
                          part("Files", "a.txt", "second", "text/plain")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json result = MockHttp::json(r)["Result"];
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(
      mock.get(kFiles + "/path?filePath=" + enc("/Demo_Sandbox/Demo_Subfolder_One/a.txt"))->body,
      "first");
  EXPECT_NE(result[0]["ExternalKey"], result[1]["ExternalKey"]);
}

TEST_F(FilesWriteTest, PostWhereEveryNameExistsIs409AndStoresNothing) {
  const json before = listing(kInner);
  expect_error(post(kInner, {part("file0", "dsos1.png", "x", "image/png"),
                             part("file1", "dsos2.png", "y", "image/png")}),
               409, "FileAlreadyExists");
  EXPECT_EQ(listing(kInner), before);
}

TEST_F(FilesWriteTest, AFileCannotTakeTheNameOfASiblingFolder) {
  expect_error(post(kSandbox, {part("f", "Demo_Subfolder_One", "x")}), 409, "FileAlreadyExists");
  expect_error(put(kSandbox, {part("f", "Demo_Subfolder_One", "x")}), 409, "FileAlreadyExists");
}

TEST_F(FilesWriteTest, NamesDifferingOnlyInCaseAreDifferentFiles) {
  auto r = post(kSandbox, {part("f", "DS1.png", "upper", "image/png")});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(mock.get(kFiles + "/path?filePath=" + enc("/Demo_Sandbox/DS1.png"))->body, "upper");
  EXPECT_EQ(mock.get(kFiles + "/path?filePath=" + enc("/Demo_Sandbox/ds1.png"))->body.size(),
            1449u);
}

TEST_F(FilesWriteTest, UploadToAnUnknownFolderOrAFileKeyIs404) {
  const std::string nope = "00000000-0000-0000-0000-000000000000";
  expect_error(post(nope, {part("f", "x.txt", "x")}), 404, "ObjectNotFound");
  expect_error(post(kDs1, {part("f", "x.txt", "x")}), 404, "ObjectNotFound");
  expect_error(put(nope, {part("f", "x.txt", "x")}), 404, "ObjectNotFound");
}

TEST_F(FilesWriteTest, UploadWithoutAFilePartIs400) {
  // A plain form field is not a file.
  expect_error(post(kSandbox, {part("note", "", "just text", "")}), 400, "IncorrectBodyParameter");
  expect_error(put(kSandbox, {part("note", "", "just text", "")}), 400, "IncorrectBodyParameter");
  expect_error(mock.post_json(target(kSandbox), json{{"Name", "x.txt"}}), 400,
               "IncorrectBodyParameter");
  expect_error(mock.put_json(target(kSandbox), json{{"Name", "x.txt"}}), 400,
               "IncorrectBodyParameter");
}

TEST_F(FilesWriteTest, FileNamesWithForbiddenCharactersAre400) {
  expect_error(post(kSandbox, {part("f", "a:b.txt", "x")}), 400, "IncorrectBodyParameter");
  expect_error(post(kSandbox, {part("f", "a|b.txt", "x")}), 400, "IncorrectBodyParameter");
  EXPECT_TRUE(file_named(kSandbox, "a:b.txt").is_null());
}

TEST_F(FilesWriteTest, MissingPartContentTypeIsGuessedFromTheName) {
  auto r = post(kSandbox, {part("f", "guess.txt", "hello", ""), part("g", "pic.PNG", "p", "")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(file_named(kSandbox, "guess.txt")["ContentType"], "text/plain");
  EXPECT_EQ(file_named(kSandbox, "pic.PNG")["ContentType"], "image/png");
}

TEST_F(FilesWriteTest, GuessedContentTypesComeFromTheSharedTable) {
  // Office, audio and image types the emulator did not know before it shared the SDK's table.
  auto r = post(kSandbox, {part("a", "Report.XLSX", "x", ""), part("b", "song.mp3", "x", ""),
                           part("c", "scan.tif", "x", ""), part("d", "notes.unknown", "x", "")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(file_named(kSandbox, "Report.XLSX")["ContentType"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(file_named(kSandbox, "song.mp3")["ContentType"], "audio/mpeg");
  EXPECT_EQ(file_named(kSandbox, "scan.tif")["ContentType"], "image/tiff");
  EXPECT_EQ(file_named(kSandbox, "notes.unknown")["ContentType"], "application/octet-stream");
}

TEST_F(FilesWriteTest, PutOfANewNameIs201) {
  auto r = put(kInner, {part("file", "fresh.png", "new bytes", "image/png")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json result = MockHttp::json(r)["Result"];
  ASSERT_TRUE(result.is_object()) << r->body;
  EXPECT_EQ(result["Name"], "fresh.png");
  EXPECT_TRUE(std::regex_match(result["ExternalKey"].get<std::string>(), kLowerGuid));
  EXPECT_EQ(file_named(kInner, "fresh.png")["ExternalKey"], result["ExternalKey"]);
}

TEST_F(FilesWriteTest, PutOverAnExistingFileIs200AndKeepsItsKeyAndCreationDate) {
  // The seed's uploadOverwriteByPath example: dsos2.png is overwritten.
  const json before = file_named(kInner, "dsos2.png");
  ASSERT_EQ(before["ExternalKey"], kDsos2);
  auto r = put(kInner, {part("file", "dsos2.png", "replaced!", "image/gif")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(MockHttp::json(r),
            json({{"Result", {{"Name", "dsos2.png"}, {"ExternalKey", kDsos2}}}}));

  const json after = file_named(kInner, "dsos2.png");
  EXPECT_EQ(after["ExternalKey"], kDsos2);
  EXPECT_EQ(after["DateCreated"], before["DateCreated"]);
  EXPECT_NE(after["LastModified"], before["LastModified"]);
  EXPECT_EQ(after["Size"], 9);
  EXPECT_EQ(after["ContentType"], "image/gif");
  EXPECT_EQ(listing(kInner)["Files"].size(), 4u);
  auto dl = mock.get(kFiles + "/" + kDsos2);
  EXPECT_EQ(dl->body, "replaced!");
  EXPECT_EQ(dl->get_header_value("Content-Type"), "image/gif");

  // A second overwrite answers the same key again.
  r = put(kInner, {part("file", "dsos2.png", "again", "image/png")});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(MockHttp::json(r)["Result"]["ExternalKey"], kDsos2);
}

TEST_F(FilesWriteTest, PutWithMoreThanOneFileIs400AndStoresNothing) {
  const json before = listing(kInner);
  expect_error(put(kInner, {part("a", "one.txt", "1"), part("b", "two.txt", "2")}), 400,
               "IncorrectBodyParameter");
  EXPECT_EQ(listing(kInner), before);
}

TEST_F(FilesWriteTest, DeleteByKeyRemovesTheFileAndASecondDeleteIs404FileNotFound) {
  auto r = mock.del(kFiles + "/" + kSomefile2);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(r->body.empty());
  EXPECT_TRUE(file_named(kInner, "somefile2.png").is_null());
  expect_error(mock.get(kFiles + "/" + kSomefile2), 404, "ObjectNotFound");
  expect_error(mock.get(kFiles + "?externalKey=" + kSomefile2), 404, "ObjectNotFound");
  expect_error(mock.del(kFiles + "/" + kSomefile2), 404, "FileNotFound");
  expect_error(mock.del(kFiles + "/" + kSandbox), 404, "FileNotFound");  // folders stay
  EXPECT_EQ(listing(kSandbox)["Folders"].size(), 2u);
}

TEST_F(FilesWriteTest, DeleteByPathRemovesTheFile) {
  // The seed's deleteByPath example.
  const std::string path = kInnerPath + "/somefile1.png";
  auto r = mock.del(kFiles + "/path?filePath=" + enc(path));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(file_named(kInner, "somefile1.png").is_null());
  expect_error(mock.get(kFiles + "/path?filePath=" + enc(path)), 404, "ObjectNotFound");
  expect_error(mock.del(kFiles + "/path?filePath=" + enc(path)), 404, "FileNotFound");
  expect_error(mock.del(kFiles + "/path?filePath=" + enc("/Demo/lelahhoppe.png")), 404,
               "FileNotFound");
  expect_error(mock.del(kFiles + "/path"), 400, "IncorrectQueryParameter");
}

TEST_F(FilesWriteTest, DeleteOfTheCollectionIs405) {
  expect_error(mock.del(kFiles + "?externalKey=" + kSandbox), 405, "MethodNotAllowed");
  expect_error(mock.del(kFiles), 405, "MethodNotAllowed");
  EXPECT_EQ(listing(kSandbox)["Files"].size(), 1u);
}

TEST_F(FilesWriteTest, PathsWithSpacesAndNonAsciiNamesRoundTrip) {
  const std::string name = "Résumé 2022.txt";
  auto r = post(kSubOne, {part("f", name, "cv", "text/plain")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto dl = mock.get(kFiles + "/path?filePath=" + enc("/Demo_Sandbox/Demo_Subfolder_One/" + name));
  ASSERT_TRUE(dl);
  ASSERT_EQ(dl->status, 200);
  EXPECT_EQ(dl->body, "cv");
  const std::string disposition = dl->get_header_value("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"", 0), 0u) << disposition;
  // httplib's client percent-decodes header values, so the RFC 5987 form reads back decoded.
  EXPECT_NE(disposition.find("; filename*=UTF-8''R"), std::string::npos) << disposition;
  for (unsigned char c : disposition.substr(0, disposition.find(';', 12))) EXPECT_LT(c, 0x80);
}

TEST_F(FilesWriteTest, ConcurrentUploadsAllLand) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      httplib::Client client("127.0.0.1", mock.server().port());
      for (int i = 0; i < 5; ++i) {
        const std::string name = "c" + std::to_string(t) + "_" + std::to_string(i) + ".txt";
        auto r = client.Post(target(kSubOne), mock.auth(),
                             httplib::MultipartFormDataItems{part("f", name, name, "text/plain")});
        EXPECT_TRUE(r && r->status == 201);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(listing(kSubOne)["Files"].size(), 20u);
}

}  // namespace
