#pragma once
/// @file
/// What every command shares: the global options, the client, the output format, progress.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <caspio/caspio.hpp>

#include "output/format.hpp"
#include "output/progress.hpp"
#include "support/observing_transport.hpp"
#include "support/settings.hpp"

namespace caspio_cli {

/// Options accepted before or after any command.
struct GlobalOptions {
  std::string format = "auto";  ///< --format: auto, table, json, ndjson, csv.
  bool quiet = false;           ///< --quiet: no progress line, no summary on stderr.
  bool verbose = false;         ///< --verbose: each request on stderr.
  std::string profile;          ///< --profile NAME.
  std::string query;            ///< --query FIELDS: the fields a listing prints.
  Settings flags;               ///< --account, --rest-url, --client-id, … as given.
  int timeout_seconds = 60;     ///< --timeout: connect and stall limit of each HTTP request.
};

/// The state of one run: options, the lazily made client, and the action the chosen command set.
class Context {
 public:
  /// Global options as parsed.
  GlobalOptions options;
  /// What the chosen command does; returns the exit code.
  std::function<int()> action;

  /// The client, made on first use from the resolved settings.
  /// @throws CliError (auth) when no credentials are given; CliError for a refused profile file.
  const caspio::Client& client();
  /// The output format `--format` chose (auto: table on a terminal, JSON otherwise).
  Format format() const;
  /// True when `--format` was given explicitly (not auto).
  bool format_given() const { return !options.format.empty() && options.format != "auto"; }
  /// True when a progress line may be drawn: stderr is a terminal and not --quiet.
  bool progress_wanted() const;
  /// Byte counts of file transfers (set on_bytes to follow them).
  TransferMeter& transfers() { return *meter_; }
  /// The settings in effect (resolved on first use).
  const Settings& settings();
  /// Client options matching the global options (timeouts, transport, observer).
  caspio::ClientOptions client_options();

 private:
  std::optional<Settings> settings_;
  std::optional<caspio::Client> client_;
  std::shared_ptr<TransferMeter> meter_ = std::make_shared<TransferMeter>();
};

}  // namespace caspio_cli
