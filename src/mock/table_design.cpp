#include "table_design.hpp"

#include <algorithm>

#include "call.hpp"
#include "field_update.hpp"
#include "json_props.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

// Position (0-based) for a DisplayOrder value: 0 or out of range = last.
std::size_t display_position(int order, std::size_t count) {
  if (order <= 0 || static_cast<std::size_t>(order) > count) return count;
  return static_cast<std::size_t>(order - 1);
}

template <typename T>
void move_item(std::vector<T>& items, std::size_t from, std::size_t to) {
  T item = std::move(items[from]);
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(from));
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(to), std::move(item));
}

std::vector<std::string> column_sources(const std::vector<FieldDef>& fields) {
  std::vector<std::string> sources;
  for (const auto& f : fields) sources.push_back(quote_ident(f.name));
  return sources;
}

void check_table_keys(const nlohmann::json& body, const ApiDialect& api) {
  const std::string key = api.table_fields_key();
  if (!body.is_object()) {
    throw bad_body("The body must be a JSON object {\"Name\",\"" + key + "\"}");
  }
  const std::string other = api.v3 ? "Columns" : "Fields";
  if (find_prop(body, other) != nullptr) {
    throw bad_body("Unknown body parameter '" + other + "': REST " + (api.v3 ? "v3" : "v2") +
                   " takes the fields in '" + key + "'");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (!iequals(it.key(), "Name") && !iequals(it.key(), key) && !iequals(it.key(), "Note")) {
      throw bad_body("Unknown body parameter '" + it.key() + "'");
    }
  }
}

}  // namespace

TableDef TableDesign::table_from_json(const nlohmann::json& body, const ApiDialect& api) {
  check_table_keys(body, api);
  const auto* name = find_prop(body, "Name");
  if (name == nullptr || !name->is_string() || !valid_name(name->get<std::string>(), 64) ||
      ascii_lower(name->get<std::string>()).rfind("sqlite", 0) == 0) {
    throw bad_body("Table 'Name' is missing or invalid");
  }
  const std::string key = api.table_fields_key();
  const auto* columns = find_prop(body, key);
  if (columns == nullptr || !columns->is_array()) {
    throw bad_body("Required body parameter '" + key + "' is absent or not an array");
  }
  TableDef def;
  def.name = name->get<std::string>();
  if (const auto* note = find_prop(body, "Note")) {
    if (!note->is_string() && !note->is_null()) {
      throw bad_body("Field property 'Note' must be a string");
    }
    def.note = note->is_string() ? note->get<std::string>() : "";
  }
  for (const auto& column : *columns) {
    FieldDef f = field_from_json(column);
    if (def.find(f.name) != nullptr) throw bad_body("Duplicate field name '" + f.name + "'");
    def.fields.push_back(std::move(f));
  }
  return def;
}

nlohmann::ordered_json TableDesign::fields(const std::string& table, const ApiDialect& api) const {
  const auto& t = catalog_.table(table).def;
  auto out = nlohmann::ordered_json::array();
  int order = 0;
  for (const auto& f : t.fields) out.push_back(field_to_json(f, ++order, api.v3));
  return out;
}

nlohmann::ordered_json TableDesign::field(const std::string& table, const std::string& field,
                                          const ApiDialect& api) const {
  const auto& t = catalog_.table(table).def;
  for (std::size_t i = 0; i < t.fields.size(); ++i) {
    if (iequals(t.fields[i].name, field)) {
      return field_to_json(t.fields[i], static_cast<int>(i + 1), api.v3);
    }
  }
  throw not_found();
}

