// Obtains an access token with client credentials, as the seed's `caspio-sdk/auth` helper does,
// then uses it with a token-only client. Never prints the token itself.
//
// Environment: CASPIO_TOKEN_URL, CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET, CASPIO_REST_URL.
#include <caspio/caspio.hpp>

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>

namespace {

// The value of an environment variable; throws when it is unset or empty.
std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') throw std::runtime_error(std::string("set ") + name);
  return value;
}

}  // namespace

int main() {
  try {
    const caspio::ClientCredentials credentials{
        env("CASPIO_CLIENT_ID"), env("CASPIO_CLIENT_SECRET"), env("CASPIO_TOKEN_URL")};
    const caspio::TokenResponse token = caspio::fetch_access_token(credentials);
    std::cout << "fetch_access_token: token_type=" << token.token_type
              << " expires_in=" << token.expires_in.count() << "s"
              << " refresh_token=" << (token.refresh_token.empty() ? "absent" : "present") << "\n";

    caspio::ClientOptions options;
    options.base_url = env("CASPIO_REST_URL");
    const caspio::Client client{"", token.access_token, options};
    std::cout << "tables visible with that token: " << client.tables().listing().size() << "\n";
    return 0;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
