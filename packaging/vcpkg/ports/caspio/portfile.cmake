# Overlay port: builds the checkout this file lives in (packaging/vcpkg/ports/caspio/ -> the
# repository root). A registry port would fetch a release tag with vcpkg_from_github instead.
# Not on Windows (vcpkg.json "supports"): the atomic file writes and multipart uploads use POSIX
# calls (src/transport/atomic_file.cpp, multipart.cpp).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    mock CASPIO_BUILD_MOCK
    cli CASPIO_BUILD_CLI)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DCASPIO_BUILD_TESTS=OFF
    -DCASPIO_BUILD_EXAMPLES=OFF
    -DCASPIO_BUILD_BENCH=OFF
    -DCASPIO_BUILD_DOCS=OFF
    -DCASPIO_INSTALL=ON
    ${FEATURE_OPTIONS})
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH lib/cmake/caspio)
vcpkg_fixup_pkgconfig()

set(tools "")
if("mock" IN_LIST FEATURES)
  list(APPEND tools caspio-mock)
endif()
if("cli" IN_LIST FEATURES)
  list(APPEND tools caspio)
endif()
if(tools)
  vcpkg_copy_tools(TOOL_NAMES ${tools} AUTO_CLEAN)
endif()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
