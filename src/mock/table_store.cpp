#include "table_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "call.hpp"
#include "table_values.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

const char* const kUpdateKeys[] = {
    "NewName",         "NewType",     "NewUnique",    "NewUniqueAllowNulls", "NewLabel",
    "NewDescription",  "NewDisplayOrder", "NewOnInsert", "NewOnUpdate",      "NewTimeZone",
    "NewFormat",       "NewPrefix",   "NewLength",    "NewListField"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string index_name(const std::string& table, const std::string& field) {
  return quote_ident("ux_" + lower(table) + "_" + lower(field));
}

// Replaces every `"from"` identifier in trusted SQL by `"to"`.
std::string rename_ident(const std::string& sql, const std::string& from, const std::string& to) {
  std::string needle = quote_ident(from);
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    auto hit = sql.find(needle, pos);
    if (hit == std::string::npos) break;
    out += sql.substr(pos, hit - pos) + quote_ident(to);
    pos = hit + needle.size();
  }
  return out + sql.substr(pos);
}

bool convertible(FieldType t) {
  switch (t) {
    case FieldType::string:
    case FieldType::text:
    case FieldType::number:
    case FieldType::integer:
    case FieldType::currency:
    case FieldType::date_time:
    case FieldType::yes_no:
    case FieldType::file:
      return true;
    default:
      return false;
  }
}

std::string convert_sql(const std::string& col, FieldType to) {
  switch (to) {
    case FieldType::number:
    case FieldType::currency:
      return "CAST(" + col + " AS REAL)";
    case FieldType::integer:
      return "CAST(" + col + " AS INTEGER)";
    case FieldType::yes_no:
      return "COALESCE(CAST(" + col + " AS INTEGER) <> 0, 0)";
    default:
      return "CAST(" + col + " AS TEXT)";
  }
}

const nlohmann::json* find_key(const nlohmann::json& body, const char* key) {
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (iequals(it.key(), key)) return &it.value();
  }
  return nullptr;
}

bool json_bool(const nlohmann::json& v, const std::string& key) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string() && (iequals(v.get<std::string>(), "true") ||
                        iequals(v.get<std::string>(), "false"))) {
    return iequals(v.get<std::string>(), "true");
  }
  throw bad_body("Field property '" + key + "' must be a boolean");
}

std::string json_text(const nlohmann::json& v, const std::string& key) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  throw bad_body("Field property '" + key + "' must be a string");
}

int json_int(const nlohmann::json& v, const std::string& key) {
  if (v.is_number_integer()) return v.get<int>();
  if (v.is_string()) {
    auto d = parse_number(v.get<std::string>());
    if (d && static_cast<int>(*d) == *d) return static_cast<int>(*d);
  }
  throw bad_body("Field property '" + key + "' must be an integer");
}

// Position (0-based) for a DisplayOrder value: 0 or out of range = last.
std::size_t display_position(int order, std::size_t count) {
  if (order <= 0 || static_cast<std::size_t>(order) > count) return count;
  return static_cast<std::size_t>(order - 1);
}

ApiError duplicate_error(const SqlError& e, const std::string& table) {
  std::string message = e.what();
  std::string column;
  auto colon = message.find(": ");
  if (colon != std::string::npos) {
    column = message.substr(colon + 2);
    auto dot = column.rfind('.');
    if (dot != std::string::npos) column = column.substr(dot + 1);
  }
  return sql_error("Cannot insert duplicate key row in object 'dbo." + table +
                   "' with unique index 'IX_" + table + "_" + column + "'.");
}

bool is_unique_violation(const SqlError& e) {
  return e.extended_code() == SQLITE_CONSTRAINT_UNIQUE ||
         e.extended_code() == SQLITE_CONSTRAINT_PRIMARYKEY;
}

}  // namespace

struct TableStore::Source {
  TableDef* table = nullptr;
  const ViewDef* view = nullptr;
  /// Non-password fields in output order.
  std::vector<const FieldDef*> visible;
  ReadScope scope;
  std::string condition = "1";

  bool knows(const FieldDef& f) const {
    if (view == nullptr) return true;
    return std::any_of(view->fields.begin(), view->fields.end(),
                       [&](const std::string& n) { return iequals(n, f.name); });
  }
  std::string name() const { return view ? view->name : table->name; }
};

