#pragma once
// Where pages start, for reads in the default PK order: the PK_ID of the row just before an
// offset, per filter, so page N is found by a seek (PK_ID > boundary) instead of walking N pages
// of rows (LIMIT/OFFSET). Valid while the table's data is unchanged. Not thread-safe: used under
// the table's lock.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace caspio {
namespace mock {
namespace detail {

class PageIndex {
 public:
  /// A known boundary: rows before `offset` (in PK order, among the filter's rows) all have
  /// PK_ID <= `pk`; offset 0 has no pk.
  struct Mark {
    std::int64_t offset = 0;
    std::optional<std::int64_t> pk;
  };

  /// Forgets every boundary when `version` (the table's change count) moved since the last call.
  void sync(std::int64_t version);
  /// The nearest known boundary at or before `offset` for `filter`.
  Mark floor(const std::string& filter, std::int64_t offset) const;
  /// Remembers that the row at `offset - 1` of `filter` has PK_ID `pk`.
  void remember(const std::string& filter, std::int64_t offset, std::int64_t pk);

 private:
  std::int64_t version_ = -1;
  std::map<std::string, std::map<std::int64_t, std::int64_t>> marks_;
};

}  // namespace detail
}  // namespace mock
}  // namespace caspio
