// The seed README's task methods: listing, propertiesByName, propertiesByKey, runByName, runByKey.
//
// Environment: CASPIO_REST_URL, CASPIO_TOKEN_URL, CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') throw std::runtime_error(std::string("set ") + name);
  return value;
}

caspio::Client connect() {
  caspio::ClientOptions options;
  options.base_url = env("CASPIO_REST_URL");
  return caspio::Client{
      caspio::ClientCredentials{env("CASPIO_CLIENT_ID"), env("CASPIO_CLIENT_SECRET"),
                                env("CASPIO_TOKEN_URL")},
      options};
}

}  // namespace

int main() {
  try {
    const caspio::Client caspio = connect();
    const caspio::Tasks tasks = caspio.tasks();
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