TableStore::TableStore() : rng_(std::random_device{}()) {
  // T-SQL names for a few SQLite built-ins that q.* fragments commonly use.
  sqlite3_create_function(
      db_.get(), "len", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
      [](sqlite3_context* ctx, int, sqlite3_value** argv) {
        if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
          sqlite3_result_null(ctx);
          return;
        }
        std::string s(reinterpret_cast<const char*>(sqlite3_value_text(argv[0])));
        while (!s.empty() && s.back() == ' ') s.pop_back();
        sqlite3_int64 n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        sqlite3_result_int64(ctx, n);
      },
      nullptr, nullptr);
  for (const char* name : {"getdate", "getutcdate", "sysdatetime"}) {
    sqlite3_create_function(
        db_.get(), name, 0, SQLITE_UTF8, nullptr,
        [](sqlite3_context* ctx, int, sqlite3_value**) {
          auto now = iso_now();
          sqlite3_result_text(ctx, now.c_str(), static_cast<int>(now.size()), SQLITE_TRANSIENT);
        },
        nullptr, nullptr);
  }
}

// ---- lookups -------------------------------------------------------------------------------

TableDef& TableStore::table_ref(const std::string& name) const {
  for (const auto& t : tables_) {
    if (iequals(t->name, name)) return *t;
  }
  throw not_found();
}

bool TableStore::name_taken(const std::string& name) const {
  for (const auto& t : tables_) {
    if (iequals(t->name, name)) return true;
  }
  for (const auto& v : views_) {
    if (iequals(v.name, name)) return true;
  }
  return false;
}

TableStore::Source TableStore::resolve(const Target& target) const {
  Source src;
  if (target.view) {
    for (const auto& v : views_) {
      if (iequals(v.name, target.name)) src.view = &v;
    }
    if (src.view == nullptr) throw not_found();
    src.table = &table_ref(src.view->base);
    src.condition = src.view->condition_sql;
  } else {
    src.table = &table_ref(target.name);
  }
  src.scope.table = src.table->name;
  src.scope.readable.insert("pk_id");
  auto add = [&](const FieldDef& f) {
    if (f.type == FieldType::password) {
      src.scope.passwords.insert(lower(f.name));
    } else {
      src.scope.readable.insert(lower(f.name));
      src.visible.push_back(&f);
    }
  };
  if (src.view) {
    for (const auto& name : src.view->fields) {
      if (const auto* f = src.table->find(name)) add(*f);
    }
    // Columns the view's own filter reads stay readable even when not projected.
    for (const auto& f : src.table->fields) {
      if (f.type != FieldType::password &&
          src.condition.find(quote_ident(f.name)) != std::string::npos) {
        src.scope.readable.insert(lower(f.name));
      }
    }
  } else {
    for (const auto& f : src.table->fields) add(f);
  }
  return src;
}

std::string TableStore::table_name(const std::string& table) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return table_ref(table).name;
}

// ---- design --------------------------------------------------------------------------------

std::vector<std::string> TableStore::table_names() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& t : tables_) names.push_back(t->name);
  return names;
}

nlohmann::json TableStore::table_info(const std::string& table) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto& t = table_ref(table);
  return {{"Name", t.name}, {"Note", t.note}};
}

void TableStore::create_schema(const TableDef& def) {
  std::string sql = "CREATE TABLE " + quote_ident(def.name) + " (\"PK_ID\" INTEGER PRIMARY KEY";
  for (const auto& f : def.fields) sql += ", " + quote_ident(f.name) + " " + column_sql(f);
  sql += ")";
  db_.exec(sql);
  create_indexes(def);
}

void TableStore::create_indexes(const TableDef& def) {
  for (const auto& f : def.fields) {
    if (!f.unique || f.is_formula) continue;
    try {
      db_.exec("CREATE UNIQUE INDEX " + index_name(def.name, f.name) + " ON " +
               quote_ident(def.name) + "(" + quote_ident(f.name) + ")");
    } catch (const SqlError&) {
      throw sql_error("The CREATE UNIQUE INDEX statement terminated because a duplicate key was "
                      "found for the object name 'dbo." +
                      def.name + "' and the index name 'IX_" + def.name + "_" + f.name + "'.");
    }
  }
}

