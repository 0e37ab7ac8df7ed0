// The seed README's utility: copyRecord (a copy of one row, with some fields changed).
//
// Environment (read by caspio::Client::from_environment): CASPIO_REST_URL, CASPIO_TOKEN_URL,
// CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

// Unique per run, so the example succeeds whatever ran before it against the same server.
std::string unique_suffix() {
  return std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

}  // namespace

int main() {
  try {
    const caspio::Client client = caspio::Client::from_environment();
    const std::string table = "Demo_Physicians";
    const std::string email = "lelah.copy." + unique_suffix() + "@example.com";

    // List fields may be overridden with their values (or their keys).
    const nlohmann::json copy = client.utils().copy_record(
        table, caspio::Where{"Email = {}", "lelah.hoppe@example.com"},
        {{"Email", email}, {"First_Name", "Lela"}, {"Specialties", {"Dermatology", "Surgery"}}});
    std::cout << "copy_record: created " << copy.at("Full_Name") << " <" << copy.at("Email")
              << ">, Specialties " << copy.at("Specialties").dump() << "\n";

    const auto removed = client.tables().delete_records(table, caspio::Where{"Email = {}", email});
    std::cout << "delete_records: removed the copy (" << removed.records_affected << ")\n";
    return removed.records_affected == 1 ? 0 : 1;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
