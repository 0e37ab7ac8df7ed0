#include "request/validate.hpp"

#include <fmt/format.h>

#include <strings.h>

#include "answer/errors.hpp"

namespace caspio {
namespace detail {

void require_name(const std::string& value, const char* what) {
  if (value.empty()) throw_invalid(fmt::format("{} must not be empty", what));
}

void require_bulk_where(const Where& where, const char* operation) {
  if (where.empty()) {
    throw_invalid(fmt::format(
        "{} refuses an empty WHERE clause; pass caspio::Where::all() to affect every row",
        operation));
  }
}

void require_record_values(const nlohmann::json& values, bool non_empty) {
  if (!values.is_object()) {
    throw_invalid(fmt::format("record values must be a JSON object, got {}", values.type_name()));
  }
  if (non_empty && values.empty()) throw_invalid("record values must not be empty");
  for (const auto& item : values.items()) {
    if (::strcasecmp(item.key().c_str(), "PK_ID") == 0) {
      throw_invalid("PK_ID is assigned by Caspio and cannot be written");
    }
  }
}

std::string dump_body(const nlohmann::json& json) {
  try {
    return json.dump();
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(fmt::format("value cannot be sent as JSON: {}", e.what()));
  }
}

}  // namespace detail
}  // namespace caspio
