#include "support/settings.hpp"

#include <fmt/format.h>
#include <cstdlib>
#include <optional>

#include <caspio/error.hpp>
#include <caspio/profile.hpp>

#include "support/cli_error.hpp"

namespace caspio_cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// True when any field of `s` is set.
bool any_set(const Settings& s) {
  for (auto member : {&Settings::account, &Settings::rest_url, &Settings::token,
                      &Settings::client_id, &Settings::client_secret, &Settings::token_url}) {
    if (!(s.*member).empty()) return true;
  }
  return false;
}

}  // namespace

void fill_missing(Settings& into, const Settings& from) {
  for (auto member : {&Settings::account, &Settings::rest_url, &Settings::token,
                      &Settings::client_id, &Settings::client_secret, &Settings::token_url}) {
    if ((into.*member).empty()) into.*member = from.*member;
  }
}

Settings settings_from_environment() {
  Settings s;
  s.account = env("CASPIO_ACCOUNT");
  s.rest_url = env("CASPIO_REST_URL");
  s.token = env("CASPIO_TOKEN");
  s.client_id = env("CASPIO_CLIENT_ID");
  s.client_secret = env("CASPIO_CLIENT_SECRET");
  s.token_url = env("CASPIO_TOKEN_URL");
  return s;
}

bool complete(const Settings& s) {
  if (!s.token.empty()) return !s.account.empty() || !s.rest_url.empty();
  return !s.client_id.empty() && !s.client_secret.empty() &&
         (!s.token_url.empty() || !s.account.empty());
}

std::string profile_path() {
  return caspio::profile_file_path();
}

Settings read_profile(const std::string& name, bool required) {
  const std::string path = profile_path();
  std::optional<caspio::Profile> p;
  try {
    p = caspio::read_profile(name, path);
  } catch (const caspio::InvalidArgumentError& e) {
    throw CliError(exit_usage, e.what());
  }
  if (!p) {
    if (!required) return {};
    throw CliError(exit_usage, fmt::format("no profile [{}] in {}", name, path));
  }
  Settings s;
  s.account = p->account;
  s.rest_url = p->rest_url;
  s.token = p->token;
  s.client_id = p->client_id;
  s.client_secret = p->client_secret;
  s.token_url = p->token_url;
  return s;
}

Settings resolve_settings(const Settings& flags, const std::string& profile) {
  // One source besides the flags, never a mix: a named profile as a whole, else the environment
  // as a whole, else [default]. (A CASPIO_TOKEN_URL left from caspio-mock must not send a
  // profile's secret to the emulator.)
  Settings s = flags;
  const std::string named = profile.empty() ? env("CASPIO_PROFILE") : profile;
  if (!named.empty()) {
    fill_missing(s, read_profile(named, true));
    return s;
  }
  const Settings environment = settings_from_environment();
  if (any_set(environment)) {
    fill_missing(s, environment);
  } else if (!complete(s)) {
    fill_missing(s, read_profile("default", false));
  }
  return s;
}

}  // namespace caspio_cli
