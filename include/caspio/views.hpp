#pragma once
/// @file
/// The Views facade: view descriptions and records.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/create_records.hpp"
#include "caspio/definitions.hpp"
#include "caspio/export.hpp"
#include "caspio/query.hpp"
#include "caspio/record_range.hpp"
#include "caspio/row.hpp"
#include "caspio/row_mapping.hpp"
#include "caspio/typed_range.hpp"
#include "caspio/where.hpp"
#include "caspio/write_result.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// Views of the account (`/v2/views`). Get one from Client::views(); it is a cheap handle that
/// shares the client's transport and token cache. Writes through a view change its underlying
/// table (Caspio allows them only on single-table or editable views). Paths below are written
/// for REST v2; with ClientOptions::api_version v3 the same methods call `/v3/views/…`.
///
/// Every method validates its arguments first and throws InvalidArgumentError without sending
/// anything when one is refused. Otherwise it throws what the request produced: AuthError,
/// NotFoundError, ConflictError, RateLimitError, ApiError for error statuses; TransportError or
/// TimeoutError when no answer arrives.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Views {
 public:
  /// Names of all views (`GET /v2/views`). @throws caspio::Error as the class says.
  std::vector<std::string> listing() const;
  /// Name and note of a view (`GET /v2/views/{v}`). @throws caspio::Error as the class says.
  ObjectDescription description(const std::string& view) const;
  /// REST v3: field definitions of a view (`GET /v3/views/{v}/fields`), each with its
  /// `TableFieldName` and `Editable`.
  /// @throws InvalidArgumentError, nothing sent, when the client is v2 (v2 has no view fields).
  /// @throws caspio::Error as the class says.
  std::vector<FieldDefinition> definition(const std::string& view) const;
  /// REST v3: one field of a view (`GET /v3/views/{v}/fields/{f}`).
  /// @throws InvalidArgumentError, nothing sent, when the client is v2 or a name is empty.
  /// @throws caspio::Error as the class says.
  FieldDefinition field_definition(const std::string& view, const std::string& field) const;
  /// REST v3: how many rows `query` selects through the view over all pages (see
  /// Tables::count_records). @throws InvalidArgumentError, nothing sent, when the client is v2 or
  /// `query` sets limit, page_number or page_size. @throws caspio::Error as the class says.
  std::int64_t count_records(const std::string& view, const Query& query = {}) const;
  /// One request (`GET /v2/views/{v}/records`) with exactly the parameters set in `query`.
  /// @throws InvalidArgumentError when `query` sets limit together with paging parameters.
  /// @throws caspio::Error as the class says.
  std::vector<Row> get_records_paginated(const std::string& view, const Query& query = {}) const;
  /// Every matching row, read in pages of 1000 ordered by PK_ID unless the query orders.
  /// @throws InvalidArgumentError when query.page_number() is set.
  /// @throws caspio::Error as the class says.
  std::vector<Row> get_records(const std::string& view, const Query& query = {}) const;
  /// The same rows as get_records, fetched lazily one page at a time while iterating.
  /// @throws InvalidArgumentError as get_records (at once); fetch errors surface while iterating.
  RecordRange records(const std::string& view, const Query& query = {}) const;
  /// The rows of records() converted to T as they are reached (row_as<T>: the user's
  /// `from_row(const Row&, T&)` or nlohmann `from_json`); one page in memory at a time.
  /// @throws InvalidArgumentError as get_records; fetch errors and caspio::FieldError from
  /// the conversion surface while iterating.
  template <typename T>
  TypedRange<T> records(const std::string& view, const Query& query = {}) const {
    return TypedRange<T>(records(view, query));
  }
  /// Every matching row converted to T (see records<T>); only the T values are kept.
  /// @throws caspio::Error as get_records; caspio::FieldError from the conversion.
  template <typename T>
  std::vector<T> get_records(const std::string& view, const Query& query = {}) const {
    std::vector<T> out;
    for (const Row& row : records(view, query)) out.push_back(row_as<T>(row));
    return out;
  }
  /// Writes every matching row to `path` (PK_ID removed) in `format`; the file appears only when
  /// complete. Returns the number of rows written.
  /// @throws InvalidArgumentError as get_records, or for an empty path.
  /// @throws caspio::Error as the class says; std::system_error for file-system failures.
  std::size_t get_records_stream_to_file(const std::string& view, const Query& query,
                                         const std::string& path,
                                         StreamFormat format = StreamFormat::json_array) const;
  /// Inserts one row through the view (`POST /v2/views/{v}/records`).
  /// @throws InvalidArgumentError when `values` is not a JSON object or sets PK_ID.
  /// @throws caspio::Error as the class says.
  WriteResult create_record(const std::string& view, const nlohmann::json& values,
                            ReturnRows return_rows = ReturnRows::no) const;
  /// Inserts many rows, one POST each (REST v2 takes one record per POST), with up to
  /// `options.in_flight` requests at once. A throttle answer (429 or Caspio's `api-calls-rate`
  /// 400) slows the whole batch (fewer in flight, waiting `Retry-After` or a backoff) and sends
  /// that row again, since Caspio did not run it; any other failure is that row's outcome. A POST
  /// is never repeated once it may have reached Caspio, so no row is created twice. Returns one
  /// outcome per input row, in input order; never throws for a row's failure.
  /// @throws InvalidArgumentError for an empty view name (nothing is sent).
  std::vector<RecordOutcome> create_records(const std::string& view,
                                            const std::vector<nlohmann::json>& rows,
                                            const CreateRecordsOptions& options = {}) const;
  /// create_records of rows read earlier or built with Row::from_json (each sent as its JSON
  /// object; a PK_ID field is refused for that row as it would be in JSON: use Row::without).
  std::vector<RecordOutcome> create_records(const std::string& view, const std::vector<Row>& rows,
                                            const CreateRecordsOptions& options = {}) const;
  /// Updates matching rows (`PUT /v2/views/{v}/records?q.where=`).
  /// @throws InvalidArgumentError for an empty WHERE (use Where::all()) or bad `values`.
  /// @throws caspio::Error as the class says.
  WriteResult update_records(const std::string& view, const Where& where,
                             const nlohmann::json& values,
                             ReturnRows return_rows = ReturnRows::no) const;
  /// Deletes matching rows (`DELETE /v2/views/{v}/records?q.where=`).
  /// @throws InvalidArgumentError for an empty WHERE (use Where::all()).
  /// @throws caspio::Error as the class says.
  WriteResult delete_records(const std::string& view, const Where& where) const;

 private:
  friend class Client;
  explicit Views(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
