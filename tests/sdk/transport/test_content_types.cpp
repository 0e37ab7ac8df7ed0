// Uploads name the same content type the emulator would guess: one table for both.
#include <gtest/gtest.h>

#include <string>

#include "common/content_types.hpp"
#include "transport/multipart.hpp"

TEST(ContentTypes, UploadsUseTheSharedTable) {
  for (const auto& [extension, type] : caspio::common::kContentTypes) {
    if (extension.empty()) continue;
    const std::string ext(extension);
    EXPECT_EQ(caspio::detail::content_type_for("report." + ext), type) << ext;
    std::string upper = ext;
    for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    EXPECT_EQ(caspio::detail::content_type_for("REPORT." + upper), type) << upper;
  }
  EXPECT_EQ(caspio::detail::content_type_for("no-extension"), "application/octet-stream");
  EXPECT_EQ(caspio::detail::content_type_for("dir.d/file"), "application/octet-stream");
  EXPECT_EQ(caspio::detail::content_type_for("data.unknownext"), "application/octet-stream");
}
