# Install rules and the packages: find_package(caspio CONFIG) gives caspio::caspio (the SDK) and,
# with COMPONENTS mock when the emulator was built, caspio::mock; it works from an install and
# from the build tree. pkg-config: caspio.pc.
include(CMakePackageConfigHelpers)

set(CASPIO_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/caspio")

install(TARGETS caspio EXPORT caspioTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/caspio" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  PATTERN "mock" EXCLUDE)
install(FILES "${PROJECT_BINARY_DIR}/include/caspio/version.hpp" "${PROJECT_BINARY_DIR}/include/caspio/export.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/caspio")
install(EXPORT caspioTargets NAMESPACE caspio:: DESTINATION ${CASPIO_CMAKE_DIR})
export(EXPORT caspioTargets NAMESPACE caspio:: FILE "${PROJECT_BINARY_DIR}/caspioTargets.cmake")

# pkg-config: a shared library needs only its public dependency at the consumer's link; a static
# one needs its private dependencies too, so they become public (the consumer links them shared).
if(BUILD_SHARED_LIBS)
  set(CASPIO_PACKAGE_SHARED ON)
  set(CASPIO_PC_REQUIRES "nlohmann_json")
  set(CASPIO_PC_REQUIRES_PRIVATE "libcurl fmt simdjson")
  set(CASPIO_PC_LIBS_PRIVATE "")
else()
  set(CASPIO_PACKAGE_SHARED OFF)
  set(CASPIO_PC_REQUIRES "nlohmann_json libcurl fmt simdjson")
  set(CASPIO_PC_REQUIRES_PRIVATE "")
  set(CASPIO_PC_LIBS_PRIVATE "-pthread")
endif()
# Relocatable: the prefix is found from the .pc file's own directory.
file(RELATIVE_PATH CASPIO_PC_RELATIVE_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/templates/caspio.pc.in" "${PROJECT_BINARY_DIR}/caspio.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/caspio.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

set(CASPIO_HAS_MOCK OFF)
if(CASPIO_BUILD_MOCK)
  set(CASPIO_HAS_MOCK ON)
  set_target_properties(caspio_mock PROPERTIES EXPORT_NAME mock)
  install(TARGETS caspio_mock EXPORT caspioMockTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(TARGETS caspio_mock_exe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/caspio/mock"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/caspio")
  install(EXPORT caspioMockTargets NAMESPACE caspio:: DESTINATION ${CASPIO_CMAKE_DIR})
  export(EXPORT caspioMockTargets NAMESPACE caspio:: FILE "${PROJECT_BINARY_DIR}/caspioMockTargets.cmake")
endif()

# The caspio command-line tool.
if(CASPIO_BUILD_CLI)
  install(TARGETS caspio_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(TARGET caspio_cli_docs)
    install(FILES "${PROJECT_BINARY_DIR}/share/man/man1/caspio.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
    install(FILES "${PROJECT_BINARY_DIR}/share/bash-completion/completions/caspio"
      DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
    install(FILES "${PROJECT_BINARY_DIR}/share/zsh/site-functions/_caspio"
      DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/site-functions")
  endif()
endif()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/templates/caspioConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/caspioConfig.cmake" INSTALL_DESTINATION ${CASPIO_CMAKE_DIR})
# 0.x: while the major version is 0, a minor release may break the API (CHANGELOG.md), so a
# consumer asking for 0.1 accepts 0.1.z only (SameMinorVersion); from 1.0 on, any 1.y with y at
# least the one asked for (SameMajorVersion).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(CASPIO_VERSION_COMPATIBILITY SameMinorVersion)
else()
  set(CASPIO_VERSION_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/caspioConfigVersion.cmake"
  COMPATIBILITY ${CASPIO_VERSION_COMPATIBILITY})
install(FILES "${PROJECT_BINARY_DIR}/caspioConfig.cmake" "${PROJECT_BINARY_DIR}/caspioConfigVersion.cmake"
  DESTINATION ${CASPIO_CMAKE_DIR})
