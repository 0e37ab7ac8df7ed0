#include "record_reader.hpp"

#include <fmt/format.h>

#include <cctype>

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

// Boundaries are remembered every kMarkEvery rows on the way to a near page; a farther one is
// found by OFFSET from the nearest boundary.
constexpr std::int64_t kMarkEvery = 1000;

bool calls_function(const std::string& sql) {
  for (std::size_t i = sql.find('('); i != std::string::npos; i = sql.find('(', i + 1)) {
    std::size_t j = i;
    while (j > 0 && std::isspace(static_cast<unsigned char>(sql[j - 1]))) --j;
    if (j > 0 && (std::isalnum(static_cast<unsigned char>(sql[j - 1])) || sql[j - 1] == '_' ||
                  sql[j - 1] == ']' || sql[j - 1] == '"')) {
      return true;
    }
  }
  return false;
}

// True for an ORDER BY of PK_ID alone, ascending (`PK_ID`, `pk_id ASC`, `"PK_ID"`, `[PK_ID]`):
// the default order, which the SDK (and most clients) send explicitly.
bool pk_order(const std::string& order_by) {
  std::string text;
  for (const char c : order_by) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') text.push_back(c);
  }
  text = ascii_lower(text);
  if (text.size() > 3 && text.compare(text.size() - 3, 3, "asc") == 0) text.resize(text.size() - 3);
  return text == "pk_id" || text == "\"pk_id\"" || text == "[pk_id]";
}

// True when a read can seek to its page by PK_ID and give exactly the rows LIMIT/OFFSET gives:
// PK order (by default or asked for), one output row per table row (no aggregate, DISTINCT or
// window), and a filter whose value cannot change between calls (no function at all, so no
// random() or getdate()).
bool seekable(const RecordQuery& q, bool star, const std::string& filter) {
  if (q.offset <= 0 || q.shuffle || !q.group_by.empty()) return false;
  if (!q.order_by.empty() && !pk_order(q.order_by)) return false;
  if (calls_function(filter)) return false;
  if (star) return true;
  return q.select.find('(') == std::string::npos &&
         ascii_lower(q.select).find("distinct") == std::string::npos;
}

}  // namespace

std::optional<std::int64_t> RecordReader::boundary(const Source& src, const std::string& filter,
                                                   std::int64_t offset) {
  PageIndex& index = src.table->pages;
  index.sync(static_cast<std::int64_t>(sqlite3_total_changes64(src.db().get())));
  const PageIndex::Mark mark = index.floor(filter, offset);
  if (mark.offset == offset) return mark.pk;
  std::string sql = "SELECT \"PK_ID\" FROM " + quote_ident(src.def().name) + " WHERE " + filter;
  if (mark.pk) sql += " AND \"PK_ID\" > " + std::to_string(*mark.pk);
  sql += " ORDER BY \"PK_ID\"";
  const std::int64_t gap = offset - mark.offset;
  if (gap > 2 * kMarkEvery) {
    // A far jump: SQLite skips rows fastest itself (once; later pages start from this mark).
    Stmt stmt =
        prepare_read(src.db().get(), sql + " LIMIT 1 OFFSET " + std::to_string(gap - 1), src.scope);
    if (!step_read(stmt)) return std::nullopt;
    index.remember(filter, offset, stmt.column_int(0));
    return stmt.column_int(0);
  }
  Stmt stmt = prepare_read(src.db().get(), sql, src.scope);
  for (std::int64_t at = mark.offset + 1; step_read(stmt); ++at) {
    const std::int64_t pk = stmt.column_int(0);
    if (at == offset) {
      index.remember(filter, offset, pk);
      return pk;
    }
    if (at % kMarkEvery == 0) index.remember(filter, at, pk);
  }
  return std::nullopt;
}

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
  std::string filter = "(" + src.condition + ")";
  if (!q.where.empty()) filter += " AND (\n" + q.where + "\n)";
  if (seekable(q, star, filter)) {
    const auto pk = boundary(src, filter, q.offset);
    if (!pk) return prefix + "[]";
    return run_read(src,
                    "SELECT " + select + from + " WHERE " + filter + " AND \"PK_ID\" > " +
                        std::to_string(*pk) + fmt::format(" ORDER BY \"PK_ID\" LIMIT {}", q.limit),
                    std::move(prefix), q.limit);
  }
  std::string sql = "SELECT " + select + from + " WHERE " + filter;
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

std::int64_t RecordReader::count(const Source& src, const RecordQuery& q) {
  bool star = q.select.empty() || q.select.find_first_not_of(" \t\r\n*") == std::string::npos;
  std::string inner = "SELECT " + (star ? std::string("1") : "\n" + q.select + "\n") + " FROM " +
                      quote_ident(src.def().name) + " WHERE (" + src.condition + ")";
  if (!q.where.empty()) inner += " AND (\n" + q.where + "\n)";
  if (!q.group_by.empty()) inner += " GROUP BY \n" + q.group_by + "\n";
  Stmt stmt = prepare_read(src.db().get(), "SELECT COUNT(*) FROM (" + inner + ")", src.scope);
  return step_read(stmt) ? stmt.column_int(0) : 0;
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
