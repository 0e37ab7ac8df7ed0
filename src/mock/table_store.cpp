#include "table_store.hpp"

#include "call.hpp"
#include "json_props.hpp"
#include "sql_functions.hpp"

namespace caspio {
namespace mock {
namespace detail {

// Shared: lookups and records calls. Exclusive: anything that changes a definition.
using Shared = std::shared_lock<std::shared_mutex>;
using Exclusive = std::unique_lock<std::shared_mutex>;
using TableLock = std::lock_guard<std::mutex>;

template <typename Work>
auto TableStore::with_source(const Target& target, Work work) {
  Shared lock(mutex_);
  Source src = catalog_.resolve(target);
  TableLock rows(src.table->mutex);
  StatementBudget budget(src.db().get(), query_timeout_, stopping_);
  return work(src);
}

// ---- design --------------------------------------------------------------------------------

std::vector<std::string> TableStore::table_names() const {
  Shared lock(mutex_);
  return catalog_.table_names();
}

nlohmann::json TableStore::table_info(const std::string& table) const {
  Shared lock(mutex_);
  const auto& t = catalog_.table(table).def;
  return {{"Name", t.name}, {"Note", t.note}};
}

std::string TableStore::table_name(const std::string& table) const {
  Shared lock(mutex_);
  return catalog_.table(table).def.name;
}

void TableStore::create_table(const nlohmann::json& body, const ApiDialect& api) {
  TableDef def = TableDesign::table_from_json(body, api);
  Exclusive lock(mutex_);
  catalog_.add_table(std::move(def));
}

void TableStore::add_table(TableDef def) {
  Exclusive lock(mutex_);
  catalog_.add_table(std::move(def));
}

void TableStore::add_view(ViewDef def) {
  Exclusive lock(mutex_);
  catalog_.add_view(std::move(def));
}

nlohmann::ordered_json TableStore::fields(const std::string& table, const ApiDialect& api) const {
  Shared lock(mutex_);
  TableLock rows(catalog_.table(table).mutex);
  return design_.fields(table, api);
}

nlohmann::ordered_json TableStore::field(const std::string& table, const std::string& field,
                                         const ApiDialect& api) const {
  Shared lock(mutex_);
  TableLock rows(catalog_.table(table).mutex);
  return design_.field(table, field, api);
}

void TableStore::add_field(const std::string& table, const nlohmann::json& body) {
  FieldDef f = field_from_json(body);
  int order = 0;
  if (const auto* v = find_prop(body, "DisplayOrder")) order = prop_int(*v, "DisplayOrder");
  Exclusive lock(mutex_);
  design_.add_field(table, f, order);
}

void TableStore::update_field(const std::string& table, const std::string& field,
                              const nlohmann::json& body, const ApiDialect& api) {
  Exclusive lock(mutex_);
  design_.update_field(table, field, body, api);
}

void TableStore::delete_field(const std::string& table, const std::string& field) {
  Exclusive lock(mutex_);
  design_.delete_field(table, field);
}

std::vector<std::string> TableStore::password_fields(const std::string& table) const {
  Shared lock(mutex_);
  TableLock rows(catalog_.table(table).mutex);
  return design_.password_fields(table);
}

std::int64_t TableStore::set_password(const std::string& table, const std::string& field,
                                      const std::string& where,
                                      const std::optional<std::string>& value) {
  return with_source(Target{false, table}, [&](const Source& src) {
    return RecordWriter::set_password(src, field, where, value);
  });
}

// ---- views ---------------------------------------------------------------------------------

std::vector<std::string> TableStore::view_names() const {
  Shared lock(mutex_);
  return catalog_.view_names();
}

nlohmann::json TableStore::view_info(const std::string& view) const {
  Shared lock(mutex_);
  const auto& v = catalog_.view(view);
  return {{"Name", v.name}, {"Note", v.note}};
}

nlohmann::ordered_json TableStore::view_fields(const std::string& view) const {
  Shared lock(mutex_);
  return design_.view_fields(view);
}

nlohmann::ordered_json TableStore::view_field(const std::string& view,
                                              const std::string& field) const {
  Shared lock(mutex_);
  return design_.view_field(view, field);
}

// ---- records -------------------------------------------------------------------------------

std::string TableStore::read(const Target& target, const RecordQuery& query, std::string prefix,
                             std::int64_t* total) {
  return with_source(target, [&](const Source& src) {
    auto out = RecordReader::read(src, query, std::move(prefix));
    if (total != nullptr) *total = RecordReader::count(src, query);
    return out;
  });
}

WriteResult TableStore::insert(const Target& target, const nlohmann::json& body, bool rows) {
  return with_source(target,
                     [&](const Source& src) { return RecordWriter::insert(src, body, rows); });
}

WriteResult TableStore::update(const Target& target, const std::string& where,
                               const nlohmann::json& body, bool rows) {
  return with_source(
      target, [&](const Source& src) { return RecordWriter::update(src, where, body, rows); });
}

std::int64_t TableStore::remove(const Target& target, const std::string& where) {
  return with_source(target, [&](const Source& src) { return RecordWriter::remove(src, where); });
}

void TableStore::load_rows(const std::string& table, const std::vector<std::string>& columns,
                           const std::function<bool(std::vector<SqlValue>&)>& next) {
  Shared lock(mutex_);
  Table& t = catalog_.table(table);
  TableLock rows(t.mutex);
  RecordWriter::load_rows(t, columns, next);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
