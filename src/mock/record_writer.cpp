#include "record_writer.hpp"

#include <algorithm>

#include "call.hpp"
#include "record_reader.hpp"
#include "table_values.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

struct Assignment {
  FieldDef* field;
  SqlValue value;
};

enum class WriteKind { insert, update };

bool is_unique_violation(const SqlError& e) {
  return e.extended_code() == SQLITE_CONSTRAINT_UNIQUE ||
         e.extended_code() == SQLITE_CONSTRAINT_PRIMARYKEY;
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

// Caspio's error for a failed write.
ApiError write_error(const SqlError& e, const std::string& table) {
  if (is_unique_violation(e)) return duplicate_error(e, table);
  return sql_failure(e);
}

// The values a record body writes, checked against the table or view, plus the timestamps the
// write stamps.
std::vector<Assignment> assignments(const Source& src, const nlohmann::json& body, WriteKind kind) {
  TableDef& t = src.def();
  std::vector<Assignment> values;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (iequals(it.key(), "PK_ID")) throw bad_body("Field 'PK_ID' is read-only");
    FieldDef* f = t.find(it.key());
    if (f == nullptr || !src.knows(*f)) {
      throw ApiError(404, "FieldNotFound",
                     "Field '" + it.key() + "' was not found in '" + src.name() + "'");
    }
    if (f->read_only()) throw bad_body("Field '" + f->name + "' is read-only");
    if (kind == WriteKind::update && f->type == FieldType::password) {
      throw bad_body("Password field '" + f->name +
                     "' cannot be updated here; use the passwordFields resource");
    }
    for (const auto& a : values) {
      if (a.field == f) throw bad_body("Field '" + f->name + "' is given twice");
    }
    values.push_back({f, to_column_value(t.name, *f, it.value())});
  }
  for (auto& f : t.fields) {
    bool stamped = kind == WriteKind::insert ? f.on_insert : f.on_update;
    if (f.type == FieldType::timestamp && stamped && !f.is_formula) {
      values.push_back({&f, iso_now()});
    }
  }
  return values;
}

// `INSERT INTO t ("PK_ID", fields…) VALUES (?, …)`.
std::string insert_sql(const TableDef& t, const std::vector<const FieldDef*>& fields) {
  std::string cols = "\"PK_ID\"";
  std::string marks = "?";
  for (const auto* f : fields) {
    cols += ", " + quote_ident(f->name);
    marks += ", ?";
  }
  return "INSERT INTO " + quote_ident(t.name) + " (" + cols + ") VALUES (" + marks + ")";
}

// True when a unique violation is on a RANDOM ID or GUID value the emulator drew itself (a new
// draw can succeed).
bool random_clash(const SqlError& e, const std::vector<FieldDef*>& generated) {
  if (!is_unique_violation(e)) return false;
  const std::string msg = e.what();
  return std::any_of(generated.begin(), generated.end(), [&](const FieldDef* f) {
    return f->type != FieldType::autonumber && f->type != FieldType::prefixed_autonumber &&
           msg.size() >= f->name.size() &&
           iequals(msg.substr(msg.size() - f->name.size()), f->name);
  });
}

// Runs `sql` (one `?` per id, last) once per PK_ID in one transaction; `bind` binds the other
// values of each run.
void for_each_id(const Source& src, const std::string& sql, const std::vector<std::int64_t>& ids,
                 const std::function<int(Stmt&)>& bind) {
  Transaction tx(src.db());
  Stmt stmt(src.db().get(), sql);
  for (auto id : ids) {
    stmt.bind_int(bind(stmt), id);
    try {
      stmt.step();
    } catch (const SqlError& e) {
      throw write_error(e, src.def().name);
    }
    stmt.reset();
  }
  tx.commit();
}

}  // namespace

