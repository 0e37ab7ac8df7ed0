#pragma once
// The SQL dialect of a table's database: T-SQL names for SQLite built-ins that q.* fragments use.

#include <sqlite3.h>

namespace caspio {
namespace mock {
namespace detail {

/// Registers LEN, GETDATE, GETUTCDATE and SYSDATETIME on `db`.
void install_tsql_functions(sqlite3* db);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
