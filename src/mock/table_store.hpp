#pragma once
// The tables and views of the emulated account, kept in one SQLite database. Thread-safe: every
// public method takes the store's lock.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

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

/// A records read: fragments ("" = not given) and the row window.
struct RecordQuery {
  std::string select;
  std::string where;
  std::string group_by;
  std::string order_by;
  std::int64_t limit = 100;
  std::int64_t offset = 0;
  /// Random order when no order_by is given (the "unstable order" switch).
  bool shuffle = false;
};

/// Outcome of a records write.
struct WriteResult {
  std::int64_t affected = 0;
  /// PK_ID of an inserted record.
  std::int64_t pk = 0;
  /// JSON array text of the written records, when asked for.
  std::string rows_json;
};

class TableStore {
 public:
  TableStore();

  // Design
  std::vector<std::string> table_names() const;
  /// {"Name","Note"}; throws 404.
  nlohmann::json table_info(const std::string& table) const;
  /// `POST /tables` body {"Name","Columns"}.
  void create_table(const nlohmann::json& body);
  /// Adds a fully defined table (fixtures).
  void add_table(TableDef def);
  /// Adds a view over an existing table (fixtures).
  void add_view(ViewDef def);
  nlohmann::ordered_json fields(const std::string& table) const;
  nlohmann::ordered_json field(const std::string& table, const std::string& field) const;
  void add_field(const std::string& table, const nlohmann::json& body);
  void update_field(const std::string& table, const std::string& field,
                    const nlohmann::json& body);
  void delete_field(const std::string& table, const std::string& field);
  std::vector<std::string> password_fields(const std::string& table) const;
  /// Sets (value) or clears (nullopt) a password field on the rows `where` selects.
  std::int64_t set_password(const std::string& table, const std::string& field,
                            const std::string& where, const std::optional<std::string>& value);

  // Views
  std::vector<std::string> view_names() const;
  nlohmann::json view_info(const std::string& view) const;

  // Records
  /// `prefix` followed by the JSON array text of the records.
  std::string read(const Target& target, const RecordQuery& query, std::string prefix = {});
  WriteResult insert(const Target& target, const nlohmann::json& body, bool rows);
  WriteResult update(const Target& target, const std::string& where, const nlohmann::json& body,
                     bool rows);
  std::int64_t remove(const Target& target, const std::string& where);

  /// Bulk load for fixtures: one transaction, one prepared INSERT. `next` fills the values of
  /// `columns` for one row and returns false when there are no more rows. Generated fields not
  /// in `columns` get their values as on insert.
  void load_rows(const std::string& table, const std::vector<std::string>& columns,
                 const std::function<bool(std::vector<SqlValue>&)>& next);

  /// Canonical name of a table (for Location headers); throws 404.
  std::string table_name(const std::string& table) const;

 private:
  struct Source;
  Source resolve(const Target& target) const;
  TableDef& table_ref(const std::string& name) const;
  std::vector<std::int64_t> matching_ids(const Source& src, const std::string& where);
  std::string read_ids(const Source& src, const std::vector<std::int64_t>& ids);
  std::string run_read(const Source& src, const std::string& sql, std::string out,
                       std::int64_t expected_rows);
  void create_schema(const TableDef& def);
  void create_indexes(const TableDef& def);
  void rebuild(TableDef& table, std::vector<FieldDef> fields,
               const std::vector<std::string>& sources);
  void fill_generated(TableDef& table, FieldDef& field);
  SqlValue next_generated(FieldDef& field);
  bool name_taken(const std::string& name) const;

  mutable std::mutex mutex_;
  Db db_;
  std::vector<std::unique_ptr<TableDef>> tables_;
  std::vector<ViewDef> views_;
  std::mt19937_64 rng_;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
