#pragma once
// The SQL dialect and the limits of a table's database: T-SQL names for SQLite built-ins that q.*
// fragments use, the longest value a statement may build, and the time one call may run.

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace caspio {
namespace mock {
namespace detail {

/// The longest string or blob a statement may build (SQLITE_LIMIT_LENGTH): larger values, such as
/// zeroblob(900000000), a huge printf width or nested replace() bombs, fail instead of allocating.
constexpr int kMaxValueBytes = 8 * 1024 * 1024;

/// Registers LEN, GETDATE, GETUTCDATE and SYSDATETIME on `db` and applies the value limit.
void install_tsql_functions(sqlite3* db);

/// While alive, every statement run on `db` is interrupted (SQLITE_INTERRUPT) once `timeout` has
/// passed since construction or as soon as `*stopping` turns true.
class StatementBudget {
 public:
  StatementBudget(sqlite3* db, std::chrono::milliseconds timeout,
                  const std::atomic<bool>* stopping);
  ~StatementBudget();
  StatementBudget(const StatementBudget&) = delete;
  StatementBudget& operator=(const StatementBudget&) = delete;

 private:
  static int check(void* self);

  sqlite3* db_;
  std::chrono::steady_clock::time_point deadline_;
  const std::atomic<bool>* stopping_;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
