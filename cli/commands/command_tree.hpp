#pragma once
/// @file
/// The tool's CLI11 command tree, flattened: what completion scripts and the man page are
/// generated from, so that they follow the commands as they are.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace caspio_cli {

/// One option or operand of a command.
struct OptionInfo {
  std::vector<std::string> names;  ///< "-o", "--output"; for an operand its name ("TABLE").
  std::string description;         ///< The help text.
  std::string value;               ///< The value's type name ("TEXT", "INT"); "" for a flag.
  bool operand = false;            ///< A positional argument.
  bool required = false;           ///< Must be given.
};

/// One command: the root (path "") or a subcommand ("tables", "tables export").
struct CommandInfo {
  std::string path;                      ///< The words that choose it, "" for the root.
  std::string description;               ///< Its help text.
  std::vector<std::string> subcommands;  ///< The names of its subcommands, in help order.
  std::vector<OptionInfo> options;       ///< Its own options and operands (help included).
};

/// Every command of `app` with its options, depth first, the root first.
std::vector<CommandInfo> command_tree(CLI::App& app);

/// The words a value of `option` may take when its check lists them (e.g. `--format`), or none.
std::vector<std::string> option_choices(const std::string& option);

}  // namespace caspio_cli
