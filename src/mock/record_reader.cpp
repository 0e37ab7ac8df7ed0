#include "record_reader.hpp"

#include <fmt/format.h>

#include "call.hpp"
#include "table_values.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

// Steps a read; run-time SQL errors (e.g. a bad cast) answer as SqlServerError.
bool step_read(Stmt& stmt) {
  try {
    return stmt.step();
  } catch (const SqlError& e) {
    throw sql_failure(e);
  }
}

std::string default_select(const std::vector<const FieldDef*>& visible) {
  std::string sql = "\"PK_ID\"";
  for (const auto* f : visible) sql += ", " + quote_ident(f->name);
  return sql;
}

/// How one result column is written: its `"key":` text and how its values render.
struct OutColumn {
  std::string key;
  RenderKind kind = RenderKind::raw;
  const FieldDef* field = nullptr;
};

std::vector<OutColumn> out_columns(const Source& src, const Stmt& stmt) {
  std::vector<OutColumn> columns;
  const int count = stmt.column_count();
  for (int i = 0; i < count; ++i) {
    OutColumn c;
    const char* name = sqlite3_column_name(stmt.get(), i);
    append_json_string(c.key, name ? name : "");
    c.key += ':';
    const char* origin = sqlite3_column_origin_name(stmt.get(), i);
    const char* table = sqlite3_column_table_name(stmt.get(), i);
    if (origin != nullptr && table != nullptr && iequals(table, src.def().name)) {
      if (iequals(origin, "PK_ID")) {
        c.kind = src.view ? RenderKind::pk_string : RenderKind::pk;
      } else if ((c.field = src.def().find(origin)) != nullptr) {
        c.kind = RenderKind::field;
      }
    }
    columns.push_back(std::move(c));
  }
  return columns;
}

}  // namespace

std::string RecordReader::run_read(const Source& src, const std::string& sql, std::string out,
                                   std::int64_t expected_rows) {
  Stmt stmt = prepare_read(src.db().get(), sql, src.scope);
  const auto columns = out_columns(src, stmt);
  out += '[';
  bool first_row = true;
  while (step_read(stmt)) {
    const std::size_t row_start = out.size();
    out += first_row ? "{" : ",{";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i != 0) out += ',';
      out += columns[i].key;
      append_value(out, stmt.get(), static_cast<int>(i), columns[i].kind, columns[i].field);
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

std::string RecordReader::read(const Source& src, const RecordQuery& q, std::string prefix) {
  for (const auto* fragment : {&q.select, &q.where, &q.group_by, &q.order_by}) {
    if (!fragment->empty()) check_fragment(*fragment);
  }
  sqlite3* db = src.db().get();
  const std::string from = " FROM " + quote_ident(src.def().name);
  if (!q.where.empty()) {
    prepare_read(db, "SELECT 1" + from + " WHERE (\n" + q.where + "\n)", src.scope);
  }
  bool star = q.select.empty() || q.select.find_first_not_of(" \t\r\n*") == std::string::npos;
  std::string select = star ? default_select(src.visible) : "\n" + q.select + "\n";
  if (!star) prepare_read(db, "SELECT" + select + from, src.scope, 500);
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

std::vector<std::int64_t> RecordReader::matching_ids(const Source& src, const std::string& where) {
  check_fragment(where);
  Stmt stmt = prepare_read(src.db().get(),
                           "SELECT \"PK_ID\" FROM " + quote_ident(src.def().name) + " WHERE (" +
                               src.condition + ") AND (\n" + where + "\n) ORDER BY \"PK_ID\"",
                           src.scope);
  std::vector<std::int64_t> ids;
  while (step_read(stmt)) ids.push_back(stmt.column_int(0));
  return ids;
}

std::string RecordReader::read_ids(const Source& src, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return "[]";
  std::string list;
  for (auto id : ids) {
    if (!list.empty()) list += ',';
    list += std::to_string(id);
  }
  return run_read(src,
                  "SELECT " + default_select(src.visible) + " FROM " + quote_ident(src.def().name) +
                      " WHERE (" + src.condition + ") AND \"PK_ID\" IN (" + list +
                      ") ORDER BY \"PK_ID\"",
                  {}, static_cast<std::int64_t>(ids.size()));
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
