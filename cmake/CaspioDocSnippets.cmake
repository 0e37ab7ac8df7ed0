# caspio_doc_snippets(<prefix> <markdown file>): turns every ```cpp block of a Markdown file into
# something the build checks, so the docs cannot drift from the API:
#   - a block that defines `int main(` is a whole program: executable <prefix>_L<line>, run by a
#     test of the same name against a caspio-mock started for it (examples/with_mock.sh);
#   - any other block is a fragment of statements: its #include lines move to the top and the rest
#     becomes the body of a function, all fragments of the file in one executable <prefix>_fragments
#     that is compiled and linked (not run).
# `#line` directives make compiler errors point at the Markdown file and line.
# Sets <prefix>_TARGETS in the caller's scope.
function(caspio_doc_snippets prefix markdown)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${markdown}")
  file(READ "${markdown}" rest)
  file(RELATIVE_PATH shown "${PROJECT_SOURCE_DIR}" "${markdown}")
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/snippets")
  set(line 1)
  set(targets "")
  set(fragment_includes "")
  set(fragment_bodies "")
  set(fence "```cpp\n")
  while(TRUE)
    string(FIND "${rest}" "${fence}" start)
    if(start EQUAL -1)
      break()
    endif()
    string(SUBSTRING "${rest}" 0 ${start} before)
    _caspio_count_lines(before_lines "${before}")
    math(EXPR line "${line} + ${before_lines} + 1")  # first line of code
    string(LENGTH "${fence}" fence_length)
    math(EXPR code_start "${start} + ${fence_length}")
    string(SUBSTRING "${rest}" ${code_start} -1 rest)
    string(FIND "${rest}" "```" stop)
    if(stop EQUAL -1)
      message(FATAL_ERROR "${shown}:${line}: unterminated ```cpp block")
    endif()
    string(SUBSTRING "${rest}" 0 ${stop} code)
    string(SUBSTRING "${rest}" ${stop} -1 rest)
    _caspio_count_lines(code_lines "${code}")

    if(code MATCHES "int main\\(")
      set(name "${prefix}_L${line}")
      _caspio_write_if_changed("${out_dir}/${name}.cpp" "#line ${line} \"${shown}\"\n${code}")
      add_executable(${name} "${out_dir}/${name}.cpp")
      _caspio_doc_link(${name})
      add_test(NAME ${name} COMMAND "${PROJECT_SOURCE_DIR}/examples/with_mock.sh"
        "$<TARGET_FILE:caspio_mock_exe>" "$<TARGET_FILE:${name}>")
      set_tests_properties(${name} PROPERTIES TIMEOUT 120 LABELS docs)
      list(APPEND targets ${name})
    else()
      # Keep the line count: an #include becomes an empty line in the body.
      string(REGEX MATCHALL "#include[^\n]*" includes "${code}")
      foreach(include IN LISTS includes)
        string(APPEND fragment_includes "${include}\n")
      endforeach()
      string(REGEX REPLACE "#include[^\n]*" "" body "${code}")
      string(APPEND fragment_bodies "[[maybe_unused]] void snippet_L${line}() {\n#line ${line} \"${shown}\"\n${body}}\n\n")
    endif()
    math(EXPR line "${line} + ${code_lines}")
  endwhile()

  if(NOT fragment_bodies STREQUAL "")
    set(name "${prefix}_fragments")
    _caspio_write_if_changed("${out_dir}/${name}.cpp"
      "// Generated from ${shown}: every fragment, compiled and linked, never run.\n${fragment_includes}\nnamespace caspio_doc {\n\n${fragment_bodies}}  // namespace caspio_doc\n\nint main() { return 0; }\n")
    add_executable(${name} "${out_dir}/${name}.cpp")
    _caspio_doc_link(${name})
    list(APPEND targets ${name})
  endif()
  set(${prefix}_TARGETS ${targets} PARENT_SCOPE)
endfunction()

# Rewrites `file` only when its content changes, so an unchanged snippet is not recompiled.
function(_caspio_write_if_changed file content)
  if(EXISTS "${file}")
    file(READ "${file}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${file}" "${content}")
endfunction()

function(_caspio_count_lines out text)
  string(REGEX MATCHALL "\n" newlines "${text}")
  list(LENGTH newlines count)
  set(${out} ${count} PARENT_SCOPE)
endfunction()

function(_caspio_doc_link target)
  target_link_libraries(${target} PRIVATE caspio::caspio caspio_mock GTest::gtest GTest::gmock Threads::Threads)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin/docs")
  caspio_set_warnings(${target})
endfunction()
