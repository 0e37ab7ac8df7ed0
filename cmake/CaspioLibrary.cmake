# caspio_add_sdk_library(SOURCES <files...>): defines the SDK library from the listed sources (the
# source list lives in src/). Its build and packaging properties live here:
#
#   caspio_objects   OBJECT library: the sources compiled once, hidden visibility, PIC.
#   caspio           the SDK (alias caspio::caspio), static or shared as BUILD_SHARED_LIBS says.
#                    Shared: VERSION/SOVERSION (0.MINOR while 0.x), only CASPIO_EXPORT declarations are exported.
#   caspio_internal  a static library of the same objects, for the project's own tests that call
#                    caspio::detail internals (never installed).
#
# Generated headers (in the build tree, installed beside the others): <caspio/version.hpp> and
# <caspio/export.hpp>.
function(caspio_add_sdk_library)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  set(generated "${PROJECT_BINARY_DIR}/include")
  if(BUILD_SHARED_LIBS)
    set(CASPIO_SHARED_LIBRARY 1)
  else()
    set(CASPIO_SHARED_LIBRARY 0)
  endif()
  configure_file("${PROJECT_SOURCE_DIR}/cmake/templates/version.hpp.in" "${generated}/caspio/version.hpp" @ONLY)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/templates/export.hpp.in" "${generated}/caspio/export.hpp" @ONLY)

  add_library(caspio_objects OBJECT ${ARG_SOURCES})
  target_compile_features(caspio_objects PUBLIC cxx_std_17)
  target_include_directories(caspio_objects
    PUBLIC "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>" "$<BUILD_INTERFACE:${generated}>"
           "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
    PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_compile_definitions(caspio_objects PRIVATE CASPIO_BUILDING)
  target_link_libraries(caspio_objects
    PUBLIC nlohmann_json::nlohmann_json
    PRIVATE CURL::libcurl fmt::fmt simdjson::simdjson Threads::Threads)
  set_target_properties(caspio_objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  caspio_set_warnings(caspio_objects)

  # The ABI version: MAJOR, but MAJOR.MINOR while MAJOR is 0 (0.x minors may break the API and
  # ABI, see CHANGELOG.md), so libcaspio.so.0.1 and libcaspio.so.0.2 are different libraries.
  if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(CASPIO_SOVERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
  else()
    set(CASPIO_SOVERSION "${PROJECT_VERSION_MAJOR}")
  endif()
  add_library(caspio $<TARGET_OBJECTS:caspio_objects>)
  add_library(caspio::caspio ALIAS caspio)
  target_compile_features(caspio PUBLIC cxx_std_17)
  target_include_directories(caspio PUBLIC
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>" "$<BUILD_INTERFACE:${generated}>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  target_link_libraries(caspio
    PUBLIC nlohmann_json::nlohmann_json
    PRIVATE CURL::libcurl fmt::fmt simdjson::simdjson Threads::Threads)
  set_target_properties(caspio PROPERTIES
    EXPORT_NAME caspio VERSION ${PROJECT_VERSION} SOVERSION ${CASPIO_SOVERSION})

  add_library(caspio_internal STATIC)
  target_include_directories(caspio_internal PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(caspio_internal
    PUBLIC caspio_objects nlohmann_json::nlohmann_json CURL::libcurl fmt::fmt simdjson::simdjson
           Threads::Threads)
endfunction()
