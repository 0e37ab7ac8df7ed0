#pragma once
// The rows of a Caspio `{"Result":[…]}` body, parsed with simdjson's On-Demand API straight into
// nlohmann::json values: one pass, no intermediate DOM of the whole page.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace caspio {
namespace detail {

/// The elements of the body's `Result` array, or std::nullopt when the body is not a JSON object
/// with a `Result` array (invalid JSON included): the caller then takes the slow path, which names
/// the exact problem. Values are the same as nlohmann::json::parse would give (numbers keep
/// nlohmann's integer, unsigned and float kinds; a repeated key keeps its last value).
std::optional<std::vector<nlohmann::json>> parse_result_rows(const std::string& body);

}  // namespace detail
}  // namespace caspio
