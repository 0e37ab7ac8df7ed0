#pragma once
/// @file
/// Streaming records out: `records get` to stdout, `export` to a file or stdout.

#include <string>

#include "commands/record_source.hpp"
#include "context.hpp"

namespace caspio_cli {

/// Writes the records of `name` to stdout in the chosen format, stopping after `q.limit` rows.
int run_records_get(Context& ctx, SourceKind kind, const std::string& name, const QueryOptions& q);

/// Streams the records of `name` (PK_ID left out) to `path` ("-" or "" for stdout) as JSON,
/// NDJSON or CSV (`--format`, else the file's extension, else JSON), with a progress line. A file
/// appears only when complete; on failure or Ctrl-C nothing is left.
int run_export(Context& ctx, SourceKind kind, const std::string& name, const QueryOptions& q,
               const std::string& path);

/// Adds `export NAME [-o FILE] [--select …] [--where …] [--order-by …]` under `group`.
void add_export_command(CLI::App* group, Context& ctx, SourceKind kind);

}  // namespace caspio_cli
