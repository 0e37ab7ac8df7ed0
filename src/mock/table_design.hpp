#pragma once
// Table design over the catalog: new tables, and the fields of a table (list, add, change,
// delete), each change rebuilding the table's SQLite table with its rows. Not thread-safe:
// TableStore holds the locks.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api_dialect.hpp"
#include "table_catalog.hpp"

namespace caspio {
namespace mock {
namespace detail {

class TableDesign {
 public:
  explicit TableDesign(TableCatalog& catalog) : catalog_(catalog) {}

  /// The table a `POST /tables` body {"Name","Columns","Note"} describes (v3: "Fields" for
  /// "Columns"); throws 400.
  static TableDef table_from_json(const nlohmann::json& body, const ApiDialect& api);

  /// `[FieldDef…]` of a table in display order; throws 404.
  nlohmann::ordered_json fields(const std::string& table, const ApiDialect& api) const;
  /// One `FieldDef`; throws 404.
  nlohmann::ordered_json field(const std::string& table, const std::string& field,
                               const ApiDialect& api) const;
  /// `[FieldDef…]` of a view (v3 only: with `TableFieldName`), in its order; throws 404.
  nlohmann::ordered_json view_fields(const std::string& view) const;
  /// One field of a view; throws 404 when the view does not show it.
  nlohmann::ordered_json view_field(const std::string& view, const std::string& field) const;
  /// Password field names of a table; throws 404.
  std::vector<std::string> password_fields(const std::string& table) const;

  /// Adds a field at `display_order` (0 or out of range = last); existing rows get its generated
  /// values. Throws 400 when the name is taken.
  void add_field(const std::string& table, const FieldDef& field, int display_order);
  /// Applies a field update body (`New*` keys in v2, plain keys in v3); views that show or
  /// filter on a renamed field follow it.
  void update_field(const std::string& table, const std::string& field, const nlohmann::json& body,
                    const ApiDialect& api);
  /// Drops a field, from the views too; formulas that read it become NULL.
  void delete_field(const std::string& table, const std::string& field);

 private:
  /// Replaces the table's fields; `sources[i]` gives field i its values ("" = new field).
  void rebuild(Table& table, std::vector<FieldDef> fields, const std::vector<std::string>& sources);
  void fill_generated(Table& table, FieldDef& field);
  void rename_in_views(const std::string& table, const std::string& from, const std::string& to);

  TableCatalog& catalog_;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
