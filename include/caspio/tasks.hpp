#pragma once
/// @file
/// The Tasks facade: scheduled data import/export tasks.

#include <memory>
#include <string>
#include <vector>

#include "caspio/export.hpp"
#include "caspio/task_info.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// Scheduled tasks (`/v2/tasks`). Get one from Client::tasks(); it is a cheap handle that shares
/// the client's transport and token cache.
///
/// `…by_name` methods list the tasks first (`GET /v2/tasks`) and match the name ignoring ASCII
/// case, whatever it is (a task called "Name" works); an unknown name throws NotFoundError (code
/// "NameNotFound", nothing further sent) whose message lists the near names.
///
/// Every method throws InvalidArgumentError without sending anything for an empty name or key;
/// otherwise what the request produced: AuthError, NotFoundError, RateLimitError, ApiError for
/// error statuses (running a task that is not Ready is a 400 ApiError); TransportError or
/// TimeoutError when no answer arrives.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Tasks {
 public:
  /// Every task (`GET /v2/tasks`). @throws caspio::Error as the class says.
  std::vector<TaskInfo> listing() const;
  /// One task by name (resolve, then `GET /v2/tasks/{key}`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  TaskInfo properties_by_name(const std::string& name) const;
  /// One task by key (`GET /v2/tasks/{key}`). @throws caspio::Error as the class says.
  TaskInfo properties_by_key(const std::string& external_key) const;
  /// Starts a task by name (resolve, then `POST /v2/tasks/{key}/run`, no body).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  void run_by_name(const std::string& name) const;
  /// Starts a task by key (`POST /v2/tasks/{key}/run`, no body).
  /// @throws caspio::Error as the class says.
  void run_by_key(const std::string& external_key) const;

 private:
  friend class Client;
  explicit Tasks(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  std::string key_of(const std::string& name) const;
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
