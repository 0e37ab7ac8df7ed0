// The seed README's table record methods: reads (paginated, all, lazy, to a file), create,
// update, password values and delete, on the demo app's Demo_Users table.
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
    const caspio::Tables tables = client.tables();

    // getRecordsPaginated: one request, exactly these q.* parameters.
    const auto page = tables.get_records_paginated("Demo_Users", caspio::Query{}
                                                                     .select("Email, Role")
                                                                     .where("Name LIKE {}", "%ed%")
                                                                     .order_by("Email")
                                                                     .limit(100));
    std::cout << "get_records_paginated(Demo_Users, Name LIKE '%ed%'): " << page.size()
              << " rows\n";
    for (const auto& row : page) std::cout << "  " << row.dump() << "\n";

    // getRecords: every matching row, paged 1000 at a time behind the scenes.
    const auto active =
        tables.get_records("Demo_Users", caspio::Query{}.where("Active = {}", true));
    std::cout << "get_records(Demo_Users, Active = 1): " << active.size() << " rows\n";

    // records(): the same, lazily, one page in memory.
    std::size_t admins = 0;
    for (const auto& row : tables.records("Demo_Users", caspio::Query{}.select("Role"))) {
      if (row.get_optional<std::string>("Role") == "Admin") ++admins;
    }
    std::cout << "records(Demo_Users): " << admins << " admins\n";

    // getRecordsStreamToFile: one JSON array, PK_ID removed, written atomically.
    const auto written =
        tables.get_records_stream_to_file("Demo_Users", {}, "StreamedDemoUsers.json");
    std::cout << "get_records_stream_to_file(Demo_Users): " << written
              << " rows to StreamedDemoUsers.json\n";

    // createRecord with { row: true }.
    const std::string email = "osment." + unique_suffix() + "@example.com";
    const auto created = tables.create_record("Demo_Users", {{"Name", "Osment"}, {"Email", email}},
                                              caspio::ReturnRows::yes);
    std::cout << "create_record: status " << created.status << ", created "
              << (created.rows.empty() ? std::string("(no row)") : created.rows.front().dump())
              << "\n";

    // updateRecords with { rows: true }; values are quoted by Where, never pasted.
    const caspio::Where by_email("Email = {}", email);
    const auto updated = tables.update_records("Demo_Users", by_email, {{"Name", "Eddy O'Brien"}},
                                               caspio::ReturnRows::yes);
    std::cout << "update_records: " << updated.records_affected << " record(s) affected, name now "
              << updated.rows.at(0).at("Name") << "\n";

    // passwordFields, updatePasswordFieldValue, deletePasswordFieldValue.
    const auto passwords = tables.password_fields("Demo_Users");
    std::cout << "password_fields(Demo_Users): " << passwords.size() << " field(s)\n";
    const auto set =
        tables.update_password_field_value("Demo_Users", "Password", "myPassword!", by_email);
    std::cout << "update_password_field_value: " << set.records_affected << " record(s)\n";
    const auto cleared = tables.delete_password_field_value("Demo_Users", "Password", by_email);
    std::cout << "delete_password_field_value: " << cleared.records_affected << " record(s)\n";

    // deleteRecords.
    const auto deleted = tables.delete_records("Demo_Users", by_email);
    std::cout << "delete_records: " << deleted.records_affected << " record(s) deleted\n";
    if (created.rows.size() != 1 || updated.records_affected != 1 ||
        deleted.records_affected != 1 || set.records_affected != 1 ||
        cleared.records_affected != 1) {
      std::cerr << "unexpected counts\n";
      return 1;
    }
    return 0;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
