// The seed README's table design methods: listing, create, description, definition, addField,
// fieldDefinition, updateFieldDefinition (New* keys), deleteField.
//
// Environment (read by caspio::Client::from_environment): CASPIO_REST_URL, CASPIO_TOKEN_URL,
// CASPIO_CLIENT_ID, CASPIO_CLIENT_SECRET.
#include <caspio/caspio.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main() {
  try {
    const caspio::Client client = caspio::Client::from_environment();
    const caspio::Tables tables = client.tables();

    const auto names = tables.listing();
    std::cout << "listing: " << names.size() << " tables\n";
    for (const auto& name : names) std::cout << "  " << name << "\n";

    // A name no earlier run used (letters, digits and underscores, at most 32 characters).
    const std::string table =
        "Sdk_Example_" +
        std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 100000000000);

    caspio::FieldDefinition id("my_id", "AUTONUMBER");
    id.unique = true;
    caspio::FieldDefinition name("Full_Name", "STRING");
    name.label = "Full name";
    caspio::FieldDefinition favorite("Favorite_Words", "LIST-STRING");
    favorite.list_field = {"Coffee", "Doggo", "Jolly"};
    tables.create(table, {id, name, favorite});
    std::cout << "create: " << table << "\n";

    const caspio::ObjectDescription description = tables.description(table);
    std::cout << "description: " << nlohmann::json(description).dump() << "\n";

    caspio::FieldDefinition age("Age", "INTEGER");
    age.description = "years";
    tables.add_field(table, age);
    std::cout << "add_field: Age\n";

    std::cout << "field_definition(Age): "
              << nlohmann::json(tables.field_definition(table, "Age")).dump() << "\n";

    tables.update_field_definition(table, "Age",
                                   nlohmann::json{{"NewType", "NUMBER"}, {"NewLabel", "Age (y)"}});
    std::cout << "update_field_definition(Age): now " << tables.field_definition(table, "Age").type
              << "\n";

    tables.delete_field(table, "Age");
    std::cout << "delete_field: Age\n";

    const auto fields = tables.definition(table);
    std::cout << "definition: " << fields.size() << " fields\n";
    for (const auto& field : fields) std::cout << "  " << nlohmann::json(field).dump() << "\n";
    return fields.size() == 3 ? 0 : 1;
  } catch (const caspio::Error& e) {
    std::cerr << "caspio error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
