#pragma once
// Thin RAII wrappers over the SQLite C API: one connection, prepared statements, transactions.

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>

namespace caspio {
namespace mock {
namespace detail {

/// A value bound to or read from SQLite: NULL, integer, real or text.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// A failed SQLite call; what() is SQLite's own message.
class SqlError : public std::runtime_error {
 public:
  SqlError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The primary SQLite result code (SQLITE_CONSTRAINT, SQLITE_ERROR, ...).
  int code() const { return code_ & 0xff; }
  /// The extended result code.
  int extended_code() const { return code_; }

 private:
  int code_;
};

/// One prepared statement. Move-only.
class Stmt {
 public:
  Stmt() = default;
  /// Prepares exactly one statement; throws SqlError on failure or when text follows it.
  Stmt(sqlite3* db, const std::string& sql);
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  sqlite3_stmt* get() const { return stmt_; }
  void bind(int index, const SqlValue& value);
  void bind_int(int index, std::int64_t value);
  void bind_text(int index, const std::string& value);
  /// Index of a named parameter, 0 when absent.
  int param_index(const char* name) const;
  /// Runs one step: true when a row is ready, false when done. Throws SqlError.
  bool step();
  /// Resets the statement and clears its bindings for the next run.
  void reset();

  int column_count() const { return sqlite3_column_count(stmt_); }
  std::int64_t column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
  bool column_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::string column_text(int i) const;
  SqlValue column_value(int i) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

/// An in-memory SQLite database.
class Db {
 public:
  Db();
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* get() const { return db_; }
  /// Runs trusted SQL (one or more statements, no results).
  void exec(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
};

/// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

/// `"name"` with embedded quotes doubled.
std::string quote_ident(const std::string& name);
/// `'text'` with embedded quotes doubled.
std::string quote_literal(const std::string& text);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
