#include "output/format.hpp"

#include "support/cli_error.hpp"

namespace caspio_cli {

Format choose_format(const std::string& name, bool stdout_is_terminal) {
  if (name.empty() || name == "auto") return stdout_is_terminal ? Format::table : Format::json;
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "ndjson") return Format::ndjson;
  if (name == "csv") return Format::csv;
  if (name == "tsv") return Format::tsv;
  throw CliError(exit_usage, "unknown format '" + name + "' (table, json, ndjson, csv or tsv)");
}

const char* to_string(Format format) noexcept {
  switch (format) {
    case Format::table:
      return "table";
    case Format::json:
      return "json";
    case Format::ndjson:
      return "ndjson";
    case Format::csv:
      return "csv";
    case Format::tsv:
      return "tsv";
  }
  return "json";
}

}  // namespace caspio_cli
