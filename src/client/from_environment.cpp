// caspio::Client::from_environment: a client from CASPIO_* environment variables.
#include <cstdlib>
#include <string>
#include <vector>

#include "caspio/client.hpp"
#include "caspio/error.hpp"

namespace caspio {
namespace {

// The variable's value, "" when unset.
std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Throws InvalidArgumentError naming the unset variables among `names` (never their values).
void require(const std::vector<const char*>& names, const std::string& form) {
  std::string missing;
  for (const char* name : names) {
    if (!env(name).empty()) continue;
    if (!missing.empty()) missing += ", ";
    missing += name;
  }
  if (missing.empty()) return;
  ErrorInfo info;
  info.message = "Client::from_environment: " + form + " needs " + missing +
                 " (set CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET and CASPIO_TOKEN_URL, or "
                 "CASPIO_ACCOUNT and CASPIO_TOKEN; CASPIO_REST_URL is optional)";
  throw InvalidArgumentError(std::move(info));
}

}  // namespace

Client Client::from_environment(ClientOptions options) {
  if (options.base_url.empty()) options.base_url = env("CASPIO_REST_URL");
  const bool credentials = !env("CASPIO_CLIENT_ID").empty() ||
                           !env("CASPIO_CLIENT_SECRET").empty() || !env("CASPIO_TOKEN_URL").empty();
  if (credentials) {
    require({"CASPIO_CLIENT_ID", "CASPIO_CLIENT_SECRET", "CASPIO_TOKEN_URL"},
            "the client-credentials form");
    return Client(ClientCredentials{env("CASPIO_CLIENT_ID"), env("CASPIO_CLIENT_SECRET"),
                                    env("CASPIO_TOKEN_URL")},
                  std::move(options));
  }
  if (options.base_url.empty()) {
    require({"CASPIO_ACCOUNT", "CASPIO_TOKEN"}, "the access-token form");
  } else {
    require({"CASPIO_TOKEN"}, "the access-token form");
  }
  return Client(env("CASPIO_ACCOUNT"), env("CASPIO_TOKEN"), std::move(options));
}

}  // namespace caspio
