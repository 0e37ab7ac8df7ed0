// The seed README's view methods: listing, description, getRecordsPaginated, getRecords,
// getRecordsStreamToFile, createRecord, updateRecords, deleteRecords.
//
// Environment (read by caspio::Client::from_environment): CASPIO_REST_URL, CASPIO_TOKEN_URL,
// CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

int main() {
  try {
    const caspio::Client client = caspio::Client::from_environment();
    const caspio::Views views = client.views();
    const std::string view = "Demo_Physicians_Active";

    const auto names = views.listing();
    std::cout << "listing: " << names.size() << " views\n";
    std::cout << "description: " << nlohmann::json(views.description(view)).dump() << "\n";

    const auto page = views.get_records_paginated(view, caspio::Query{}
                                                            .select("First_Name, Last_Name, Email")
                                                            .order_by("Last_Name")
                                                            .page_size(5)
                                                            .page_number(1));
    std::cout << "get_records_paginated(page 1 of 5): " << page.size() << " rows\n";

    const auto in_michigan = views.get_records(
        view, caspio::Query{}.select("Full_Name").where("Office_State = {}", "MI"));
    std::cout << "get_records(Office_State = 'MI'): " << in_michigan.size() << " rows\n";

    const auto written = views.get_records_stream_to_file(view, {}, "Demo_Physicians_Active.json");
    std::cout << "get_records_stream_to_file: " << written << " rows\n";

    // One record that stays in the view and one that its filter (Account_Status) hides.
    const std::string stamp =
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    const std::string good = "oscar." + stamp + "@example.com";
    const std::string bad = "jim." + stamp + "@example.com";
    const auto shown = views.create_record(view,
                                           {{"First_Name", "Oscar"},
                                            {"Last_Name", "Martinez"},
                                            {"Email", good},
                                            {"Account_Status", true}},
                                           caspio::ReturnRows::yes);
    const auto hidden = views.create_record(view,
                                            {{"First_Name", "Jim"},
                                             {"Last_Name", "Halpert"},
                                             {"Email", bad},
                                             {"Account_Status", false}},
                                            caspio::ReturnRows::yes);
    std::cout << "create_record: visible row returned: " << (shown.rows.empty() ? "no" : "yes")
              << "; filtered-out row returned: " << (hidden.rows.empty() ? "no" : "yes") << "\n";

    const auto updated = views.update_records(view, caspio::Where("Email = {}", good),
                                              {{"Profile_Status", false}}, caspio::ReturnRows::yes);
    std::cout << "update_records: " << updated.records_affected << " record(s) affected\n";

    const auto deleted = views.delete_records(view, caspio::Where("Email = {}", good));
    std::cout << "delete_records: " << deleted.records_affected << " record(s) deleted\n";
    // The hidden row lives in the table only; remove it there.
    const auto cleanup =
        client.tables().delete_records("Demo_Physicians", caspio::Where("Email = {}", bad));
    std::cout << "cleanup through Demo_Physicians: " << cleanup.records_affected << " record(s)\n";

    const bool ok = shown.rows.size() == 1 && hidden.rows.empty() &&
                    updated.records_affected == 1 && deleted.records_affected == 1 &&
                    cleanup.records_affected == 1;
    return ok ? 0 : 1;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
