#pragma once
// Shared by the examples: how they find the account to talk to. The README's main command starts
// caspio-mock and sets these variables from what it prints.
//
// Environment: CASPIO_REST_URL, CASPIO_TOKEN_URL, CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.

#include <caspio/caspio.hpp>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace example {

/// The value of an environment variable; throws when it is unset or empty.
inline std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') throw std::runtime_error(std::string("set ") + name);
  return value;
}

/// A client that fetches and renews its own token with the client credentials.
inline caspio::Client connect() {
  caspio::ClientOptions options;
  options.base_url = env("CASPIO_REST_URL");
  return caspio::Client{
      caspio::ClientCredentials{env("CASPIO_CLIENT_ID"), env("CASPIO_CLIENT_SECRET"),
                                env("CASPIO_TOKEN_URL")},
      options};
}

}  // namespace example
