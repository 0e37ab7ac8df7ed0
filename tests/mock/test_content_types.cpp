// The shared extension → content-type table (src/common/content_types.hpp) that the SDK and the
// emulator both use.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/content_types.hpp"

using caspio::common::content_type_for_name;

TEST(ContentTypes, KnownExtensionsIgnoreCase) {
  EXPECT_EQ(content_type_for_name("photo.png"), "image/png");
  EXPECT_EQ(content_type_for_name("PHOTO.JPG"), "image/jpeg");
  EXPECT_EQ(content_type_for_name("scan.TiFf"), "image/tiff");
  EXPECT_EQ(content_type_for_name("report.XLSX"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(content_type_for_name("a.b.csv"), "text/csv");
  EXPECT_EQ(content_type_for_name("/tmp/dir/song.mp3"), "audio/mpeg");
}

TEST(ContentTypes, UnknownMissingOrDirectoryDotsAreOctetStream) {
  for (const char* name : {"README", "archive.tar.xz", "file.", ".", "", "dir.d/file", "pngx.pngx",
                           "x.pn", "image.png.bak"}) {
    EXPECT_EQ(content_type_for_name(name), "application/octet-stream") << name;
  }
}

TEST(ContentTypes, TableHasOneLowerCaseEntryPerExtension) {
  std::set<std::string> seen;
  for (const auto& [ext, type] : caspio::common::kContentTypes) {
    EXPECT_TRUE(seen.insert(std::string(ext)).second) << ext;
    for (char c : ext) EXPECT_FALSE(c >= 'A' && c <= 'Z') << ext;
    EXPECT_EQ(content_type_for_name("f." + std::string(ext)), type);
    EXPECT_NE(type.find('/'), std::string_view::npos) << type;
  }
}