WriteResult RecordWriter::insert(const Source& src, const nlohmann::json& body, bool rows) {
  if (body.is_array()) throw bad_body("The body must be one record (a JSON object), not an array");
  if (!body.is_object()) throw bad_body("The body must be a JSON object");
  Table& table = *src.table;
  TableDef& t = table.def;
  const auto values = assignments(src, body, WriteKind::insert);
  std::vector<FieldDef*> generated;
  for (auto& f : t.fields) {
    if (is_generated(f.type)) generated.push_back(&f);
  }
  std::vector<const FieldDef*> fields;
  for (const auto& a : values) fields.push_back(a.field);
  fields.insert(fields.end(), generated.begin(), generated.end());
  Stmt& stmt = table.statement(insert_sql(t, fields));
  // The statement is kept for the next insert: reset whichever way this one ends.
  struct ResetAfter {
    Stmt& stmt;
    ~ResetAfter() { stmt.reset(); }
  } reset_after{stmt};
  const std::int64_t pk = ++t.last_pk;
  for (int attempt = 0;; ++attempt) {
    int i = 1;
    stmt.bind_int(i++, pk);
    for (const auto& a : values) stmt.bind(i++, a.value);
    for (auto* f : generated) stmt.bind(i++, table.generate(*f));
    try {
      stmt.step();
      break;
    } catch (const SqlError& e) {
      stmt.reset();
      if (attempt < 20 && random_clash(e, generated)) continue;
      throw write_error(e, t.name);
    }
  }
  WriteResult result;
  result.affected = 1;
  result.pk = pk;
  if (rows) result.rows_json = RecordReader::read_ids(src, {pk});
  return result;
}

WriteResult RecordWriter::update(const Source& src, const std::string& where,
                                 const nlohmann::json& body, bool rows) {
  if (!body.is_object()) throw bad_body("The body must be a JSON object");
  if (body.empty()) throw bad_body("The body names no field to update");
  const auto values = assignments(src, body, WriteKind::update);
  auto ids = RecordReader::matching_ids(src, where);
  std::string sets;
  for (const auto& a : values) {
    if (!sets.empty()) sets += ", ";
    sets += quote_ident(a.field->name) + " = ?";
  }
  for_each_id(src,
              "UPDATE " + quote_ident(src.def().name) + " SET " + sets + " WHERE \"PK_ID\" = ?",
              ids, [&](Stmt& stmt) {
                int i = 1;
                for (const auto& a : values) stmt.bind(i++, a.value);
                return i;
              });
  WriteResult result;
  result.affected = static_cast<std::int64_t>(ids.size());
  if (rows) result.rows_json = RecordReader::read_ids(src, ids);
  return result;
}

std::int64_t RecordWriter::remove(const Source& src, const std::string& where) {
  auto ids = RecordReader::matching_ids(src, where);
  for_each_id(src, "DELETE FROM " + quote_ident(src.def().name) + " WHERE \"PK_ID\" = ?", ids,
              [](Stmt&) { return 1; });
  return static_cast<std::int64_t>(ids.size());
}

std::int64_t RecordWriter::set_password(const Source& src, const std::string& field,
                                        const std::string& where,
                                        const std::optional<std::string>& value) {
  const auto* f = src.def().find(field);
  if (f == nullptr || f->type != FieldType::password) {
    throw not_found("Password field '" + field + "' not found");
  }
  if (value && value->size() > 255) throw bad_body("The password value is too long");
  auto ids = RecordReader::matching_ids(src, where);
  for_each_id(src,
              "UPDATE " + quote_ident(src.def().name) + " SET " + quote_ident(f->name) +
                  " = ? WHERE \"PK_ID\" = ?",
              ids, [&](Stmt& stmt) {
                if (value) stmt.bind_text(1, *value);
                return 2;
              });
  return static_cast<std::int64_t>(ids.size());
}

void RecordWriter::load_rows(Table& table, const std::vector<std::string>& columns,
                             const std::function<bool(std::vector<SqlValue>&)>& next) {
  TableDef& t = table.def;
  std::vector<FieldDef*> given;
  for (const auto& c : columns) {
    auto* f = t.find(c);
    if (f == nullptr) throw std::logic_error("fixture column not in table: " + c);
    given.push_back(f);
  }
  std::vector<FieldDef*> generated;
  std::vector<const FieldDef*> fields(given.begin(), given.end());
  std::size_t stamped = 0;
  for (auto& f : t.fields) {
    if (std::find(given.begin(), given.end(), &f) != given.end()) continue;
    if (is_generated(f.type)) generated.push_back(&f);
  }
  fields.insert(fields.end(), generated.begin(), generated.end());
  for (auto& f : t.fields) {
    if (std::find(given.begin(), given.end(), &f) != given.end()) continue;
    if (f.type == FieldType::timestamp && f.on_insert && !f.is_formula) {
      fields.push_back(&f);
      ++stamped;
    }
  }
  Transaction tx(table.db);
  Stmt stmt(table.db.get(), insert_sql(t, fields));
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
    for (auto* f : generated) stmt.bind(i++, table.generate(*f));
    for (std::size_t s = 0; s < stamped; ++s) stmt.bind_text(i++, now);
    stmt.step();
    stmt.reset();
  }
  tx.commit();
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
