#pragma once
/// @file
/// The Utils facade: helpers built on several requests (copy_record).

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "caspio/export.hpp"
#include "caspio/where.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// Helpers that combine several requests. Get one from Client::utils(); it is a cheap handle that
/// shares the client's transport and token cache.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Utils {
 public:
  /// Copies the one row of `table` that `where` matches into a new row, with `overrides` applied,
  /// and returns the created row. Requests: `GET /v2/tables/{t}/fields`, then
  /// `GET …/records?q.where=…&q.limit=2` (enough to tell one row from several), then
  /// `POST …/records?response=rows`.
  ///
  /// Only writable fields are copied: formula fields, PASSWORD fields and the read-only types
  /// AUTONUMBER, PREFIXED AUTONUMBER, GUID, RANDOM ID and TIMESTAMP are dropped (as is PK_ID);
  /// FILE fields keep their path. List fields (LIST-STRING, LIST-NUMBER, LIST-DATE/TIME) are sent
  /// as the keys Caspio expects. An override for a list field may give the values
  /// (`["Dermatology"]`), the keys (`[2]`), a single value or key, or Caspio's read shape
  /// (`{"2":"Dermatology"}`); an item that equals a value is read as that value first, otherwise
  /// as a key. Override names match field names ignoring case.
  ///
  /// @param table Table to copy in.
  /// @param where Picks the source row; must match exactly one row.
  /// @param overrides JSON object of field → new value (null or `{}` for none).
  /// @throws InvalidArgumentError before anything is sent for an empty table name or WHERE, or
  /// `overrides` that is not an object; after reading the definition (nothing written) for an
  /// override that names no writable field or gives a list item that is neither a value nor a key
  /// of the list; after reading the rows when `where` matches more than one row.
  /// @throws NotFoundError (code "NoSuchRecord") when `where` matches no row.
  /// @throws caspio::Error for what the requests produced (e.g. ConflictError for a unique value
  /// that is copied unchanged).
  nlohmann::json copy_record(const std::string& table, const Where& where,
                             const nlohmann::json& overrides = nlohmann::json::object()) const;

 private:
  friend class Client;
  explicit Utils(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
