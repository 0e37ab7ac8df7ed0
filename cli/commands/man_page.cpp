// `caspio man`: the manual page (roff, section 1), generated from the command tree's help.
#include <cstdio>
#include <iostream>
#include <sstream>

#include <caspio/version.hpp>

#include "commands/command_tree.hpp"
#include "commands/commands.hpp"

namespace caspio_cli {
namespace {

// Text escaped for roff: backslashes, hyphens, a leading dot or quote, and every non-ASCII
// character (UTF-8, e.g. the ellipsis of the help texts) as its \[uXXXX] escape.
std::string roff(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      unsigned code = c & (extra == 3 ? 0x07u : extra == 2 ? 0x0Fu : 0x1Fu);
      for (int k = 0; k < extra && i + 1 < text.size(); ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3Fu);
      }
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", code);
      out += extra == 0 ? std::string("?") : std::string(escape);
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

void write_options(std::ostream& out, const std::vector<OptionInfo>& options) {
  for (const auto& o : options) {
    std::string names;
    for (const auto& n : o.names)
      names += (names.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
    if (o.operand) names = "\\fI" + roff(o.names.front()) + "\\fR";
    if (!o.operand && !o.value.empty()) names += " \\fI" + roff(o.value) + "\\fR";
    out << ".TP\n"
        << names << "\n"
        << roff(o.description) << (o.required ? " (required)" : "") << "\n";
  }
}

}  // namespace

std::string man_page(CLI::App& root) {
  const auto tree = command_tree(root);
  // "caspio: export, import …" -> "export, import …" for the NAME line.
  const std::string description = root.get_description();
  const auto colon = description.find(": ");
  const std::string summary =
      colon == std::string::npos ? description : description.substr(colon + 2);
  std::ostringstream out;
  out << ".TH CASPIO 1 \"\" \"caspio " << caspio::version_string << "\" \"User Commands\"\n"
      << ".SH NAME\ncaspio \\- " << roff(summary) << "\n"
      << ".SH SYNOPSIS\n.B caspio\n[\\fIGLOBAL OPTIONS\\fR] \\fINOUN VERB\\fR [\\fIARGS\\fR] "
         "[\\fIOPTIONS\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roff(root.get_description()) << ".\nGlobal options may come before or after the "
      << "command. Generated from \\fBcaspio \\-\\-help\\fR; see also docs/cli.md.\n"
      << ".SH GLOBAL OPTIONS\n";
  write_options(out, tree.front().options);
  out << ".SH COMMANDS\n";
  for (std::size_t i = 1; i < tree.size(); ++i) {
    const CommandInfo& c = tree[i];
    std::string usage = "caspio " + c.path;
    for (const auto& o : c.options) {
      if (o.operand) usage += " " + o.names.front();
    }
    if (!c.subcommands.empty()) usage += " COMMAND";
    out << ".SS \"" << roff(usage) << "\"\n" << roff(c.description) << "\n";
    write_options(out, c.options);
  }
  out << ".SH ENVIRONMENT AND EXIT STATUS\n"
      << roff(root.get_footer()) << "\n"
      << ".SH FILES\n.TP\n\\fI$XDG_CONFIG_HOME/caspio/profiles\\fR, "
         "\\fI~/.config/caspio/profiles\\fR\nProfiles of connection settings (INI; must be "
         "readable by its owner only).\n"
      << ".SH SEE ALSO\n\\fBcaspio\\-mock\\fR(1), \\fBcurl\\fR(1)\n";
  return out.str();
}

void add_man_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("man", "Print the manual page (roff): caspio man | man -l -");
  on_run(cmd, ctx, [&app] {
    std::cout << man_page(app);
    return exit_ok;
  });
}

}  // namespace caspio_cli