void TableStore::add_table(TableDef def) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (name_taken(def.name)) throw bad_body("Table '" + def.name + "' already exists");
  create_schema(def);
  tables_.push_back(std::make_unique<TableDef>(std::move(def)));
}

void TableStore::add_view(ViewDef def) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (name_taken(def.name)) throw bad_body("View '" + def.name + "' already exists");
  def.base = table_ref(def.base).name;
  views_.push_back(std::move(def));
}

void TableStore::create_table(const nlohmann::json& body) {
  if (!body.is_object()) throw bad_body("The body must be a JSON object {\"Name\",\"Columns\"}");
  if (find_key(body, "Fields") != nullptr) {
    throw bad_body("Unknown body parameter 'Fields': REST v2 takes the fields in 'Columns'");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (!iequals(it.key(), "Name") && !iequals(it.key(), "Columns") &&
        !iequals(it.key(), "Note")) {
      throw bad_body("Unknown body parameter '" + it.key() + "'");
    }
  }
  const auto* name = find_key(body, "Name");
  if (name == nullptr || !name->is_string() || !valid_name(name->get<std::string>(), 64) ||
      lower(name->get<std::string>()).rfind("sqlite", 0) == 0) {
    throw bad_body("Table 'Name' is missing or invalid");
  }
  const auto* columns = find_key(body, "Columns");
  if (columns == nullptr || !columns->is_array()) {
    throw bad_body("Required body parameter 'Columns' is absent or not an array");
  }
  TableDef def;
  def.name = name->get<std::string>();
  if (const auto* note = find_key(body, "Note")) def.note = json_text(*note, "Note");
  for (const auto& column : *columns) {
    FieldDef f = field_from_json(column);
    if (def.find(f.name) != nullptr) throw bad_body("Duplicate field name '" + f.name + "'");
    def.fields.push_back(std::move(f));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (name_taken(def.name)) throw bad_body("Table '" + def.name + "' already exists");
  create_schema(def);
  tables_.push_back(std::make_unique<TableDef>(std::move(def)));
}

nlohmann::ordered_json TableStore::fields(const std::string& table) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto& t = table_ref(table);
  auto out = nlohmann::ordered_json::array();
  int order = 0;
  for (const auto& f : t.fields) out.push_back(field_to_json(f, ++order));
  return out;
}

nlohmann::ordered_json TableStore::field(const std::string& table,
                                         const std::string& field) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto& t = table_ref(table);
  for (std::size_t i = 0; i < t.fields.size(); ++i) {
    if (iequals(t.fields[i].name, field)) {
      return field_to_json(t.fields[i], static_cast<int>(i + 1));
    }
  }
  throw not_found();
}

void TableStore::rebuild(TableDef& table, std::vector<FieldDef> fields,
                         const std::vector<std::string>& sources) {
  Transaction tx(db_);
  TableDef next = table;
  next.fields = std::move(fields);
  TableDef temp = next;
  temp.name = "__rebuild";
  std::string sql = "CREATE TABLE \"__rebuild\" (\"PK_ID\" INTEGER PRIMARY KEY";
  for (const auto& f : temp.fields) sql += ", " + quote_ident(f.name) + " " + column_sql(f);
  db_.exec(sql + ")");
  std::string cols = "\"PK_ID\"";
  std::string exprs = "\"PK_ID\"";
  for (std::size_t i = 0; i < next.fields.size(); ++i) {
    if (next.fields[i].is_formula || sources[i].empty()) continue;
    cols += ", " + quote_ident(next.fields[i].name);
    exprs += ", " + sources[i];
  }
  db_.exec("INSERT INTO \"__rebuild\" (" + cols + ") SELECT " + exprs + " FROM " +
           quote_ident(table.name));
  db_.exec("DROP TABLE " + quote_ident(table.name));
  db_.exec("ALTER TABLE \"__rebuild\" RENAME TO " + quote_ident(table.name));
  for (std::size_t i = 0; i < next.fields.size(); ++i) {
    if (sources[i].empty() && is_generated(next.fields[i].type)) {
      fill_generated(next, next.fields[i]);
    }
  }
  create_indexes(next);
  tx.commit();
  table = std::move(next);
}

