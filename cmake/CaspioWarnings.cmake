# caspio_set_warnings(<target>): the project's warning flags, as errors when CASPIO_WERROR is on.
function(caspio_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CASPIO_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# caspio_precompile(<target> <header>...): precompiles the target's heaviest headers (CLI11,
# nlohmann/json, httplib, GoogleTest: seconds of parsing in every source file that includes them)
# when CASPIO_PRECOMPILE_HEADERS is on. Only for targets whose every source may see them.
function(caspio_precompile target)
  if(CASPIO_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
