#include "commands/command_tree.hpp"

namespace caspio_cli {
namespace {

void collect(CLI::App& app, const std::string& path, std::vector<CommandInfo>& out) {
  CommandInfo info;
  info.path = path;
  info.description = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    OptionInfo o;
    o.description = opt->get_description();
    o.required = opt->get_required();
    o.operand = opt->get_positional() && opt->get_lnames().empty() && opt->get_snames().empty();
    if (o.operand) {
      o.names.push_back(opt->get_name(true));
    } else {
      for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    }
    if (opt->get_type_size() > 0) o.value = opt->get_type_name();
    info.options.push_back(std::move(o));
  }
  const auto subs = app.get_subcommands([](CLI::App*) { return true; });
  for (const CLI::App* sub : subs) info.subcommands.push_back(sub->get_name());
  out.push_back(std::move(info));
  for (CLI::App* sub : subs) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

}  // namespace

std::vector<CommandInfo> command_tree(CLI::App& app) {
  std::vector<CommandInfo> out;
  collect(app, "", out);
  return out;
}

std::vector<std::string> option_choices(const std::string& option) {
  if (option == "--format") return {"auto", "table", "json", "ndjson", "csv", "tsv"};
  if (option == "--line-ending") return {"crlf", "lf"};
  return {};
}

}  // namespace caspio_cli
