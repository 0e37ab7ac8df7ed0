#include "commands/listing.hpp"

#include <iostream>

#include "output/record_writer.hpp"
#include "support/cli_error.hpp"
#include "support/text.hpp"

namespace caspio_cli {

std::vector<std::string> parse_field_query(const std::string& query) {
  std::vector<std::string> names;
  std::string::size_type start = 0;
  while (start <= query.size()) {
    const auto comma = query.find(',', start);
    const auto end = comma == std::string::npos ? query.size() : comma;
    const std::string name = trim(query.substr(start, end - start));
    if (!name.empty()) names.push_back(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return names;
}

void print_listing(Context& ctx, const std::vector<std::string>& columns,
                   const std::vector<nlohmann::json>& rows) {
  if (ctx.options.query.empty()) {
    print_rows(std::cout, ctx.format(), columns, rows);
    return;
  }
  // Every field the listing has: its columns, then any other key of its rows.
  std::vector<std::string> known = columns;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (const auto& item : row.items()) {
      bool seen = false;
      for (const auto& k : known) seen = seen || k == item.key();
      if (!seen) known.push_back(item.key());
    }
  }
  std::vector<std::string> chosen;
  for (const auto& wanted : parse_field_query(ctx.options.query)) {
    const std::string* match = nullptr;
    for (const auto& k : known) {
      if (iequals(k, wanted)) match = &k;
    }
    if (match == nullptr) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw CliError(exit_usage,
                     "--query: no field '" + wanted + "' in this listing (fields: " + list + ")");
    }
    chosen.push_back(*match);
  }
  if (chosen.empty()) throw CliError(exit_usage, "--query: no field named");
  std::vector<nlohmann::json> selected;
  selected.reserve(rows.size());
  for (const auto& row : rows) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& name : chosen) {
      if (row.is_object() && row.contains(name)) out[name] = row[name];
    }
    selected.push_back(std::move(out));
  }
  print_rows(std::cout, ctx.format(), chosen, selected);
}

}  // namespace caspio_cli
