#pragma once
// Safety for the SQL fragments clients send (q.select, q.where, q.groupBy, q.orderBy): each must be
// one self-contained piece of one SELECT, and the statement built from them may only read the
// current table.

#include <set>
#include <string>

#include "call.hpp"
#include "sql_db.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// What a read statement may touch: columns of one table, never its password columns.
struct ReadScope {
  std::string table;
  /// Lower-case names of the readable columns (PK_ID included).
  std::set<std::string> readable;
  /// Lower-case names of password columns (reading them is an error of its own).
  std::set<std::string> passwords;
};

/// Refuses a fragment that is not self-contained: ';', unbalanced parentheses, unterminated quotes
/// or comments, parameters. Throws ApiError 400 SqlServerError.
void check_fragment(const std::string& fragment);

/// Prepares `sql` (a SELECT built around checked fragments) with an authorizer that allows only
/// SELECT, reads of `scope`'s columns and function calls. `select_status` is the status used for
/// an unknown column (500 when checking q.select alone, as Caspio answers). Throws ApiError.
Stmt prepare_read(sqlite3* db, const std::string& sql, const ReadScope& scope,
                  int unknown_column_status = 400);

/// Caspio's answer for a failed statement: 500 SqlServerError "Execution Timeout Expired" when
/// it was interrupted (time limit or shutdown), 400 SqlServerError when it built a value over the
/// limit or ran out of memory, else translate_sql_error().
ApiError sql_failure(const SqlError& error);

/// Caspio's SqlServerError for a SQLite message (e.g. "no such column: X" → "Invalid column name
/// 'X'."), with `status`.
ApiError translate_sql_error(const std::string& sqlite_message, int status = 400);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
