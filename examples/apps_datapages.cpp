// The seed README's application and DataPage methods: listing, propertiesByName/Key,
// dpPropertiesBy*, dpDeployCodeBy*, dpDeployBy*, dpDisableBy*, dpDeployAllBy*, dpDisableAllBy*.
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
    const caspio::Apps apps = client.apps();
    const std::string app = "Demo - Physician Directory - Caspio SDK";
    const std::string page = "Physician Registration";

    const auto list = apps.listing();
    std::cout << "listing: " << list.size() << " applications\n";
    for (const auto& a : list) std::cout << "  " << nlohmann::json(a).dump() << "\n";

    const caspio::AppInfo info = apps.properties_by_name(app);
    std::cout << "properties_by_name: " << info.external_key << ", " << info.data_pages_count
              << " DataPages\n";
    std::cout << "properties_by_key: " << apps.properties_by_key(info.external_key).app_name
              << "\n";

    const auto pages = apps.dp_properties_by_app_name(app);
    std::cout << "dp_properties_by_app_name: " << pages.size() << " DataPages\n";
    std::cout << "dp_properties_by_app_key: "
              << apps.dp_properties_by_app_key(info.external_key).size() << " DataPages\n";
    const caspio::DataPageInfo registration = apps.dp_properties_by_names(app, page);
    std::cout << "dp_properties_by_names: " << nlohmann::json(registration).dump() << "\n";
    std::cout << "dp_properties_by_keys: "
              << apps.dp_properties_by_keys(info.external_key, registration.app_key).type << "\n";

    std::cout << "dp_deploy_code_by_names(U): " << apps.dp_deploy_code_by_names(app, page, "U")
              << "\n";
    std::cout << "dp_deploy_code_by_keys(e): "
              << apps.dp_deploy_code_by_keys(info.external_key, registration.app_key, "e") << "\n";

    apps.dp_disable_by_names(app, page);
    std::cout << "dp_disable_by_names: disabled '" << page << "'\n";
    apps.dp_deploy_by_names(app, page);
    std::cout << "dp_deploy_by_names: deployed '" << page << "'\n";
    apps.dp_disable_by_keys(info.external_key, registration.app_key);
    std::cout << "dp_disable_by_keys: disabled " << registration.app_key << "\n";
    apps.dp_deploy_by_keys(info.external_key, registration.app_key);
    std::cout << "dp_deploy_by_keys: deployed " << registration.app_key << "\n";

    apps.dp_disable_all_by_app_name(app);
    std::cout << "dp_disable_all_by_app_name: every DataPage of '" << app << "' disabled\n";
    apps.dp_deploy_all_by_app_name(app);
    std::cout << "dp_deploy_all_by_app_name: every DataPage deployed\n";
    apps.dp_disable_all_by_app_key(info.external_key);
    std::cout << "dp_disable_all_by_app_key: every DataPage disabled\n";
    apps.dp_deploy_all_by_app_key(info.external_key);
    std::cout << "dp_deploy_all_by_app_key: every DataPage deployed\n";

    // A bad method letter is refused before anything is sent.
    try {
      apps.dp_deploy_code_by_keys(info.external_key, registration.app_key, "Q");
      std::cerr << "method Q was accepted\n";
      return 1;
    } catch (const caspio::InvalidArgumentError& e) {
      std::cout << "dp_deploy_code_by_keys(Q): refused: " << e.what() << "\n";
    }
    return 0;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
