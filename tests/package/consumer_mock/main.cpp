// A downstream program built against the installed (or build-tree) caspio CMake package: it starts
// the emulator in-process and lists its tables through the SDK.

#include <caspio/caspio.hpp>
#include <caspio/mock/server.hpp>
#include <iostream>

int main() {
  caspio::mock::Server mock{{}};
  caspio::ClientOptions options;
  options.base_url = mock.rest_url();
  const caspio::Client client(
      caspio::ClientCredentials{mock.client_id(), mock.client_secret(), mock.token_url()}, options);
  const auto tables = client.tables().listing();
  std::cout << tables.size() << " tables\n";
  return tables.size() == 3 ? 0 : 1;
}
