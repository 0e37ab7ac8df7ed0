#pragma once
/// @file
/// Results of record writes.

#include <cstdint>
#include <vector>

#include "caspio/export.hpp"
#include "caspio/row.hpp"

namespace caspio {

/// Whether a write returns the rows it wrote (`response=rows`).
enum class ReturnRows {
  no,   ///< Only the status and the count.
  yes,  ///< Also the written rows (sends `response=rows`).
};

/// What a record write did.
struct CASPIO_EXPORT WriteResult {
  int status = 0;                     ///< HTTP status (201 for a create, 200 otherwise).
  std::int64_t records_affected = 0;  ///< `RecordsAffected` (1 for a successful create).
  /// Rows written, when ReturnRows::yes was asked for; may be empty (e.g. a row created through a
  /// view that falls outside the view's filter).
  std::vector<Row> rows;
};

/// How get_records_stream_to_file writes rows (PK_ID is always removed).
enum class StreamFormat {
  json_array,  ///< The seed's format: one JSON array `[{…},{…}]` and a newline.
  ndjson,      ///< One JSON object per line.
  csv,         ///< RFC 4180 CSV with a header row from the first record's keys.
};

}  // namespace caspio
