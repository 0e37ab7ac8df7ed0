// Conan test_package: builds a client without touching the network and checks what the package
// says about itself.
#include <caspio/caspio.hpp>

#include <iostream>
#include <string>

int main() {
  const caspio::Client client{"c1abc123", "not-a-real-token"};
  const caspio::ClientOptions defaults;
  std::cout << "caspio " << caspio::version_string << ", " << client.base_url() << "\n";
  const bool ok = client.base_url() == "https://c1abc123.caspio.com/rest/v2" &&
                  defaults.user_agent == std::string("caspio-cpp/") + caspio::version_string;
  return ok ? 0 : 1;
}
