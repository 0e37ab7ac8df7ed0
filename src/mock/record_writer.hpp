#pragma once
// Writing records of a table or view: insert, update, delete, password values, and the bulk load
// of fixtures. Not thread-safe: TableStore holds the locks.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "table_catalog.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Outcome of a records write.
struct WriteResult {
  std::int64_t affected = 0;
  /// PK_ID of an inserted record.
  std::int64_t pk = 0;
  /// JSON array text of the written records, when asked for.
  std::string rows_json;
};

class RecordWriter {
 public:
  /// Inserts one record (a JSON object); `rows` asks for the written record back.
  static WriteResult insert(const Source& src, const nlohmann::json& body, bool rows);
  /// Updates the records `where` selects with the fields of `body`.
  static WriteResult update(const Source& src, const std::string& where, const nlohmann::json& body,
                            bool rows);
  /// Deletes the records `where` selects; returns how many.
  static std::int64_t remove(const Source& src, const std::string& where);
  /// Sets (value) or clears (nullopt) a password field on the rows `where` selects.
  static std::int64_t set_password(const Source& src, const std::string& field,
                                   const std::string& where,
                                   const std::optional<std::string>& value);
  /// Bulk load for fixtures: one transaction, one prepared INSERT. `next` fills the values of
  /// `columns` for one row and returns false when there are no more rows. Generated fields not
  /// in `columns` get their values as on insert.
  static void load_rows(Table& table, const std::vector<std::string>& columns,
                        const std::function<bool(std::vector<SqlValue>&)>& next);
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
