#pragma once
// Records operations shared by the Tables and Views facades.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/query.hpp"
#include "caspio/record_range.hpp"
#include "caspio/where.hpp"
#include "caspio/write_result.hpp"
#include "detail/client_state.hpp"
#include "detail/url.hpp"

namespace caspio {
namespace detail {

/// Page size of fetch-all reads (Caspio's maximum).
constexpr int kDefaultPageSize = 1000;

/// Where records live: `collection` is "tables" or "views".
struct RecordSource {
  std::string collection;
  std::string name;
};

/// Throws InvalidArgumentError when `value` is empty.
void require_name(const std::string& value, const char* what);
/// Throws InvalidArgumentError unless `where` is non-empty (Where::all() allowed).
void require_bulk_where(const Where& where, const char* operation);
/// Throws InvalidArgumentError unless `values` is a JSON object without PK_ID (and non-empty
/// when `non_empty`).
void require_record_values(const nlohmann::json& values, bool non_empty);
/// `json.dump()`; invalid UTF-8 → InvalidArgumentError.
std::string dump_body(const nlohmann::json& json);

/// The set q.* parameters of `query`, in Caspio's documented order.
QueryParams query_params(const Query& query);
/// `q.orderBy` for fetch-all reads: the query's order, else its groupBy, else PK_ID.
std::string stable_order(const Query& query);

/// Parses a 2xx answer body as JSON; throws ApiError when it is not JSON.
nlohmann::json parse_answer(const HttpResponse& response, HttpMethod method,
                            const std::string& url);
/// `Result` of an answer as an array of JSON objects; throws ApiError when missing.
std::vector<nlohmann::json> result_array(const nlohmann::json& body, HttpMethod method,
                                         const std::string& url, int status);

/// One GET with exactly the query's parameters.
std::vector<nlohmann::json> get_records_paginated(const ClientState& state,
                                                  const RecordSource& source, const Query& query);
/// The lazy fetch-all range (validates at once).
RecordRange records(const std::shared_ptr<const ClientState>& state, const RecordSource& source,
                    const Query& query);
/// Every row of the fetch-all range.
std::vector<nlohmann::json> get_records(const std::shared_ptr<const ClientState>& state,
                                        const RecordSource& source, const Query& query);
/// Streams the fetch-all range to `path` atomically.
std::size_t stream_to_file(const std::shared_ptr<const ClientState>& state,
                           const RecordSource& source, const Query& query, const std::string& path,
                           StreamFormat format);

/// POST …/records.
WriteResult create_record(const ClientState& state, const RecordSource& source,
                          const nlohmann::json& values, ReturnRows return_rows);
/// PUT …/records?q.where=.
WriteResult update_records(const ClientState& state, const RecordSource& source, const Where& where,
                           const nlohmann::json& values, ReturnRows return_rows);
/// DELETE …/records?q.where=.
WriteResult delete_records(const ClientState& state, const RecordSource& source,
                           const Where& where);
/// `RecordsAffected` of a write answer (0 when absent).
std::int64_t records_affected(const nlohmann::json& body);

/// Writes the rows of `range` to `path` in `format` (PK_ID removed) through a temporary file in
/// the same directory that is flushed, fsync'ed and renamed only when complete.
std::size_t write_records_file(RecordRange& range, const std::string& path, StreamFormat format);

}  // namespace detail
}  // namespace caspio
