#pragma once
/// @file
/// Reading records of a table or a view: the query options, the column order, the row count.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <caspio/caspio.hpp>

namespace caspio_cli {

/// Tables and views both serve records.
enum class SourceKind {
  table,  ///< `/v2/tables/{name}`.
  view,   ///< `/v2/views/{name}`.
};

/// The `--select`, `--where`, `--order-by` (and `--limit`) options of a read.
struct QueryOptions {
  std::string select;    ///< q.select, e.g. "First_Name, Email".
  std::string where;     ///< q.where, sent as written.
  std::string order_by;  ///< q.orderBy.
  int limit = 0;         ///< Rows at most; 0 = all.
};

/// Adds --select, --where, --order-by (and --limit when `with_limit`) to `command`.
void add_query_options(CLI::App* command, QueryOptions& q, bool with_limit);

/// The SDK query for `q` (limit is applied while iterating, not sent).
caspio::Query to_query(const QueryOptions& q);

/// The lazy range over the records of `name`.
caspio::RecordRange open_records(const caspio::Client& client, SourceKind kind,
                                 const std::string& name, const caspio::Query& query);

/// The column order for the output: the `--select` names, else the table's field order (one
/// `GET …/fields`), else nothing (views: the records' own key order, alphabetical).
std::vector<std::string> preferred_columns(const caspio::Client& client, SourceKind kind,
                                           const std::string& name, const QueryOptions& q);

/// How many records the read matches (`q.select=COUNT(*)`), or nothing when Caspio refuses.
std::optional<std::uint64_t> count_records(const caspio::Client& client, SourceKind kind,
                                           const std::string& name, const QueryOptions& q);

/// Whether `name` is a table or a view (lists tables, then views).
/// @throws caspio::NotFoundError when it is neither.
SourceKind resolve_kind(const caspio::Client& client, const std::string& name);

}  // namespace caspio_cli
