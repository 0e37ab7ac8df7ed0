#pragma once
/// @file
/// Profiles: named connection settings in a private file, shared by Client::from_profile and the
/// `caspio` command-line tool.
///
/// The file is `$XDG_CONFIG_HOME/caspio/profiles` (else `$HOME/.config/caspio/profiles`), INI
/// style: `[name]` starts a profile, then `key = value` lines with the keys `account`,
/// `rest_url`, `token`, `client_id`, `client_secret`, `token_url`; blank lines and lines starting
/// with `#` or `;` are ignored. It holds secrets, so it must be a regular file (not a symbolic
/// link) that only its owner can read or write (`chmod 600`).

#include <optional>
#include <string>

#include "caspio/export.hpp"

namespace caspio {

/// The settings of one profile; a key the profile does not set is "". `token` and
/// `client_secret` are secrets: never print them.
struct CASPIO_EXPORT Profile {
  std::string account;        ///< Account ID (`c1abc123`): `https://{account}.caspio.com`.
  std::string rest_url;       ///< Resource base URL (ClientOptions::base_url).
  std::string token;          ///< An access token, sent as it is.
  std::string client_id;      ///< Web services profile client ID.
  std::string client_secret;  ///< Web services profile client secret.
  std::string token_url;      ///< OAuth token endpoint.
};

/// The profile file's path: `$XDG_CONFIG_HOME/caspio/profiles` when XDG_CONFIG_HOME is an
/// absolute path, else `$HOME/.config/caspio/profiles`. Never throws except std::bad_alloc.
CASPIO_EXPORT std::string profile_file_path();

/// Reads profile `[name]` of the profile file at `path`.
/// @return the profile, or std::nullopt when the file does not exist or has no `[name]`.
/// @throws InvalidArgumentError when the file is a symbolic link or not a regular file, group or
/// others may access it (the message says to `chmod 600`), it cannot be read, or a line of the
/// profile is not `key = value` with a known key. Messages name the file and line, never a value.
CASPIO_EXPORT std::optional<Profile> read_profile(const std::string& name,
                                                  const std::string& path = profile_file_path());

}  // namespace caspio