void TableStore::fill_generated(TableDef& table, FieldDef& field) {
  std::vector<std::int64_t> ids;
  Stmt select(db_.get(), "SELECT \"PK_ID\" FROM " + quote_ident(table.name) + " ORDER BY 1");
  while (select.step()) ids.push_back(select.column_int(0));
  Stmt update(db_.get(), "UPDATE " + quote_ident(table.name) + " SET " + quote_ident(field.name) +
                             " = ? WHERE \"PK_ID\" = ?");
  for (auto id : ids) {
    update.bind(1, next_generated(field));
    update.bind_int(2, id);
    update.step();
    update.reset();
  }
}

SqlValue TableStore::next_generated(FieldDef& f) {
  switch (f.type) {
    case FieldType::autonumber:
      return ++f.counter;
    case FieldType::prefixed_autonumber:
      return make_prefixed(f, ++f.counter);
    case FieldType::guid:
      return new_guid(false);
    case FieldType::random_id:
      return make_random_id(f, rng_);
    default:
      return std::monostate{};
  }
}

void TableStore::add_field(const std::string& table, const nlohmann::json& body) {
  FieldDef f = field_from_json(body);
  int order = 0;
  if (const auto* v = find_key(body, "DisplayOrder")) order = json_int(*v, "DisplayOrder");
  std::lock_guard<std::mutex> lock(mutex_);
  auto& t = table_ref(table);
  if (t.find(f.name) != nullptr) {
    throw bad_body("Field '" + f.name + "' already exists in table '" + t.name + "'");
  }
  std::vector<FieldDef> fields = t.fields;
  std::vector<std::string> sources;
  for (const auto& old : fields) sources.push_back(quote_ident(old.name));
  auto pos = display_position(order, fields.size());
  fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(pos), f);
  sources.insert(sources.begin() + static_cast<std::ptrdiff_t>(pos), "");
  rebuild(t, std::move(fields), sources);
}

void TableStore::update_field(const std::string& table, const std::string& field_name,
                              const nlohmann::json& body) {
  if (!body.is_object() || body.empty()) {
    throw bad_body("The body must be a JSON object of New* field properties");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = std::any_of(std::begin(kUpdateKeys), std::end(kUpdateKeys),
                             [&](const char* k) { return iequals(it.key(), k); });
    if (!known) {
      throw bad_body("Unknown body parameter '" + it.key() +
                     "': field properties to update must start with 'New'");
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto& t = table_ref(table);
  auto it = std::find_if(t.fields.begin(), t.fields.end(),
                         [&](const FieldDef& f) { return iequals(f.name, field_name); });
  if (it == t.fields.end()) throw not_found();
  std::size_t index = static_cast<std::size_t>(it - t.fields.begin());
  FieldDef f = *it;
  const std::string old_name = f.name;
  std::string source = quote_ident(old_name);

  if (const auto* v = find_key(body, "NewName")) {
    auto name = json_text(*v, "NewName");
    if (!valid_name(name, 32) || iequals(name, "PK_ID")) throw bad_body("NewName is invalid");
    if (!iequals(name, old_name) && t.find(name) != nullptr) {
      throw bad_body("Field '" + name + "' already exists in table '" + t.name + "'");
    }
    f.name = name;
  }
  if (const auto* v = find_key(body, "NewType")) {
    auto type = v->is_string() ? parse_type(v->get<std::string>()) : std::nullopt;
    if (!type) throw bad_body("NewType is invalid");
    if (*type != f.type) {
      if (!convertible(f.type) || !convertible(*type) || f.is_formula) {
        throw bad_body(std::string("Cannot change the type of field '") + old_name + "' from " +
                       type_name(f.type) + " to " + type_name(*type));
      }
      source = convert_sql(source, *type);
      f.type = *type;
    }
  }
  if (const auto* v = find_key(body, "NewUnique")) f.unique = json_bool(*v, "NewUnique");
  if (const auto* v = find_key(body, "NewUniqueAllowNulls")) {
    f.unique_allow_nulls = json_bool(*v, "NewUniqueAllowNulls");
  }
  if (const auto* v = find_key(body, "NewLabel")) f.label = json_text(*v, "NewLabel");
  if (const auto* v = find_key(body, "NewDescription")) {
    f.description = json_text(*v, "NewDescription");
  }
  if (const auto* v = find_key(body, "NewOnInsert")) f.on_insert = json_bool(*v, "NewOnInsert");
  if (const auto* v = find_key(body, "NewOnUpdate")) f.on_update = json_bool(*v, "NewOnUpdate");
  if (const auto* v = find_key(body, "NewTimeZone")) f.time_zone = json_text(*v, "NewTimeZone");
  if (const auto* v = find_key(body, "NewFormat")) f.format = json_text(*v, "NewFormat");
  if (const auto* v = find_key(body, "NewPrefix")) f.prefix = json_text(*v, "NewPrefix");
  if (const auto* v = find_key(body, "NewLength")) f.length = json_int(*v, "NewLength");
  if (const auto* v = find_key(body, "NewListField")) {
    if (!is_list(f.type)) throw bad_body("NewListField applies only to list fields");
    apply_new_list(f, *v);
  }
  validate_field(f);

  std::vector<FieldDef> fields = t.fields;
  std::vector<std::string> sources;
  for (const auto& old : fields) sources.push_back(quote_ident(old.name));
  fields[index] = f;
  sources[index] = source;
  if (f.name != old_name) {
    for (auto& other : fields) {
      if (other.is_formula) other.formula_sql = rename_ident(other.formula_sql, old_name, f.name);
    }
  }
  if (const auto* v = find_key(body, "NewDisplayOrder")) {
    auto pos = display_position(json_int(*v, "NewDisplayOrder"), fields.size() - 1);
    FieldDef moved = fields[index];
    std::string moved_source = sources[index];
    fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(index));
    sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(index));
    fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(pos), moved);
    sources.insert(sources.begin() + static_cast<std::ptrdiff_t>(pos), moved_source);
  }
  rebuild(t, std::move(fields), sources);
  if (f.name != old_name) {
    for (auto& v : views_) {
      if (!iequals(v.base, t.name)) continue;
      for (auto& n : v.fields) {
        if (iequals(n, old_name)) n = f.name;
      }
      v.condition_sql = rename_ident(v.condition_sql, old_name, f.name);
    }
  }
}

