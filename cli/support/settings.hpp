#pragma once
/// @file
/// Where the tool's connection settings come from: flags, then the environment, then a profile.

#include <string>

namespace caspio_cli {

/// Connection settings. Secrets (`token`, `client_secret`) are never printed.
struct Settings {
  std::string account;        ///< Account ID (`c1abc123`): `https://{account}.caspio.com`.
  std::string rest_url;       ///< Resource base URL, e.g. caspio-mock's CASPIO_REST_URL.
  std::string token;          ///< An access token (used as is).
  std::string client_id;      ///< Web services profile client ID.
  std::string client_secret;  ///< Web services profile client secret.
  std::string token_url;      ///< OAuth token endpoint.
};

/// Fills every empty field of `into` from `from`.
void fill_missing(Settings& into, const Settings& from);

/// The settings the environment gives: `CASPIO_ACCOUNT`, `CASPIO_REST_URL`, `CASPIO_TOKEN`,
/// `CASPIO_CLIENT_ID`, `CASPIO_CLIENT_SECRET`, `CASPIO_TOKEN_URL`.
Settings settings_from_environment();

/// True when `s` is enough to connect: a token (with an account or a REST URL), or a client ID,
/// secret and token URL (or account).
bool complete(const Settings& s);

/// The profile file: caspio::profile_file_path(), `$XDG_CONFIG_HOME/caspio/profiles` or
/// `$HOME/.config/caspio/profiles`.
std::string profile_path();

/// Reads section `[name]` of the profile file with the SDK's caspio::read_profile (the file
/// Client::from_profile reads: INI `key = value` lines, `#` comments; keys account, rest_url,
/// token, client_id, client_secret, token_url).
/// @param name the profile to read.
/// @param required when false, a missing file or section gives empty settings.
/// @throws CliError (usage) when the file can be read by group or others (it holds secrets), is
/// not a regular file, cannot be read, has an unknown key, or (if required) lacks the profile.
Settings read_profile(const std::string& name, bool required);

/// The flags, then one other source, never a mix of them: the profile named by `profile` (or
/// CASPIO_PROFILE) as a whole when one is named (the environment is then not read); else the
/// environment when it sets any CASPIO_* connection variable; else `[default]` when the flags
/// alone are not complete.
/// @throws CliError as read_profile.
Settings resolve_settings(const Settings& flags, const std::string& profile);

}  // namespace caspio_cli
