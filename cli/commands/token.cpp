// `caspio token`: an access token for curl users, with a warning that it is a secret.
#include <iostream>

#include "commands/commands.hpp"

namespace caspio_cli {

void add_token_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "token",
      "Print an access token (a secret: pipe it, never put it on a command line: caspio token | "
      "sed 's/^/Authorization: Bearer /' | curl -H @- URL)");
  on_run(cmd, ctx, [&ctx] {
    const Settings& s = ctx.settings();
    std::string token = s.token;
    std::string lifetime;
    if (token.empty()) {
      ctx.client();  // refuses missing credentials as every command does
      const std::string token_url =
          s.token_url.empty() ? "https://" + s.account + ".caspio.com/oauth/token" : s.token_url;
      const caspio::TokenResponse r = caspio::fetch_access_token(
          {s.client_id, s.client_secret, token_url}, ctx.client_options());
      token = r.access_token;
      lifetime = " It expires in " + std::to_string(r.expires_in.count()) + " s.";
    } else {
      ctx.client();
    }
    std::cerr << "caspio: warning: this access token is a secret: whoever holds it can read and "
                 "change the account's data. Do not log it or share it."
              << lifetime << "\n";
    std::cout << token << "\n";
    return exit_ok;
  });
}

}  // namespace caspio_cli
