#pragma once
/// @file
/// Printing a listing (tables, views, fields, files, tasks, apps, DataPages) with the global
/// `--query FIELDS` field selection applied.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"

namespace caspio_cli {

/// The fields `--query` names: a comma-separated list, blanks around names ignored, empty names
/// dropped ("Name, Status" -> {"Name", "Status"}).
std::vector<std::string> parse_field_query(const std::string& query);

/// Prints `rows` with `columns` to stdout in the chosen format; with `--query`, only the fields
/// it names, in its order (names match ignoring case, the listing's spelling is printed).
/// @throws CliError (usage) for a `--query` field the listing does not have, naming those it has.
void print_listing(Context& ctx, const std::vector<std::string>& columns,
                   const std::vector<nlohmann::json>& rows);

}  // namespace caspio_cli