void TableStore::delete_field(const std::string& table, const std::string& field_name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& t = table_ref(table);
  auto* f = t.find(field_name);
  if (f == nullptr) throw not_found();
  const std::string name = f->name;
  std::vector<FieldDef> fields;
  std::vector<std::string> sources;
  for (const auto& old : t.fields) {
    if (iequals(old.name, name)) continue;
    fields.push_back(old);
    if (old.is_formula && old.formula_sql.find(quote_ident(name)) != std::string::npos) {
      fields.back().formula_sql = "NULL";
    }
    sources.push_back(quote_ident(old.name));
  }
  rebuild(t, std::move(fields), sources);
  for (auto& v : views_) {
    if (!iequals(v.base, t.name)) continue;
    v.fields.erase(std::remove_if(v.fields.begin(), v.fields.end(),
                                  [&](const std::string& n) { return iequals(n, name); }),
                   v.fields.end());
  }
}

std::vector<std::string> TableStore::password_fields(const std::string& table) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& f : table_ref(table).fields) {
    if (f.type == FieldType::password) names.push_back(f.name);
  }
  return names;
}

std::int64_t TableStore::set_password(const std::string& table, const std::string& field,
                                      const std::string& where,
                                      const std::optional<std::string>& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  Source src = resolve(Target{false, table});
  const auto* f = src.table->find(field);
  if (f == nullptr || f->type != FieldType::password) {
    throw not_found("Password field '" + field + "' not found");
  }
  if (value && value->size() > 255) throw bad_body("The password value is too long");
  auto ids = matching_ids(src, where);
  Transaction tx(db_);
  Stmt update(db_.get(), "UPDATE " + quote_ident(src.table->name) + " SET " +
                             quote_ident(f->name) + " = ? WHERE \"PK_ID\" = ?");
  for (auto id : ids) {
    if (value) update.bind_text(1, *value);
    update.bind_int(2, id);
    update.step();
    update.reset();
  }
  tx.commit();
  return static_cast<std::int64_t>(ids.size());
}

// ---- views ---------------------------------------------------------------------------------

std::vector<std::string> TableStore::view_names() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& v : views_) names.push_back(v.name);
  return names;
}

nlohmann::json TableStore::view_info(const std::string& view) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& v : views_) {
    if (iequals(v.name, view)) return {{"Name", v.name}, {"Note", v.note}};
  }
  throw not_found();
}

