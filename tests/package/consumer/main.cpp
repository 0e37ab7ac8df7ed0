// A downstream program that links only the SDK: it connects from the environment (caspio-mock's
// CASPIO_* variables) and lists the demo fixture's tables.
#include <caspio/caspio.hpp>

#include <iostream>
#include <string>

int main() {
  try {
    const auto client = caspio::Client::from_environment();
    const auto tables = client.tables().listing();
    std::cout << "caspio " << caspio::version_string << ": " << tables.size() << " tables\n";
    return tables.size() == 3 && caspio::ClientOptions{}.user_agent ==
                                     std::string("caspio-cpp/") + caspio::version_string
               ? 0
               : 1;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
    return 1;
  }
}
