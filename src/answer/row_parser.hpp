#pragma once
// The rows of a Caspio `{"Result":[…]}` body, parsed with simdjson's On-Demand API straight into
// caspio::Row values: one pass over the text, no DOM of the page, field names shared by the rows.

#include <optional>
#include <string>
#include <vector>

#include "caspio/row.hpp"

namespace caspio {
namespace detail {

/// The elements of the body's `Result` array as rows, or std::nullopt when the body is not a
/// JSON object with a `Result` array of objects (invalid JSON included): the caller then takes
/// the slow path, which names the exact problem. Rows keep the fields in the order of the text;
/// numbers keep their kind (integer, unsigned, number); a key repeated within a row keeps its
/// first position and its last value (as nlohmann::ordered_json does). Rows with the same fields
/// share one FieldNames table, also across pages parsed on one thread.
std::optional<std::vector<Row>> parse_result_rows(const std::string& body);

}  // namespace detail
}  // namespace caspio
