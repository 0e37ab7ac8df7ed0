#pragma once
/// @file
/// Output formats and how `--format` picks one.

#include <string>

namespace caspio_cli {

/// How results are written.
enum class Format {
  table,   ///< Aligned columns for people.
  json,    ///< One JSON array (or object), one record per line.
  ndjson,  ///< One JSON object per line.
  csv,     ///< RFC 4180 CSV with a header row.
  tsv,     ///< The same with tabs between the fields.
};

/// The format `--format` names ("table", "json", "ndjson", "csv", "tsv"), or for "auto" (and ""):
/// table when stdout is a terminal, JSON otherwise.
/// @throws CliError (usage) for another name.
Format choose_format(const std::string& name, bool stdout_is_terminal);

/// The format's name.
const char* to_string(Format format) noexcept;

}  // namespace caspio_cli
