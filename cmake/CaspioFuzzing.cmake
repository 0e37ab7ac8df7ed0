# CASPIO_BUILD_FUZZ: every target of the build gets libFuzzer's coverage instrumentation plus
# AddressSanitizer and UndefinedBehaviorSanitizer, so that the fuzz targets under fuzz/ see into the
# SDK and the emulator. Only clang has libFuzzer (Debian: clang and libclang-rt-14-dev).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "CASPIO_BUILD_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(NOT CASPIO_BUILD_MOCK)
  message(FATAL_ERROR "CASPIO_BUILD_FUZZ needs the emulator: turn on CASPIO_BUILD_MOCK too")
endif()
set(CASPIO_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
add_compile_options(-fsanitize=fuzzer-no-link ${CASPIO_SANITIZE_FLAGS})
add_link_options(${CASPIO_SANITIZE_FLAGS})
