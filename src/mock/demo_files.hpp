#pragma once
// The Files area of the demo fixture.

#include "file_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Loads the demo folder tree into an empty store:
///
///     /Welcome.txt
///     /Demo/                       physicians' photos (LelahHoppe.png, …), as FILE fields point to
///     /Demo_Sandbox/ds1.png
///     /Demo_Sandbox/Demo_Subfolder_One/
///     /Demo_Sandbox/Demo_Subfolder_One/Demo_Subfolder_One_Subfolder/
///         dsos1.png dsos2.png somefile1.png somefile2.png
///     /Demo_Sandbox/Demo_Subfolder_Two/notes.txt
///
/// Keys, sizes and dates follow the seed README's samples where it gives them.
void load_demo_files(FileStore& store);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
