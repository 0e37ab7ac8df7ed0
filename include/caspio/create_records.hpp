#pragma once
/// @file
/// Options and per-row outcomes of Tables::create_records and Views::create_records.

#include <exception>

#include "caspio/write_result.hpp"

namespace caspio {

/// How create_records sends its rows.
struct CreateRecordsOptions {
  /// Most POSTs in flight at once (1..64; values outside are clamped). A throttle answer (429 or
  /// Caspio's `api-calls-rate` 400) halves it for the rest of the batch.
  int in_flight = 8;
  /// Whether each POST asks for the created row (`response=rows`).
  ReturnRows return_rows = ReturnRows::no;
};

/// What happened to one input row of create_records.
struct RecordOutcome {
  /// The write's result when it succeeded (status 201, records_affected 1, rows when asked).
  WriteResult result;
  /// The typed caspio::Error the row failed with (InvalidArgumentError, ApiError, TransportError,
  /// …); null on success. Rethrow it with `std::rethrow_exception(outcome.error)`.
  std::exception_ptr error;
  /// True when the row was created.
  bool ok() const noexcept { return error == nullptr; }
};

}  // namespace caspio