// ---- records -------------------------------------------------------------------------------

std::string TableStore::run_read(const Source& src, const std::string& sql, std::string out,
                                 std::int64_t expected_rows) {
  Stmt stmt = prepare_read(db_.get(), sql, src.scope);
  struct Column {
    std::string key;
    RenderKind kind;
    const FieldDef* field;
  };
  std::vector<Column> columns;
  int count = stmt.column_count();
  for (int i = 0; i < count; ++i) {
    Column c{"", RenderKind::raw, nullptr};
    const char* name = sqlite3_column_name(stmt.get(), i);
    append_json_string(c.key, name ? name : "");
    c.key += ':';
    const char* origin = sqlite3_column_origin_name(stmt.get(), i);
    const char* table = sqlite3_column_table_name(stmt.get(), i);
    if (origin != nullptr && table != nullptr && iequals(table, src.table->name)) {
      if (iequals(origin, "PK_ID")) {
        c.kind = src.view ? RenderKind::pk_string : RenderKind::pk;
      } else if ((c.field = src.table->find(origin)) != nullptr) {
        c.kind = RenderKind::field;
      }
    }
    columns.push_back(std::move(c));
  }
  out += '[';
  bool first_row = true;
  while (stmt.step()) {
    const std::size_t row_start = out.size();
    out += first_row ? "{" : ",{";
    for (int i = 0; i < count; ++i) {
      if (i != 0) out += ',';
      const auto& c = columns[static_cast<std::size_t>(i)];
      out += c.key;
      append_value(out, stmt.get(), i, c.kind, c.field);
    }
    out += '}';
    if (first_row && expected_rows > 1) {
      // The first row tells the size of the page: reserve once instead of growing the buffer.
      std::size_t row_size = out.size() - row_start;
      out.reserve(out.size() + row_size * static_cast<std::size_t>(expected_rows) * 5 / 4 + 64);
    }
    first_row = false;
  }
  out += ']';
  return out;
}

namespace {
std::string default_select(const std::vector<const FieldDef*>& visible) {
  std::string sql = "\"PK_ID\"";
  for (const auto* f : visible) sql += ", " + quote_ident(f->name);
  return sql;
}
}  // namespace

