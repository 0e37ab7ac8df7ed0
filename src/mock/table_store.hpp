#pragma once
// The tables and views of the emulated account: the one entry point of the tables module. It
// holds the locks and hands each call to the part that does it: the catalog (names, lookups),
// the design (tables and fields), the reader and the writer (records). Thread-safe: design
// changes take the catalog lock exclusively; records calls share it and take their table's own
// lock, so a long statement on one table never holds up the others. Each records call runs under
// a StatementBudget (time limit, stop flag).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "record_reader.hpp"
#include "record_writer.hpp"
#include "table_catalog.hpp"
#include "table_design.hpp"

namespace caspio {
namespace mock {
namespace detail {

class TableStore {
 public:
  /// `query_timeout` bounds each records call; `stopping` (may be null) ends them at once.
  explicit TableStore(std::chrono::milliseconds query_timeout = std::chrono::seconds(5),
                      const std::atomic<bool>* stopping = nullptr)
      : query_timeout_(query_timeout), stopping_(stopping) {}
  TableStore(const TableStore&) = delete;
  TableStore& operator=(const TableStore&) = delete;

  // Design
  std::vector<std::string> table_names() const;
  /// {"Name","Note"}; throws 404.
  nlohmann::json table_info(const std::string& table) const;
  /// Canonical name of a table (for Location headers); throws 404.
  std::string table_name(const std::string& table) const;
  /// `POST /tables` body {"Name","Columns"} (v3: {"Name","Fields"}).
  void create_table(const nlohmann::json& body, const ApiDialect& api);
  /// Adds a fully defined table (fixtures).
  void add_table(TableDef def);
  /// Adds a view over an existing table (fixtures).
  void add_view(ViewDef def);
  nlohmann::ordered_json fields(const std::string& table, const ApiDialect& api) const;
  nlohmann::ordered_json field(const std::string& table, const std::string& field,
                               const ApiDialect& api) const;
  void add_field(const std::string& table, const nlohmann::json& body);
  void update_field(const std::string& table, const std::string& field, const nlohmann::json& body,
                    const ApiDialect& api);
  void delete_field(const std::string& table, const std::string& field);
  std::vector<std::string> password_fields(const std::string& table) const;
  /// Sets (value) or clears (nullopt) a password field on the rows `where` selects.
  std::int64_t set_password(const std::string& table, const std::string& field,
                            const std::string& where, const std::optional<std::string>& value);

  // Views
  std::vector<std::string> view_names() const;
  /// {"Name","Note"}; throws 404.
  nlohmann::json view_info(const std::string& view) const;
  /// The fields of a view (v3), with `TableFieldName`; throws 404.
  nlohmann::ordered_json view_fields(const std::string& view) const;
  /// One field of a view (v3); throws 404.
  nlohmann::ordered_json view_field(const std::string& view, const std::string& field) const;

  // Records
  /// `prefix` followed by the JSON array text of the records. When `total` is not null, it
  /// receives the number of rows the query selects without its page window (v3's TotalCount),
  /// counted under the same lock.
  std::string read(const Target& target, const RecordQuery& query, std::string prefix = {},
                   std::int64_t* total = nullptr);
  WriteResult insert(const Target& target, const nlohmann::json& body, bool rows);
  WriteResult update(const Target& target, const std::string& where, const nlohmann::json& body,
                     bool rows);
  std::int64_t remove(const Target& target, const std::string& where);
  /// Bulk load for fixtures (see RecordWriter::load_rows).
  void load_rows(const std::string& table, const std::vector<std::string>& columns,
                 const std::function<bool(std::vector<SqlValue>&)>& next);

 private:
  /// Runs `work(source)` on a table or view under the shared catalog lock, its table's lock and
  /// a statement budget.
  template <typename Work>
  auto with_source(const Target& target, Work work);

  std::chrono::milliseconds query_timeout_;
  const std::atomic<bool>* stopping_;
  mutable std::shared_mutex mutex_;
  TableCatalog catalog_;
  TableDesign design_{catalog_};
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
