#include "table_catalog.hpp"

#include <algorithm>

#include "call.hpp"
#include "sql_functions.hpp"
#include "table_values.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

std::string index_name(const std::string& table, const std::string& field) {
  return quote_ident("ux_" + ascii_lower(table) + "_" + ascii_lower(field));
}

void create_schema(Db& db, const TableDef& def) {
  std::string sql = "CREATE TABLE " + quote_ident(def.name) + " (\"PK_ID\" INTEGER PRIMARY KEY";
  for (const auto& f : def.fields) sql += ", " + quote_ident(f.name) + " " + column_sql(f);
  db.exec(sql + ")");
  create_indexes(db, def);
}

// Adds the fields a view reads: those it shows, and those its own filter reads (readable, not
// shown).
void add_view_fields(Source& src) {
  auto add = [&](const FieldDef& f) {
    if (f.type == FieldType::password) {
      src.scope.passwords.insert(ascii_lower(f.name));
    } else {
      src.scope.readable.insert(ascii_lower(f.name));
      src.visible.push_back(&f);
    }
  };
  const TableDef& def = src.def();
  if (src.view == nullptr) {
    for (const auto& f : def.fields) add(f);
    return;
  }
  for (const auto& name : src.view->fields) {
    if (const auto* f = def.find(name)) add(*f);
  }
  for (const auto& f : def.fields) {
    if (f.type != FieldType::password &&
        src.condition.find(quote_ident(f.name)) != std::string::npos) {
      src.scope.readable.insert(ascii_lower(f.name));
    }
  }
}

}  // namespace

Table::Table(TableDef definition) : def(std::move(definition)), rng(std::random_device{}()) {
  install_tsql_functions(db.get());
}

Stmt& Table::statement(const std::string& sql) {
  const auto found = statements_.find(sql);
  if (found != statements_.end()) return found->second;
  if (statements_.size() >= 32) statements_.clear();
  return statements_.emplace(sql, Stmt(db.get(), sql)).first->second;
}

SqlValue Table::generate(FieldDef& f) {
  switch (f.type) {
    case FieldType::autonumber:
      return ++f.counter;
    case FieldType::prefixed_autonumber:
      return make_prefixed(f, ++f.counter);
    case FieldType::guid:
      return new_guid(false);
    case FieldType::random_id:
      return make_random_id(f, rng);
    default:
      return std::monostate{};
  }
}

bool Source::knows(const FieldDef& f) const {
  if (view == nullptr) return true;
  return std::any_of(view->fields.begin(), view->fields.end(),
                     [&](const std::string& n) { return iequals(n, f.name); });
}

std::string Source::name() const {
  return view ? view->name : table->def.name;
}

void create_indexes(Db& db, const TableDef& def) {
  for (const auto& f : def.fields) {
    if (!f.unique || f.is_formula) continue;
    try {
      db.exec("CREATE UNIQUE INDEX " + index_name(def.name, f.name) + " ON " +
              quote_ident(def.name) + "(" + quote_ident(f.name) + ")");
    } catch (const SqlError&) {
      throw sql_error(
          "The CREATE UNIQUE INDEX statement terminated because a duplicate key was "
          "found for the object name 'dbo." +
          def.name + "' and the index name 'IX_" + def.name + "_" + f.name + "'.");
    }
  }
}

Table& TableCatalog::table(const std::string& name) const {
  for (const auto& t : tables_) {
    if (iequals(t->def.name, name)) return *t;
  }
  throw not_found();
}

const ViewDef& TableCatalog::view(const std::string& name) const {
  for (const auto& v : views_) {
    if (iequals(v.name, name)) return v;
  }
  throw not_found();
}

bool TableCatalog::name_taken(const std::string& name) const {
  return std::any_of(tables_.begin(), tables_.end(),
                     [&](const auto& t) { return iequals(t->def.name, name); }) ||
         std::any_of(views_.begin(), views_.end(),
                     [&](const ViewDef& v) { return iequals(v.name, name); });
}

Source TableCatalog::resolve(const Target& target) const {
  Source src;
  if (target.view) {
    src.view = &view(target.name);
    src.table = &table(src.view->base);
    src.condition = src.view->condition_sql;
  } else {
    src.table = &table(target.name);
  }
  src.scope.table = src.def().name;
  src.scope.readable.insert("pk_id");
  add_view_fields(src);
  return src;
}

void TableCatalog::add_table(TableDef def) {
  if (name_taken(def.name)) throw bad_body("Table '" + def.name + "' already exists");
  auto table = std::make_unique<Table>(std::move(def));
  create_schema(table->db, table->def);
  tables_.push_back(std::move(table));
}

void TableCatalog::add_view(ViewDef def) {
  if (name_taken(def.name)) throw bad_body("View '" + def.name + "' already exists");
  def.base = table(def.base).def.name;
  views_.push_back(std::move(def));
}

std::vector<std::string> TableCatalog::table_names() const {
  std::vector<std::string> names;
  for (const auto& t : tables_) names.push_back(t->def.name);
  return names;
}

std::vector<std::string> TableCatalog::view_names() const {
  std::vector<std::string> names;
  for (const auto& v : views_) names.push_back(v.name);
  return names;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
