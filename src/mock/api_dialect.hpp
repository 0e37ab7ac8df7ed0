#pragma once
// What differs between the REST API versions the emulator serves over the same tables and views
// (spec §3.6 and §8): the route base, a few body keys and a few success statuses.

#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// One REST API version as the tables module serves it.
struct ApiDialect {
  /// Route prefix: "/rest/v2" or "/integrations/rest/v3".
  std::string base;
  /// True for v3.
  bool v3 = false;

  /// Key of the field list in a create-table body: "Columns" (v2) or "Fields" (v3).
  const char* table_fields_key() const { return v3 ? "Fields" : "Columns"; }
  /// Prefix of the keys of a field update body: "New" (v2, `NewName`…) or "" (v3, `Name`…).
  const char* update_prefix() const { return v3 ? "" : "New"; }
  /// Success status of a field update or delete: 200 (v2) or 204 (v3).
  int field_change_status() const { return v3 ? 204 : 200; }
};

/// REST v2 under `/rest/v2`.
inline ApiDialect api_v2() {
  return ApiDialect{"/rest/v2", false};
}
/// REST v3 under `/integrations/rest/v3`.
inline ApiDialect api_v3() {
  return ApiDialect{"/integrations/rest/v3", true};
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
