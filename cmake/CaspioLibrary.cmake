# caspio_add_sdk_library(SOURCES <files...>): defines the SDK library target `caspio`
# (alias caspio::caspio) from the listed sources. Its build and packaging properties live here;
# the source list lives in src/CMakeLists.txt.
function(caspio_add_sdk_library)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(caspio ${ARG_SOURCES})
  add_library(caspio::caspio ALIAS caspio)
  target_compile_features(caspio PUBLIC cxx_std_17)
  target_include_directories(caspio
    PUBLIC "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>" "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
    PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(caspio
    PUBLIC nlohmann_json::nlohmann_json
    PRIVATE CURL::libcurl fmt::fmt Threads::Threads)
  set_target_properties(caspio PROPERTIES POSITION_INDEPENDENT_CODE ON EXPORT_NAME caspio)
  caspio_set_warnings(caspio)
endfunction()
