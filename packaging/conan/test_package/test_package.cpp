// Conan test_package: builds a client and checks what the package says about itself; then reads
// tables from an emulator: caspio::mock in-process when the package has it (with_mock), and the
// caspio-mock the environment names (CASPIO_REST_URL, …) when one is set.
#include <caspio/caspio.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

#if defined(CASPIO_TEST_PACKAGE_MOCK)
#include <caspio/mock/server.hpp>
#endif

namespace {

// The demo fixture's tables include Demo_Physicians.
bool lists_demo_tables(const caspio::Client& client, const char* where) {
  const auto tables = client.tables().listing();
  std::cout << where << ": " << tables.size() << " tables\n";
  for (const auto& name : tables) {
    if (name == "Demo_Physicians") return true;
  }
  std::cerr << where << ": no Demo_Physicians table\n";
  return false;
}

}  // namespace

int main() {
  const caspio::Client offline{"c1abc123", "not-a-real-token"};
  const caspio::ClientOptions defaults;
  std::cout << "caspio " << caspio::version_string << ", " << offline.base_url() << "\n";
  bool ok = offline.base_url() == "https://c1abc123.caspio.com/rest/v2" &&
            defaults.user_agent == std::string("caspio-cpp/") + caspio::version_string;
#if defined(CASPIO_TEST_PACKAGE_MOCK)
  caspio::mock::Server mock{{}};
  const caspio::Client in_process{
      caspio::ClientCredentials{mock.client_id(), mock.client_secret(), mock.token_url()}};
  ok = lists_demo_tables(in_process, "caspio::mock") && ok;
#endif
  const char* rest_url = std::getenv("CASPIO_REST_URL");
  if (rest_url != nullptr && *rest_url != '\0') {
    ok = lists_demo_tables(caspio::Client::from_environment(), "caspio-mock") && ok;
  }
  return ok ? 0 : 1;
}
