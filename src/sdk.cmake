# The SDK library: target `caspio`, alias caspio::caspio.
set(CASPIO_SDK_SOURCES
  "${CMAKE_CURRENT_LIST_DIR}/answer.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/app_info.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/apps.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/atomic_file.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/client.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/client/from_environment.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/curl_transport.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/definitions.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/error.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/file_download.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/file_info.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/file_upload.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/files.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/http_transport.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/multipart.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/name_lookup.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/query.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/record_range.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/records.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/records_file.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/retry.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/tables.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/task_info.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/tasks.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/token_provider.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/url.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/utils.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/views.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/where.cpp")

include(CaspioLibrary)
caspio_add_sdk_library(SOURCES ${CASPIO_SDK_SOURCES})
