# Install rules and the CMake package: find_package(caspio CONFIG) gives caspio::caspio (the SDK)
# and, when the emulator was built, caspio::mock; it works from an install and from the build tree.
include(CMakePackageConfigHelpers)

set(CASPIO_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/caspio")

if(TARGET caspio)
  set_target_properties(caspio PROPERTIES EXPORT_NAME caspio)
  install(TARGETS caspio EXPORT caspioTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/caspio" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    PATTERN "mock" EXCLUDE)
  install(EXPORT caspioTargets NAMESPACE caspio:: DESTINATION ${CASPIO_CMAKE_DIR})
  export(EXPORT caspioTargets NAMESPACE caspio:: FILE "${PROJECT_BINARY_DIR}/caspioTargets.cmake")

  configure_file("${PROJECT_SOURCE_DIR}/cmake/caspio.pc.in" "${PROJECT_BINARY_DIR}/caspio.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/caspio.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
endif()

if(TARGET caspio_mock AND CASPIO_BUILD_MOCK)
  set_target_properties(caspio_mock PROPERTIES EXPORT_NAME mock)
  install(TARGETS caspio_mock EXPORT caspioMockTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(TARGETS caspio_mock_exe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/caspio/mock"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/caspio")
  install(EXPORT caspioMockTargets NAMESPACE caspio:: DESTINATION ${CASPIO_CMAKE_DIR})
  export(EXPORT caspioMockTargets NAMESPACE caspio:: FILE "${PROJECT_BINARY_DIR}/caspioMockTargets.cmake")
endif()

# The caspio command-line tool.
if(TARGET caspio_cli)
  install(TARGETS caspio_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/caspioConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/caspioConfig.cmake" INSTALL_DESTINATION ${CASPIO_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/caspioConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/caspioConfig.cmake" "${PROJECT_BINARY_DIR}/caspioConfigVersion.cmake"
  DESTINATION ${CASPIO_CMAKE_DIR})
