#include "commands/record_source.hpp"

#include <algorithm>

#include "output/columns.hpp"
#include "support/text.hpp"

namespace caspio_cli {

void add_query_options(CLI::App* command, QueryOptions& q, bool with_limit) {
  command->add_option("--select", q.select, "Fields to return, in output order (q.select)");
  command->add_option("--where", q.where, "Filter, e.g. \"Office_State = 'MI'\" (q.where)");
  command->add_option("--order-by", q.order_by, "Order, e.g. \"Last_Name DESC\" (q.orderBy)");
  if (with_limit) {
    command->add_option("--limit", q.limit, "Return at most N rows")->check(CLI::PositiveNumber);
  }
}

caspio::Query to_query(const QueryOptions& q) {
  caspio::Query query;
  if (!q.select.empty()) query.select(q.select);
  if (!q.where.empty()) query.where(caspio::Where::raw(q.where));
  if (!q.order_by.empty()) query.order_by(q.order_by);
  if (q.limit >= 5 && q.limit < 1000) query.page_size(q.limit);
  return query;
}

caspio::RecordRange open_records(const caspio::Client& client, SourceKind kind,
                                 const std::string& name, const caspio::Query& query) {
  return kind == SourceKind::table ? client.tables().records(name, query)
                                   : client.views().records(name, query);
}

std::vector<std::string> preferred_columns(const caspio::Client& client, SourceKind kind,
                                           const std::string& name, const QueryOptions& q) {
  std::vector<std::string> names = to_query(q).select_names();
  if (!names.empty()) return names;
  if (kind == SourceKind::table) {
    for (const auto& field : client.tables().definition(name)) {
      if (field.type != "PASSWORD") names.push_back(field.name);  // never returned by reads
    }
  }
  return names;
}

std::optional<std::uint64_t> count_records(const caspio::Client& client, SourceKind kind,
                                           const std::string& name, const QueryOptions& q) {
  caspio::Query query;
  query.select("COUNT(*) AS caspio_cli_count");
  if (!q.where.empty()) query.where(caspio::Where::raw(q.where));
  try {
    const auto rows = kind == SourceKind::table ? client.tables().get_records_paginated(name, query)
                                                : client.views().get_records_paginated(name, query);
    if (rows.size() == 1 && rows[0].has("caspio_cli_count") &&
        rows[0]["caspio_cli_count"].kind() == caspio::ValueKind::integer) {
      return rows[0].get<std::uint64_t>("caspio_cli_count");
    }
  } catch (const caspio::Error&) {
  }
  return std::nullopt;
}

SourceKind resolve_kind(const caspio::Client& client, const std::string& name) {
  const auto has = [&name](const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(),
                       [&name](const std::string& n) { return iequals(n, name); });
  };
  if (has(client.tables().listing())) return SourceKind::table;
  if (has(client.views().listing())) return SourceKind::view;
  caspio::ErrorInfo info;
  info.code = "NameNotFound";
  info.message = "no table or view is named '" + name + "'";
  throw caspio::NotFoundError(info);
}

}  // namespace caspio_cli
