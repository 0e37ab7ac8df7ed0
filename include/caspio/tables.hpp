#pragma once
/// @file
/// The Tables facade: table design, fields, password fields and records.

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

/// Tables of the account (`/v2/tables`). Get one from Client::tables(); it is a cheap handle that
/// shares the client's transport and token cache. Paths below are written for REST v2; with
/// ClientOptions::api_version v3 the same methods call `/v3/tables/…` with v3's bodies.
///
/// Every method validates its arguments first and throws InvalidArgumentError without sending
/// anything when one is refused (empty name, out-of-range query, empty WHERE on a bulk write, URI
/// longer than 2047 characters). Otherwise it throws what the request produced: AuthError,
/// NotFoundError, ConflictError, RateLimitError, ApiError for error statuses; TransportError or
/// TimeoutError when no answer arrives.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Tables {
 public:
  /// Names of all tables (`GET /v2/tables`). @throws caspio::Error as the class says.
  std::vector<std::string> listing() const;
  /// Creates a table (`POST /v2/tables`, body `{"Name","Columns"}`; v3: `{"Name","Fields"}`).
  /// @throws InvalidArgumentError for an empty name, no columns, or a column without Name/Type.
  /// @throws caspio::Error as the class says.
  void create(const std::string& table, const std::vector<FieldDefinition>& columns) const;
  /// Name and note of a table (`GET /v2/tables/{t}`). @throws caspio::Error as the class says.
  ObjectDescription description(const std::string& table) const;
  /// Field definitions of a table (`GET /v2/tables/{t}/fields`).
  /// @throws caspio::Error as the class says.
  std::vector<FieldDefinition> definition(const std::string& table) const;
  /// Adds a field (`POST /v2/tables/{t}/fields`).
  /// @throws InvalidArgumentError when the field has no Name or Type.
  /// @throws caspio::Error as the class says.
  void add_field(const std::string& table, const FieldDefinition& field) const;
  /// One field's definition (`GET /v2/tables/{t}/fields/{f}`).
  /// @throws caspio::Error as the class says.
  FieldDefinition field_definition(const std::string& table, const std::string& field) const;
  /// Changes a field (`PUT /v2/tables/{t}/fields/{f}` with `New*` keys; v3: the plain keys).
  /// @throws InvalidArgumentError when no change is set. @throws caspio::Error as the class says.
  void update_field_definition(const std::string& table, const std::string& field,
                               const FieldUpdate& changes) const;
  /// Changes a field from a JSON object of `New*` keys, as the seed takes it (v3 also takes the
  /// plain keys, e.g. `{"Label":"x"}`); sent as update_field_definition(FieldUpdate) sends it.
  /// @throws InvalidArgumentError when `changes` is not a non-empty object of known `New*` keys.
  /// @throws caspio::Error as the class says.
  void update_field_definition(const std::string& table, const std::string& field,
                               const nlohmann::json& changes) const;
  /// Deletes a field (`DELETE /v2/tables/{t}/fields/{f}`).
  /// @throws caspio::Error as the class says.
  void delete_field(const std::string& table, const std::string& field) const;
  /// Names of the PASSWORD fields (`GET /v2/tables/{t}/passwordFields`).
  /// @throws caspio::Error as the class says.
  std::vector<std::string> password_fields(const std::string& table) const;
  /// Sets a password value on matching rows (`PUT …/passwordFields/{f}?q.where=`, body
  /// `{"Value":…}`). @throws InvalidArgumentError for an empty WHERE (use Where::all()).
  /// @throws caspio::Error as the class says.
  WriteResult update_password_field_value(const std::string& table, const std::string& field,
                                          const std::string& value, const Where& where) const;
  /// Clears a password value on matching rows (`DELETE …/passwordFields/{f}?q.where=`).
  /// @throws InvalidArgumentError for an empty WHERE (use Where::all()).
  /// @throws caspio::Error as the class says.
  WriteResult delete_password_field_value(const std::string& table, const std::string& field,
                                          const Where& where) const;

  /// One request (`GET /v2/tables/{t}/records`) with exactly the parameters set in `query`;
  /// Caspio's defaults apply (100 rows without paging parameters).
  /// @throws InvalidArgumentError when `query` sets limit together with page_number/page_size.
  /// @throws caspio::Error as the class says.
  std::vector<Row> get_records_paginated(const std::string& table, const Query& query = {}) const;
  /// REST v3: how many rows `query` selects over all pages (`Pagination.TotalCount` of one
  /// request with `q.getPaginationInfo=true` and the smallest page).
  /// @throws InvalidArgumentError, nothing sent, when the client is v2 (no total count in v2), or
  /// `query` sets limit, page_number or page_size. @throws caspio::Error as the class says.
  std::int64_t count_records(const std::string& table, const Query& query = {}) const;
  /// Every matching row, read in pages of 1000 (or query.page_size()) ordered by PK_ID unless
  /// the query orders. With query.limit() set, a single request of at most that many rows.
  /// @throws InvalidArgumentError when query.page_number() is set.
  /// @throws caspio::Error as the class says.
  std::vector<Row> get_records(const std::string& table, const Query& query = {}) const;
  /// The same rows as get_records, fetched lazily one page at a time while iterating.
  /// @throws InvalidArgumentError as get_records (at once); fetch errors surface from begin()
  /// and operator++.
  RecordRange records(const std::string& table, const Query& query = {}) const;
  /// The rows of records() converted to T as they are reached (row_as<T>: the user's
  /// `from_row(const Row&, T&)` or nlohmann `from_json`); one page in memory at a time.
  /// @throws InvalidArgumentError as get_records; fetch errors and caspio::FieldError from
  /// the conversion surface while iterating.
  template <typename T>
  TypedRange<T> records(const std::string& table, const Query& query = {}) const {
    return TypedRange<T>(records(table, query));
  }
  /// Every matching row converted to T (see records<T>); only the T values are kept.
  /// @throws caspio::Error as get_records; caspio::FieldError from the conversion.
  template <typename T>
  std::vector<T> get_records(const std::string& table, const Query& query = {}) const {
    std::vector<T> out;
    for (const Row& row : records(table, query)) out.push_back(row_as<T>(row));
    return out;
  }
  /// Writes every matching row to `path` (PK_ID removed) in `format`, one page in memory at a
  /// time. The file appears only when complete (temporary file in the same directory, flushed,
  /// fsync'ed, renamed); on failure nothing is left behind. Returns the number of rows written.
  /// @throws InvalidArgumentError as get_records, or for an empty path.
  /// @throws caspio::Error as the class says; std::system_error for file-system failures.
  std::size_t get_records_stream_to_file(const std::string& table, const Query& query,
                                         const std::string& path,
                                         StreamFormat format = StreamFormat::json_array) const;
  /// Inserts one row (`POST /v2/tables/{t}/records`, with `response=rows` when asked).
  /// @throws InvalidArgumentError when `values` is not a JSON object or sets PK_ID.
  /// @throws caspio::Error as the class says.
  WriteResult create_record(const std::string& table, const nlohmann::json& values,
                            ReturnRows return_rows = ReturnRows::no) const;
  /// Inserts many rows, one POST each (REST v2 takes one record per POST), with up to
  /// `options.in_flight` requests at once. A throttle answer (429 or Caspio's `api-calls-rate`
  /// 400) slows the whole batch (fewer in flight, waiting `Retry-After` or a backoff) and sends
  /// that row again, since Caspio did not run it; any other failure is that row's outcome. A POST
  /// is never repeated once it may have reached Caspio, so no row is created twice. Returns one
  /// outcome per input row, in input order; never throws for a row's failure.
  /// @throws InvalidArgumentError for an empty table name (nothing is sent).
  std::vector<RecordOutcome> create_records(const std::string& table,
                                            const std::vector<nlohmann::json>& rows,
                                            const CreateRecordsOptions& options = {}) const;
  /// create_records of rows read earlier or built with Row::from_json (each sent as its JSON
  /// object; a PK_ID field is refused for that row as it would be in JSON: use Row::without).
  std::vector<RecordOutcome> create_records(const std::string& table, const std::vector<Row>& rows,
                                            const CreateRecordsOptions& options = {}) const;
  /// Updates matching rows (`PUT /v2/tables/{t}/records?q.where=`).
  /// @throws InvalidArgumentError for an empty WHERE (use Where::all()), or `values` that is not
  /// a non-empty JSON object or sets PK_ID. @throws caspio::Error as the class says.
  WriteResult update_records(const std::string& table, const Where& where,
                             const nlohmann::json& values,
                             ReturnRows return_rows = ReturnRows::no) const;
  /// Deletes matching rows (`DELETE /v2/tables/{t}/records?q.where=`).
  /// @throws InvalidArgumentError for an empty WHERE (use Where::all()).
  /// @throws caspio::Error as the class says.
  WriteResult delete_records(const std::string& table, const Where& where) const;

 private:
  friend class Client;
  explicit Tables(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