nlohmann::ordered_json TableDesign::view_fields(const std::string& view) const {
  const ViewDef& v = catalog_.view(view);
  const TableDef& base = catalog_.table(v.base).def;
  auto out = nlohmann::ordered_json::array();
  int order = 0;
  for (const auto& name : v.fields) {
    const FieldDef* f = base.find(name);
    if (f == nullptr) continue;
    auto j = field_to_json(*f, ++order, true);
    j["TableFieldName"] = f->name;
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::ordered_json TableDesign::view_field(const std::string& view,
                                               const std::string& field) const {
  for (auto& f : view_fields(view)) {
    if (iequals(f["Name"].get<std::string>(), field)) return f;
  }
  throw not_found();
}

std::vector<std::string> TableDesign::password_fields(const std::string& table) const {
  std::vector<std::string> names;
  for (const auto& f : catalog_.table(table).def.fields) {
    if (f.type == FieldType::password) names.push_back(f.name);
  }
  return names;
}

void TableDesign::add_field(const std::string& table, const FieldDef& f, int display_order) {
  auto& t = catalog_.table(table);
  if (t.def.find(f.name) != nullptr) {
    throw bad_body("Field '" + f.name + "' already exists in table '" + t.def.name + "'");
  }
  std::vector<FieldDef> fields = t.def.fields;
  std::vector<std::string> sources = column_sources(fields);
  auto pos = display_position(display_order, fields.size());
  fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(pos), f);
  sources.insert(sources.begin() + static_cast<std::ptrdiff_t>(pos), "");
  rebuild(t, std::move(fields), sources);
}

void TableDesign::update_field(const std::string& table, const std::string& field_name,
                               const nlohmann::json& body, const ApiDialect& api) {
  check_field_update(body, api.update_prefix());
  auto& t = catalog_.table(table);
  auto it = std::find_if(t.def.fields.begin(), t.def.fields.end(),
                         [&](const FieldDef& f) { return iequals(f.name, field_name); });
  if (it == t.def.fields.end()) throw not_found();
  const std::size_t index = static_cast<std::size_t>(it - t.def.fields.begin());
  const std::string old_name = it->name;
  FieldChange change = field_change(t.def, *it, body, api.update_prefix());
  const std::string new_name = change.field.name;

  std::vector<FieldDef> fields = t.def.fields;
  std::vector<std::string> sources = column_sources(fields);
  fields[index] = std::move(change.field);
  sources[index] = change.source;
  if (new_name != old_name) {
    for (auto& other : fields) {
      if (other.is_formula) other.formula_sql = rename_ident(other.formula_sql, old_name, new_name);
    }
  }
  if (change.display_order) {
    auto pos = display_position(*change.display_order, fields.size() - 1);
    move_item(fields, index, pos);
    move_item(sources, index, pos);
  }
  rebuild(t, std::move(fields), sources);
  if (new_name != old_name) rename_in_views(t.def.name, old_name, new_name);
}

void TableDesign::delete_field(const std::string& table, const std::string& field_name) {
  auto& t = catalog_.table(table);
  const auto* f = t.def.find(field_name);
  if (f == nullptr) throw not_found();
  const std::string name = f->name;
  std::vector<FieldDef> fields;
  std::vector<std::string> sources;
  for (const auto& old : t.def.fields) {
    if (iequals(old.name, name)) continue;
    fields.push_back(old);
    if (old.is_formula && old.formula_sql.find(quote_ident(name)) != std::string::npos) {
      fields.back().formula_sql = "NULL";
    }
    sources.push_back(quote_ident(old.name));
  }
  rebuild(t, std::move(fields), sources);
  for (auto& v : catalog_.views()) {
    if (!iequals(v.base, t.def.name)) continue;
    v.fields.erase(std::remove_if(v.fields.begin(), v.fields.end(),
                                  [&](const std::string& n) { return iequals(n, name); }),
                   v.fields.end());
  }
}

void TableDesign::rename_in_views(const std::string& table, const std::string& from,
                                  const std::string& to) {
  for (auto& v : catalog_.views()) {
    if (!iequals(v.base, table)) continue;
    for (auto& n : v.fields) {
      if (iequals(n, from)) n = to;
    }
    v.condition_sql = rename_ident(v.condition_sql, from, to);
  }
}

void TableDesign::rebuild(Table& table, std::vector<FieldDef> fields,
                          const std::vector<std::string>& sources) {
  Db& db = table.db;
  Transaction tx(db);
  TableDef next = table.def;
  next.fields = std::move(fields);
  std::string sql = "CREATE TABLE \"__rebuild\" (\"PK_ID\" INTEGER PRIMARY KEY";
  for (const auto& f : next.fields) sql += ", " + quote_ident(f.name) + " " + column_sql(f);
  db.exec(sql + ")");
  std::string cols = "\"PK_ID\"";
  std::string exprs = "\"PK_ID\"";
  for (std::size_t i = 0; i < next.fields.size(); ++i) {
    if (next.fields[i].is_formula || sources[i].empty()) continue;
    cols += ", " + quote_ident(next.fields[i].name);
    exprs += ", " + sources[i];
  }
  const std::string name = quote_ident(table.def.name);
  db.exec("INSERT INTO \"__rebuild\" (" + cols + ") SELECT " + exprs + " FROM " + name);
  db.exec("DROP TABLE " + name);
  db.exec("ALTER TABLE \"__rebuild\" RENAME TO " + name);
  std::swap(table.def, next);  // generated values come from the table's own counters
  try {
    for (std::size_t i = 0; i < table.def.fields.size(); ++i) {
      if (sources[i].empty() && is_generated(table.def.fields[i].type)) {
        fill_generated(table, table.def.fields[i]);
      }
    }
    create_indexes(db, table.def);
    tx.commit();
  } catch (...) {
    std::swap(table.def, next);
    throw;
  }
}

void TableDesign::fill_generated(Table& table, FieldDef& field) {
  std::vector<std::int64_t> ids;
  Stmt select(table.db.get(),
              "SELECT \"PK_ID\" FROM " + quote_ident(table.def.name) + " ORDER BY 1");
  while (select.step()) ids.push_back(select.column_int(0));
  Stmt update(table.db.get(), "UPDATE " + quote_ident(table.def.name) + " SET " +
                                  quote_ident(field.name) + " = ? WHERE \"PK_ID\" = ?");
  for (auto id : ids) {
    update.bind(1, table.generate(field));
    update.bind_int(2, id);
    update.step();
    update.reset();
  }
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
