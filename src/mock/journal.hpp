#pragma once
// The request journal tests read to check what a client put on the wire.

#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "caspio/mock/server.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// Requests received, oldest first. Thread-safe.
class Journal {
 public:
  /// Appends one entry.
  void record(JournalEntry entry);
  /// A copy of every entry.
  std::vector<JournalEntry> entries() const;
  /// Forgets every entry.
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<JournalEntry> entries_;
};

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