std::string TableStore::read(const Target& target, const RecordQuery& q, std::string prefix) {
  for (const auto* fragment : {&q.select, &q.where, &q.group_by, &q.order_by}) {
    if (!fragment->empty()) check_fragment(*fragment);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  Source src = resolve(target);
  const std::string from = " FROM " + quote_ident(src.table->name);
  if (!q.where.empty()) {
    prepare_read(db_.get(), "SELECT 1" + from + " WHERE (\n" + q.where + "\n)", src.scope);
  }
  bool star = q.select.empty() || q.select.find_first_not_of(" \t\r\n*") == std::string::npos;
  std::string select = star ? default_select(src.visible) : "\n" + q.select + "\n";
  if (!star) prepare_read(db_.get(), "SELECT" + select + from, src.scope, 500);
  std::string sql = "SELECT " + select + from + " WHERE (" + src.condition + ")";
  if (!q.where.empty()) sql += " AND (\n" + q.where + "\n)";
  if (!q.group_by.empty()) sql += " GROUP BY \n" + q.group_by + "\n";
  if (!q.order_by.empty()) {
    sql += " ORDER BY \n" + q.order_by + "\n";
  } else if (q.shuffle) {
    sql += " ORDER BY random()";
  } else if (q.group_by.empty()) {
    sql += " ORDER BY \"PK_ID\"";
  }
  sql += fmt::format(" LIMIT {} OFFSET {}", q.limit, q.offset);
  return run_read(src, sql, std::move(prefix), q.limit);
}

std::vector<std::int64_t> TableStore::matching_ids(const Source& src, const std::string& where) {
  check_fragment(where);
  Stmt stmt = prepare_read(db_.get(),
                           "SELECT \"PK_ID\" FROM " + quote_ident(src.table->name) + " WHERE (" +
                               src.condition + ") AND (\n" + where + "\n) ORDER BY \"PK_ID\"",
                           src.scope);
  std::vector<std::int64_t> ids;
  while (stmt.step()) ids.push_back(stmt.column_int(0));
  return ids;
}

std::string TableStore::read_ids(const Source& src, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return "[]";
  std::string list;
  for (auto id : ids) {
    if (!list.empty()) list += ',';
    list += std::to_string(id);
  }
  return run_read(src, "SELECT " + default_select(src.visible) + " FROM " +
                           quote_ident(src.table->name) + " WHERE (" + src.condition +
                           ") AND \"PK_ID\" IN (" + list + ") ORDER BY \"PK_ID\"",
                  {}, static_cast<std::int64_t>(ids.size()));
}

namespace {

struct Assignment {
  FieldDef* field;
  SqlValue value;
};

}  // namespace

WriteResult TableStore::insert(const Target& target, const nlohmann::json& body, bool rows) {
  if (body.is_array()) throw bad_body("The body must be one record (a JSON object), not an array");
  if (!body.is_object()) throw bad_body("The body must be a JSON object");
  std::lock_guard<std::mutex> lock(mutex_);
  Source src = resolve(target);
  TableDef& t = *src.table;
  std::vector<Assignment> values;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (iequals(it.key(), "PK_ID")) throw bad_body("Field 'PK_ID' is read-only");
    FieldDef* f = t.find(it.key());
    if (f == nullptr || !src.knows(*f)) {
      throw ApiError(404, "FieldNotFound",
                     "Field '" + it.key() + "' was not found in '" + src.name() + "'");
    }
    if (f->read_only()) throw bad_body("Field '" + f->name + "' is read-only");
    for (const auto& a : values) {
      if (a.field == f) throw bad_body("Field '" + f->name + "' is given twice");
    }
    values.push_back({f, to_column_value(t.name, *f, it.value())});
  }
  std::vector<FieldDef*> generated;
  for (auto& f : t.fields) {
    if (is_generated(f.type)) generated.push_back(&f);
    if (f.type == FieldType::timestamp && f.on_insert && !f.is_formula) {
      values.push_back({&f, iso_now()});
    }
  }
  std::string cols = "\"PK_ID\"";
  std::string marks = "?";
  for (const auto& a : values) {
    cols += ", " + quote_ident(a.field->name);
    marks += ", ?";
  }
  for (const auto* f : generated) {
    cols += ", " + quote_ident(f->name);
    marks += ", ?";
  }
  Stmt stmt(db_.get(), "INSERT INTO " + quote_ident(t.name) + " (" + cols + ") VALUES (" + marks +
                           ")");
  const std::int64_t pk = ++t.last_pk;
  for (int attempt = 0;; ++attempt) {
    int i = 1;
    stmt.bind_int(i++, pk);
    for (const auto& a : values) stmt.bind(i++, a.value);
    for (auto* f : generated) stmt.bind(i++, next_generated(*f));
    try {
      stmt.step();
      break;
    } catch (const SqlError& e) {
      stmt.reset();
      bool random_clash = false;
      for (const auto* f : generated) {
        std::string msg = e.what();
        if (f->type != FieldType::autonumber && f->type != FieldType::prefixed_autonumber &&
            msg.size() >= f->name.size() &&
            iequals(msg.substr(msg.size() - f->name.size()), f->name)) {
          random_clash = true;
        }
      }
      if (is_unique_violation(e) && random_clash && attempt < 20) continue;
      if (is_unique_violation(e)) throw duplicate_error(e, t.name);
      throw translate_sql_error(e.what());
    }
  }
  WriteResult result;
  result.affected = 1;
  result.pk = pk;
  if (rows) result.rows_json = read_ids(src, {pk});
  return result;
}

