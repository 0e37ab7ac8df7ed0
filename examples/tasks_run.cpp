// The seed README's task methods: listing, propertiesByName, propertiesByKey, runByName, runByKey.
//
// Environment (read by caspio::Client::from_environment): CASPIO_REST_URL, CASPIO_TOKEN_URL,
// CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

int main() {
  try {
    const caspio::Client client = caspio::Client::from_environment();
    const caspio::Tasks tasks = client.tasks();
    const std::string name = "Demo_Physicians_Export";

    const auto list = tasks.listing();
    std::cout << "listing: " << list.size() << " tasks\n";
    for (const auto& t : list) std::cout << "  " << t.name << " (" << t.status << ")\n";

    const caspio::TaskInfo task = tasks.properties_by_name(name);
    std::cout << "properties_by_name: " << nlohmann::json(task).dump() << "\n";
    std::cout << "properties_by_key: " << tasks.properties_by_key(task.external_key).frequency
              << "\n";

    tasks.run_by_name(name);
    std::cout << "run_by_name: started '" << name << "'\n";
    tasks.run_by_key(task.external_key);
    std::cout << "run_by_key: started " << task.external_key << "\n";
    const auto after = tasks.properties_by_key(task.external_key);
    std::cout << "last run (UTC): " << after.last_run_time_utc.value_or("never") << "\n";

    try {
      tasks.run_by_name("No_Such_Task");
      std::cerr << "an unknown task ran\n";
      return 1;
    } catch (const caspio::NotFoundError& e) {
      std::cout << "run_by_name(No_Such_Task): " << e.what() << "\n";
    }
    return 0;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
