// Demo files. ExternalKeys, the 1449-byte sizes and the dates of Demo_Sandbox, its subfolders,
// ds1.png and dsos1.png are the seed README's sample values; dsos2.png, somefile1.png and
// somefile2.png carry the keys the seed's upload examples got for them. somefile3.png and
// myCoolSecondFile.png are left out so the seed's upload-many examples still store something.
#include "demo_files.hpp"

#include <cstdint>
#include <string>

#include "file_png.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

FileContent png(const std::string& name, std::uint32_t seed, std::size_t size = 0) {
  return FileContent{name, "image/png", make_png(seed, size)};
}

FileContent text(const std::string& name, const std::string& body) {
  return FileContent{name, "text/plain", body};
}

}  // namespace

void load_demo_files(FileStore& store) {
  store.add_file("",
                 text("Welcome.txt",
                      "Files area of the caspio-mock demo account.\n"
                      "/Demo holds the physicians' profile photos; /Demo_Sandbox is for trying "
                      "uploads, downloads and deletes.\n"),
                 "0f6a3c2e-9d41-4b7a-8e55-1c2b3d4e5f60", "1/12/2022 7:10:02 AM",
                 "1/12/2022 7:10:02 AM");

  const std::string demo =
      store.add_folder("", "Demo", "7a1d5e90-3c4b-4f28-b6e7-0d9c8b7a6f51", "1/25/2022 3:17:12 PM");
  const char* photos[] = {"LelahHoppe.png", "OscarMartinez.png", "AnikaPatel.png", "MarcusChen.png",
                          "SofiaRamirez.png"};
  const char* photo_keys[] = {
      "d2b4f6a8-1c3e-4a5b-9d7f-0e2c4a6b8d10", "e3c5a7b9-2d4f-4b6c-8e0a-1f3d5b7c9e21",
      "f4d6b8c0-3e5a-4c7d-9f1b-2a4e6c8d0f32", "a5e7c9d1-4f6b-4d8e-8a2c-3b5f7d9e1a43",
      "b6f8d0e2-5a7c-4e9f-9b3d-4c6a8e0f2b54"};
  for (std::size_t i = 0; i < 5; ++i) {
    store.add_file(demo, png(photos[i], static_cast<std::uint32_t>(100 + i)), photo_keys[i],
                   "1/25/2022 3:17:20 PM", "1/25/2022 3:17:20 PM");
  }

  const std::string sandbox = store.add_folder(
      "", "Demo_Sandbox", "c5b7f134-dcd0-4c34-bba3-34129ee6e9eb", "1/12/2022 7:13:37 AM");
  store.add_file(sandbox, png("ds1.png", 1, 1449), "b0bd9207-06e2-4932-8c1a-97aff5c93ae5",
                 "1/12/2022 7:16:58 AM", "1/28/2022 3:31:03 PM");

  const std::string one =
      store.add_folder(sandbox, "Demo_Subfolder_One", "4e2ed81b-b9af-4116-852f-c7cc29cda6a1",
                       "1/12/2022 7:14:50 AM");
  const std::string two =
      store.add_folder(sandbox, "Demo_Subfolder_Two", "86eccfcc-e295-405f-978c-3e06495b3d82",
                       "1/12/2022 7:14:01 AM");
  store.add_file(two, text("notes.txt", "Demo_Subfolder_Two: a plain text file.\n"),
                 "1b3d5f7a-9c2e-4d6f-8a1b-3c5e7f9a2b4d", "1/12/2022 7:18:40 AM",
                 "1/12/2022 7:18:40 AM");

  const std::string inner =
      store.add_folder(one, "Demo_Subfolder_One_Subfolder", "6b8dc1eb-8c38-4512-8040-8a847e478778",
                       "1/12/2022 7:15:18 AM");
  store.add_file(inner, png("dsos1.png", 2, 1449), "c92e471f-8cd1-49ce-b5d5-2c88bf0ab045",
                 "1/24/2022 8:30:51 PM", "1/28/2022 3:31:42 PM");
  store.add_file(inner, png("dsos2.png", 3, 1449), "ad2c32c8-ae5a-41d9-885c-5f31f0d3a748",
                 "1/28/2022 3:40:12 PM", "1/28/2022 3:40:12 PM");
  store.add_file(inner, png("somefile1.png", 4), "2098314a-7a3d-4721-aa87-42f72dfce8b9",
                 "1/28/2022 3:45:30 PM", "1/28/2022 3:45:30 PM");
  store.add_file(inner, png("somefile2.png", 5), "f729e367-55f8-42e7-ac7c-a9c9a8a8912e",
                 "1/28/2022 3:47:05 PM", "1/28/2022 3:47:05 PM");
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
