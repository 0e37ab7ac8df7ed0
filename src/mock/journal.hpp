#pragma once
// The request journal tests read to check what a client put on the wire.

#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/mock/server.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Requests received, oldest first, bounded in count and bytes (the oldest go first). Thread-safe.
class Journal {
 public:
  /// Keeps at most `max_entries` entries and about `max_bytes` bytes (entry_bytes()).
  Journal(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  /// Appends one entry, dropping the oldest ones beyond the bounds; an entry over `max_bytes` on
  /// its own loses its body and parts first.
  void record(JournalEntry entry);
  /// A copy of every entry.
  std::vector<JournalEntry> entries() const;
  /// Forgets every entry.
  void clear();

 private:
  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  std::size_t bytes_ = 0;  // entry_bytes() of entries_
};

/// The bytes an entry holds: its body, parts, target, parameters and headers.
std::size_t entry_bytes(const JournalEntry& entry);

/// Replaces the credentials an entry carries by "(redacted)": the value of `Authorization` and
/// `Proxy-Authorization` (the scheme word stays), and the values of `client_secret`,
/// `refresh_token`, `access_token`, `password` and `assertion` in the form body, the query and
/// the decoded parameters.
void redact_credentials(JournalEntry& entry);

/// JSON form of an entry, as `GET /__mock/journal` returns it.
nlohmann::json to_json(const JournalEntry& entry);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
