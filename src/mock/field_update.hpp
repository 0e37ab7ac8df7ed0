#pragma once
// A field's new definition from the body of `PUT /tables/{t}/fields/{f}`: the `New*` keys of v2,
// or the plain keys of v3 (the same keys without the prefix).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "table_schema.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// What a field update asks for.
struct FieldChange {
  /// The field's new definition (name, type and options).
  FieldDef field;
  /// SQL expression that gives the rebuilt column its values: the old column, converted when
  /// the type changes.
  std::string source;
  /// `NewDisplayOrder` (v3: `DisplayOrder`), when given.
  std::optional<int> display_order;
};

/// Refuses a body that is not an object of known keys, each `prefix` + a field property ("New"
/// for v2, "" for v3): 400 IncorrectBodyParameter.
void check_field_update(const nlohmann::json& body, const std::string& prefix);
/// Applies the `prefix`ed keys of `body` to `old`, a field of `table`. Throws 400 for an invalid
/// name, a taken name, an impossible type change or invalid options.
FieldChange field_change(const TableDef& table, const FieldDef& old, const nlohmann::json& body,
                         const std::string& prefix);
/// Replaces every `"from"` identifier in trusted SQL by `"to"`.
std::string rename_ident(const std::string& sql, const std::string& from, const std::string& to);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
