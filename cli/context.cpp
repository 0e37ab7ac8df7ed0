#include "context.hpp"

#include <unistd.h>

#include "support/cli_error.hpp"
#include "support/verbose_log.hpp"

namespace caspio_cli {

const Settings& Context::settings() {
  if (!settings_) settings_ = resolve_settings(options.flags, options.profile);
  return *settings_;
}

caspio::ClientOptions Context::client_options() {
  caspio::ClientOptions o;
  o.base_url = settings().rest_url;
  // --timeout bounds connecting and a stalled transfer, not a whole transfer: a large file that
  // keeps moving is never cut (request_timeout stays 0, no limit).
  o.connect_timeout = std::chrono::seconds(options.timeout_seconds);
  o.stall_timeout = std::chrono::seconds(options.timeout_seconds);
  o.request_timeout = std::chrono::milliseconds(0);
  o.user_agent = std::string("caspio-cli/") + caspio::version_string + " " + o.user_agent;
  caspio::TransportOptions t;
  t.connect_timeout = o.connect_timeout;
  t.stall_timeout = o.stall_timeout;
  t.request_timeout = o.request_timeout;
  o.transport = std::make_shared<ObservingTransport>(caspio::make_curl_transport(t), meter_);
  if (options.verbose) attach_verbose_log(o);
  return o;
}

const caspio::Client& Context::client() {
  if (client_) return *client_;
  const Settings& s = settings();
  if (!complete(s)) {
    throw CliError(exit_auth,
                   "no credentials: set CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET and "
                   "CASPIO_TOKEN_URL (or CASPIO_ACCOUNT and CASPIO_TOKEN), or use --profile NAME");
  }
  if (!s.token.empty()) {
    client_.emplace(s.account, s.token, client_options());
  } else {
    const std::string token_url =
        s.token_url.empty() ? "https://" + s.account + ".caspio.com/oauth/token" : s.token_url;
    client_.emplace(caspio::ClientCredentials{s.client_id, s.client_secret, token_url},
                    client_options());
  }
  return *client_;
}

Format Context::format() const {
  return choose_format(options.format, ::isatty(STDOUT_FILENO));
}

bool Context::progress_wanted() const {
  return !options.quiet && ::isatty(STDERR_FILENO) != 0;
}

}  // namespace caspio_cli
