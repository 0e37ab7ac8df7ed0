#pragma once
// The catalog of the emulated account's tables and views: each table with its definition and its
// own SQLite database, each view over one table, and name lookups (case-insensitive). Not
// thread-safe: TableStore holds the locks.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "page_index.hpp"
#include "sql_db.hpp"
#include "sql_guard.hpp"
#include "table_schema.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// A table or a view, by name (case-insensitive).
struct Target {
  bool view = false;
  std::string name;
};

/// One table: its definition, the in-memory database that holds its rows, and its generator of
/// random values.
struct Table {
  explicit Table(TableDef definition);
  /// The next value of a generated field (AUTONUMBER, PREFIXED AUTONUMBER, GUID, RANDOM ID);
  /// NULL for other types.
  SqlValue generate(FieldDef& field);

  TableDef def;
  Db db;
  std::mt19937_64 rng;
  /// Guards the rows (and the counters of `def`); the definition itself changes only under the
  /// store's exclusive catalog lock.
  std::mutex mutex;
  /// Page boundaries of default-order reads (under `mutex`).
  PageIndex pages;

  /// The prepared statement of `sql` on `db`, kept for the next call with the same text (an
  /// insert of the same fields: preparing it was a tenth of a record POST's CPU). Under `mutex`;
  /// the caller resets it after use. At most 32 are kept.
  Stmt& statement(const std::string& sql);

 private:
  std::map<std::string, Stmt> statements_;
};

/// What a records call works on: a table, or a view over one, and what it may read.
struct Source {
  Table* table = nullptr;
  const ViewDef* view = nullptr;
  /// Non-password fields in output order.
  std::vector<const FieldDef*> visible;
  ReadScope scope;
  /// The view's filter ("1" for a table).
  std::string condition = "1";

  /// True when the field belongs to this table or view.
  bool knows(const FieldDef& field) const;
  /// Name of the table or view.
  std::string name() const;
  /// The table's definition.
  TableDef& def() const { return table->def; }
  /// The table's database.
  Db& db() const { return table->db; }
};

class TableCatalog {
 public:
  /// The table of this name; throws 404.
  Table& table(const std::string& name) const;
  /// The view of this name; throws 404.
  const ViewDef& view(const std::string& name) const;
  /// True when a table or view has this name.
  bool name_taken(const std::string& name) const;
  /// The table or view of a records call; throws 404.
  Source resolve(const Target& target) const;

  /// Creates the table's database (columns, unique indexes) and adds it; throws 400 when the name
  /// is taken.
  void add_table(TableDef def);
  /// Adds a view over an existing table; throws 400 when the name is taken, 404 without the base.
  void add_view(ViewDef def);

  std::vector<std::string> table_names() const;
  std::vector<std::string> view_names() const;
  /// Every view, for design changes that rename or drop the fields they show.
  std::vector<ViewDef>& views() { return views_; }

 private:
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<ViewDef> views_;
};

/// Creates the unique indexes of a table's fields; throws 400 SqlServerError on duplicate values.
void create_indexes(Db& db, const TableDef& def);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
