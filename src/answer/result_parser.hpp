#pragma once
// The small answers most calls get (a list of names, field definitions), parsed with simdjson's
// On-Demand API straight into their types, without a DOM of the body. Each returns std::nullopt
// for anything it does not take exactly as the nlohmann path would (another member beside
// `Result`, a value of another type, invalid JSON): the caller then takes that path, which gives
// the same result or names the problem.

#include <optional>
#include <string>
#include <vector>

#include "caspio/definitions.hpp"

namespace caspio {
namespace detail {

/// The body's `Result` as an array of strings (`GET /tables`, `GET /views`, password fields).
std::optional<std::vector<std::string>> parse_result_names(const std::string& body);

/// The body's `Result` as an array of field definitions (`GET …/fields`).
std::optional<std::vector<FieldDefinition>> parse_result_fields(const std::string& body);

/// The body's `Result` as one field definition (`GET …/fields/{field}`).
std::optional<FieldDefinition> parse_result_field(const std::string& body);

}  // namespace detail
}  // namespace caspio
