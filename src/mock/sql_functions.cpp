#include "sql_functions.hpp"

#include <string>

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

// LEN(s): characters without trailing blanks, as SQL Server counts them.
void tsql_len(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  std::string s(reinterpret_cast<const char*>(sqlite3_value_text(argv[0])));
  while (!s.empty() && s.back() == ' ') s.pop_back();
  sqlite3_int64 n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  sqlite3_result_int64(ctx, n);
}

void tsql_now(sqlite3_context* ctx, int, sqlite3_value**) {
  auto now = iso_now();
  sqlite3_result_text(ctx, now.c_str(), static_cast<int>(now.size()), SQLITE_TRANSIENT);
}

}  // namespace

void install_tsql_functions(sqlite3* db) {
  sqlite3_create_function(db, "len", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, tsql_len,
                          nullptr, nullptr);
  for (const char* name : {"getdate", "getutcdate", "sysdatetime"}) {
    sqlite3_create_function(db, name, 0, SQLITE_UTF8, nullptr, tsql_now, nullptr, nullptr);
  }
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
}

StatementBudget::StatementBudget(sqlite3* db, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>* stopping)
    : db_(db), deadline_(std::chrono::steady_clock::now() + timeout), stopping_(stopping) {
  sqlite3_progress_handler(db_, 1000, &StatementBudget::check, this);
}

StatementBudget::~StatementBudget() {
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

int StatementBudget::check(void* self) {
  const auto* budget = static_cast<const StatementBudget*>(self);
  if (budget->stopping_ != nullptr && budget->stopping_->load(std::memory_order_relaxed)) return 1;
  return std::chrono::steady_clock::now() >= budget->deadline_ ? 1 : 0;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