WriteResult TableStore::update(const Target& target, const std::string& where,
                               const nlohmann::json& body, bool rows) {
  if (!body.is_object()) throw bad_body("The body must be a JSON object");
  if (body.empty()) throw bad_body("The body names no field to update");
  std::lock_guard<std::mutex> lock(mutex_);
  Source src = resolve(target);
  TableDef& t = *src.table;
  std::vector<Assignment> values;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (iequals(it.key(), "PK_ID")) throw bad_body("Field 'PK_ID' is read-only");
    FieldDef* f = t.find(it.key());
    if (f == nullptr || !src.knows(*f)) {
      throw ApiError(404, "FieldNotFound",
                     "Field '" + it.key() + "' was not found in '" + src.name() + "'");
    }
    if (f->read_only()) throw bad_body("Field '" + f->name + "' is read-only");
    if (f->type == FieldType::password) {
      throw bad_body("Password field '" + f->name +
                     "' cannot be updated here; use the passwordFields resource");
    }
    for (const auto& a : values) {
      if (a.field == f) throw bad_body("Field '" + f->name + "' is given twice");
    }
    values.push_back({f, to_column_value(t.name, *f, it.value())});
  }
  for (auto& f : t.fields) {
    if (f.type == FieldType::timestamp && f.on_update && !f.is_formula) {
      values.push_back({&f, iso_now()});
    }
  }
  auto ids = matching_ids(src, where);
  std::string sets;
  for (const auto& a : values) {
    if (!sets.empty()) sets += ", ";
    sets += quote_ident(a.field->name) + " = ?";
  }
  {
    Transaction tx(db_);
    Stmt stmt(db_.get(),
              "UPDATE " + quote_ident(t.name) + " SET " + sets + " WHERE \"PK_ID\" = ?");
    for (auto id : ids) {
      int i = 1;
      for (const auto& a : values) stmt.bind(i++, a.value);
      stmt.bind_int(i, id);
      try {
        stmt.step();
      } catch (const SqlError& e) {
        if (is_unique_violation(e)) throw duplicate_error(e, t.name);
        throw translate_sql_error(e.what());
      }
      stmt.reset();
    }
    tx.commit();
  }
  WriteResult result;
  result.affected = static_cast<std::int64_t>(ids.size());
  if (rows) result.rows_json = read_ids(src, ids);
  return result;
}

std::int64_t TableStore::remove(const Target& target, const std::string& where) {
  std::lock_guard<std::mutex> lock(mutex_);
  Source src = resolve(target);
  auto ids = matching_ids(src, where);
  Transaction tx(db_);
  Stmt stmt(db_.get(), "DELETE FROM " + quote_ident(src.table->name) + " WHERE \"PK_ID\" = ?");
  for (auto id : ids) {
    stmt.bind_int(1, id);
    stmt.step();
    stmt.reset();
  }
  tx.commit();
  return static_cast<std::int64_t>(ids.size());
}

void TableStore::load_rows(const std::string& table, const std::vector<std::string>& columns,
                           const std::function<bool(std::vector<SqlValue>&)>& next) {
  std::lock_guard<std::mutex> lock(mutex_);
  TableDef& t = table_ref(table);
  std::vector<FieldDef*> given;
  for (const auto& c : columns) {
    auto* f = t.find(c);
    if (f == nullptr) throw std::logic_error("fixture column not in table: " + c);
    given.push_back(f);
  }
  std::vector<FieldDef*> generated;
  std::vector<FieldDef*> stamped;
  for (auto& f : t.fields) {
    if (std::find(given.begin(), given.end(), &f) != given.end()) continue;
    if (is_generated(f.type)) generated.push_back(&f);
    if (f.type == FieldType::timestamp && f.on_insert && !f.is_formula) stamped.push_back(&f);
  }
  std::string cols = "\"PK_ID\"";
  std::string marks = "?";
  for (const auto* list : {&given, &generated, &stamped}) {
    for (const auto* f : *list) {
      cols += ", " + quote_ident(f->name);
      marks += ", ?";
    }
  }
  Transaction tx(db_);
  Stmt stmt(db_.get(), "INSERT INTO " + quote_ident(t.name) + " (" + cols + ") VALUES (" + marks +
                           ")");
  std::vector<SqlValue> row(columns.size());
  const std::string now = iso_now();
  while (true) {
    std::fill(row.begin(), row.end(), SqlValue{});
    if (!next(row)) break;
    int i = 1;
    stmt.bind_int(i++, ++t.last_pk);
    for (std::size_t c = 0; c < row.size(); ++c) {
      stmt.bind(i++, row[c]);
      if (given[c]->type == FieldType::autonumber) {
        if (const auto* n = std::get_if<std::int64_t>(&row[c])) {
          given[c]->counter = std::max(given[c]->counter, *n);
        }
      }
    }
    for (auto* f : generated) stmt.bind(i++, next_generated(*f));
    for (std::size_t s = 0; s < stamped.size(); ++s) stmt.bind_text(i++, now);
    stmt.step();
    stmt.reset();
  }
  tx.commit();
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
