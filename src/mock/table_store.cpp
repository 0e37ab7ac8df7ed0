#include "table_store.hpp"

#include "call.hpp"
#include "json_props.hpp"

namespace caspio {
namespace mock {
namespace detail {

using Lock = std::lock_guard<std::mutex>;

// ---- design --------------------------------------------------------------------------------

std::vector<std::string> TableStore::table_names() const {
  Lock lock(mutex_);
  return catalog_.table_names();
}

nlohmann::json TableStore::table_info(const std::string& table) const {
  Lock lock(mutex_);
  const auto& t = catalog_.table(table).def;
  return {{"Name", t.name}, {"Note", t.note}};
}

std::string TableStore::table_name(const std::string& table) const {
  Lock lock(mutex_);
  return catalog_.table(table).def.name;
}

void TableStore::create_table(const nlohmann::json& body) {
  TableDef def = TableDesign::table_from_json(body);
  Lock lock(mutex_);
  catalog_.add_table(std::move(def));
}

void TableStore::add_table(TableDef def) {
  Lock lock(mutex_);
  catalog_.add_table(std::move(def));
}

void TableStore::add_view(ViewDef def) {
  Lock lock(mutex_);
  catalog_.add_view(std::move(def));
}

nlohmann::ordered_json TableStore::fields(const std::string& table) const {
  Lock lock(mutex_);
  return design_.fields(table);
}

nlohmann::ordered_json TableStore::field(const std::string& table, const std::string& field) const {
  Lock lock(mutex_);
  return design_.field(table, field);
}

void TableStore::add_field(const std::string& table, const nlohmann::json& body) {
  FieldDef f = field_from_json(body);
  int order = 0;
  if (const auto* v = find_prop(body, "DisplayOrder")) order = prop_int(*v, "DisplayOrder");
  Lock lock(mutex_);
  design_.add_field(table, f, order);
}

void TableStore::update_field(const std::string& table, const std::string& field,
                              const nlohmann::json& body) {
  Lock lock(mutex_);
  design_.update_field(table, field, body);
}

void TableStore::delete_field(const std::string& table, const std::string& field) {
  Lock lock(mutex_);
  design_.delete_field(table, field);
}

std::vector<std::string> TableStore::password_fields(const std::string& table) const {
  Lock lock(mutex_);
  return design_.password_fields(table);
}

std::int64_t TableStore::set_password(const std::string& table, const std::string& field,
                                      const std::string& where,
                                      const std::optional<std::string>& value) {
  Lock lock(mutex_);
  return RecordWriter::set_password(catalog_.resolve(Target{false, table}), field, where, value);
}

// ---- views ---------------------------------------------------------------------------------

std::vector<std::string> TableStore::view_names() const {
  Lock lock(mutex_);
  return catalog_.view_names();
}

nlohmann::json TableStore::view_info(const std::string& view) const {
  Lock lock(mutex_);
  const auto& v = catalog_.view(view);
  return {{"Name", v.name}, {"Note", v.note}};
}

// ---- records -------------------------------------------------------------------------------

std::string TableStore::read(const Target& target, const RecordQuery& query, std::string prefix) {
  Lock lock(mutex_);
  return RecordReader::read(catalog_.resolve(target), query, std::move(prefix));
}

WriteResult TableStore::insert(const Target& target, const nlohmann::json& body, bool rows) {
  Lock lock(mutex_);
  return RecordWriter::insert(catalog_.resolve(target), body, rows);
}

WriteResult TableStore::update(const Target& target, const std::string& where,
                               const nlohmann::json& body, bool rows) {
  Lock lock(mutex_);
  return RecordWriter::update(catalog_.resolve(target), where, body, rows);
}

std::int64_t TableStore::remove(const Target& target, const std::string& where) {
  Lock lock(mutex_);
  return RecordWriter::remove(catalog_.resolve(target), where);
}

void TableStore::load_rows(const std::string& table, const std::vector<std::string>& columns,
                           const std::function<bool(std::vector<SqlValue>&)>& next) {
  Lock lock(mutex_);
  RecordWriter::load_rows(catalog_.table(table), columns, next);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
