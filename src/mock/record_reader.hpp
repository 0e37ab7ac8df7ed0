#pragma once
// Reading records of a table or view: q.* fragments checked and run read-only, rows written
// straight into Caspio's JSON text. Not thread-safe: TableStore holds the locks.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "table_catalog.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// A records read: fragments ("" = not given) and the row window.
struct RecordQuery {
  std::string select;
  std::string where;
  std::string group_by;
  std::string order_by;
  std::int64_t limit = 100;
  std::int64_t offset = 0;
  /// Random order when no order_by is given (the "unstable order" switch).
  bool shuffle = false;
};

class RecordReader {
 public:
  /// `prefix` followed by the JSON array text of the records `query` selects. Throws ApiError.
  static std::string read(const Source& src, const RecordQuery& query, std::string prefix);
  /// Number of rows `query` selects without its window (limit, offset): the rows of every page.
  /// Call after read() (which checks the fragments). Throws ApiError.
  static std::int64_t count(const Source& src, const RecordQuery& query);
  /// PK_IDs of the rows `where` selects, in PK order. Throws ApiError.
  static std::vector<std::int64_t> matching_ids(const Source& src, const std::string& where);
  /// JSON array text of the rows with these PK_IDs (all visible fields), in PK order.
  static std::string read_ids(const Source& src, const std::vector<std::int64_t>& ids);

 private:
  /// PK_ID of the row at `offset - 1` among the rows `filter` selects in PK order, from the
  /// table's PageIndex and a seek from its nearest boundary; nullopt when there are fewer rows.
  static std::optional<std::int64_t> boundary(const Source& src, const std::string& filter,
                                              std::int64_t offset);
  static std::string run_read(const Source& src, const std::string& sql, std::string out,
                              std::int64_t expected_rows);
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
