// A downstream unit test built only against the installed package: the public fake transport
// answers, and records what the SDK sent.
#include <caspio/caspio.hpp>
#include <caspio/testing/fake_transport.hpp>

#include <iostream>
#include <memory>

int main() {
  auto fake = std::make_shared<caspio::testing::FakeTransport>();
  fake->push(200, R"({"Result":["Demo_Users","Orders"]})");
  caspio::ClientOptions options;
  options.transport = fake;
  const caspio::Client client{"c1abc123", "test-token", options};
  const auto names = client.tables().listing();
  const auto sent = fake->requests();
  const bool ok = names.size() == 2 && names[1] == "Orders" && sent.size() == 1 &&
                  sent[0].url == "https://c1abc123.caspio.com/rest/v2/tables" &&
                  caspio::testing::header_of(sent[0], "Authorization") == "Bearer test-token";
  std::cout << "FakeTransport: " << sent.size() << " request, " << names.size() << " names\n";
  return ok ? 0 : 1;
}
