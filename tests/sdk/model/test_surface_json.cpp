// The Apps, Files and Tasks result types convert to Caspio's JSON shapes and back.
#include <gtest/gtest.h>

#include "caspio/caspio.hpp"

using nlohmann::json;

TEST(SurfaceJson, AppAndDataPageRoundTrip) {
  const json app = json::parse(R"({"AppName":"Demo","ExternalKey":"k","DataPagesCount":5,
      "DateCreated":"2022-01-25T15:17:10.607","DateModified":"2022-01-25T15:20:44.850",
      "DefaultIcon":true,"IconFileName":""})");
  EXPECT_EQ(json(app.get<caspio::AppInfo>()), app);
  const json page =
      json::parse(R"({"Name":"Physician Registration","AppKey":"4095","AppName":"Demo",
      "Path":"/Public Interfaces","Type":"WEBFORM","DateCreated":"a","DateModified":"b",
      "CreatedBy":"user@user.com","ModifiedBy":"","Note":""})");
  const auto info = page.get<caspio::DataPageInfo>();
  EXPECT_FALSE(info.deployed.has_value());
  EXPECT_EQ(json(info), page);  // no Deployed key when the server sent none
  json deployed = page;
  deployed["Deployed"] = false;
  EXPECT_EQ(json(deployed.get<caspio::DataPageInfo>()), deployed);
  EXPECT_THROW(json::parse(R"({"AppName":1})").get<caspio::AppInfo>(), json::exception);
}

TEST(SurfaceJson, FilesAndTransfersRoundTrip) {
  const json listing = json::parse(R"({"Folders":[{"Name":"Demo_Subfolder_One",
      "ExternalKey":"4e2e","ContentType":"caspio/folder","DateCreated":"1/12/2022 7:14:50 AM"}],
      "Files":[{"Name":"ds1.png","ExternalKey":"b0bd","Size":1449,
      "LastModified":"1/28/2022 3:31:03 PM","ContentType":"image/png",
      "DateCreated":"1/12/2022 7:16:58 AM"}]})");
  const auto parsed = listing.get<caspio::FolderListing>();
  EXPECT_EQ(parsed.files.at(0).size, 1449);
  EXPECT_EQ(json(parsed), listing);
  EXPECT_TRUE(json::object().get<caspio::FolderListing>().files.empty());

  caspio::UploadResult up;
  up.status = 201;
  up.uploaded = {{"a.txt", "k1"}};
  up.skipped = {"b.txt"};
  const json up_json = up;
  EXPECT_EQ(up_json, json::parse(R"({"status":201,"uploaded":[{"Name":"a.txt","ExternalKey":"k1"}],
      "skipped":["b.txt"]})"));
  EXPECT_EQ(up_json.get<caspio::UploadResult>().skipped, up.skipped);

  caspio::OverwriteResult ow;
  ow.status = 200;
  ow.file = {"dsos2.png", "ad2c"};
  const auto back = json(ow).get<caspio::OverwriteResult>();
  EXPECT_EQ(back.status, 200);
  EXPECT_FALSE(back.created);
  EXPECT_EQ(back.file.external_key, "ad2c");

  caspio::DownloadResult dl;
  dl.path = "out/ds1.png";
  dl.bytes = 1449;
  dl.content_type = "image/png";
  EXPECT_EQ(json(dl).get<caspio::DownloadResult>().bytes, 1449u);
}

TEST(SurfaceJson, TaskRoundTripKeepsOptionalLastRun) {
  const json never = json::parse(R"({"Name":"Name","ExternalKey":"a41f","Status":"Ready",
      "TaskTimeZone":"UTC","Frequency":"On demand","Note":""})");
  const auto task = never.get<caspio::TaskInfo>();
  EXPECT_FALSE(task.success.has_value());
  EXPECT_EQ(json(task), never);
}
