#pragma once
// Records operations shared by the Tables and Views facades.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/create_records.hpp"
#include "caspio/query.hpp"
#include "caspio/record_range.hpp"
#include "caspio/where.hpp"
#include "caspio/write_result.hpp"
#include "client/client_state.hpp"

namespace caspio {
namespace detail {

/// Where records live: `collection` is "tables" or "views".
struct RecordSource {
  std::string collection;
  std::string name;
};

/// `{collection, name, "records"}`.
inline std::vector<std::string> records_path(const RecordSource& source) {
  return {source.collection, source.name, "records"};
}

/// One GET with exactly the query's parameters.
std::vector<Row> get_records_paginated(const ClientState& state, const RecordSource& source,
                                       const Query& query);
/// v3: the number of rows `query` selects (`q.getPaginationInfo=true`, `Pagination.TotalCount`,
/// from a one-page request). InvalidArgumentError, nothing sent, on v2 or with limit/paging set.
std::int64_t count_records(const ClientState& state, const RecordSource& source,
                           const Query& query);
/// The lazy fetch-all range (validates at once).
RecordRange records(const std::shared_ptr<const ClientState>& state, const RecordSource& source,
                    const Query& query);
/// Every row of the fetch-all range.
std::vector<Row> get_records(const std::shared_ptr<const ClientState>& state,
                             const RecordSource& source, const Query& query);
/// Streams the fetch-all range to `path` atomically.
std::size_t stream_to_file(const std::shared_ptr<const ClientState>& state,
                           const RecordSource& source, const Query& query, const std::string& path,
                           StreamFormat format);

/// POST …/records (checked values), the decided answer.
Answer post_record(const ClientState& state, const RecordSource& source,
                   const nlohmann::json& values, ReturnRows return_rows);
/// POST …/records.
WriteResult create_record(const ClientState& state, const RecordSource& source,
                          const nlohmann::json& values, ReturnRows return_rows);
/// PUT …/records?q.where=.
WriteResult update_records(const ClientState& state, const RecordSource& source, const Where& where,
                           const nlohmann::json& values, ReturnRows return_rows);
/// DELETE …/records?q.where=.
WriteResult delete_records(const ClientState& state, const RecordSource& source,
                           const Where& where);

/// Inserts many rows, up to options.in_flight at once, one outcome per row in input order.
std::vector<RecordOutcome> create_records(const ClientState& state, const RecordSource& source,
                                          const std::vector<nlohmann::json>& rows,
                                          const CreateRecordsOptions& options);
/// The same for rows (each sent as its JSON object).
std::vector<RecordOutcome> create_records(const ClientState& state, const RecordSource& source,
                                          const std::vector<Row>& rows,
                                          const CreateRecordsOptions& options);

}  // namespace detail
}  // namespace caspio
