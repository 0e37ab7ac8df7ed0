#pragma once
/// @file
/// The Apps facade: applications, DataPages, deploy codes and deployment.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "caspio/app_info.hpp"
#include "caspio/export.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// Applications and their DataPages (`/v2/applications`). Get one from Client::apps(); it is a
/// cheap handle that shares the client's transport and token cache.
///
/// `…by_name(s)` methods resolve names first: `GET /v2/applications` for the app, then
/// `GET …/{key}/datapages` for a DataPage. Names match ignoring ASCII case, whatever they are (an
/// app called "AppName" works); the first match wins. An unknown name throws NotFoundError (code
/// "NameNotFound", nothing further sent) whose message lists the near names. `…by_key(s)` methods
/// send the keys as given (percent-encoded).
///
/// Every method throws InvalidArgumentError without sending anything for an empty name or key or a
/// bad deployment method letter; otherwise what the request produced: AuthError, NotFoundError,
/// ConflictError, RateLimitError, ApiError for error statuses; TransportError or TimeoutError when
/// no answer arrives.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance.
class CASPIO_EXPORT Apps {
 public:
  /// Every application (`GET /v2/applications`). @throws caspio::Error as the class says.
  std::vector<AppInfo> listing() const;
  /// One application by name (resolve, then `GET /v2/applications/{key}`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  AppInfo properties_by_name(const std::string& app_name) const;
  /// One application by key (`GET /v2/applications/{key}`).
  /// @throws caspio::Error as the class says.
  AppInfo properties_by_key(const std::string& external_key) const;

  /// The DataPages of an application by name (resolve, then `GET …/{key}/datapages`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  std::vector<DataPageInfo> dp_properties_by_app_name(const std::string& app_name) const;
  /// The DataPages of an application by key (`GET /v2/applications/{key}/datapages`).
  /// @throws caspio::Error as the class says.
  std::vector<DataPageInfo> dp_properties_by_app_key(const std::string& external_key) const;
  /// One DataPage by names (resolve both, then `GET …/{key}/datapages/{appKey}`).
  /// @throws NotFoundError for an unknown app or DataPage name.
  /// @throws caspio::Error as the class says.
  DataPageInfo dp_properties_by_names(const std::string& app_name,
                                      const std::string& datapage_name) const;
  /// One DataPage by keys (`GET /v2/applications/{key}/datapages/{appKey}`).
  /// @throws caspio::Error as the class says.
  DataPageInfo dp_properties_by_keys(const std::string& external_key,
                                     const std::string& app_key) const;

  /// The deploy code of a DataPage by names (`GET …/datapages/{appKey}/deployment?method=M`).
  /// `method` is one letter of I F U L E N P A X B Y Z (iFrame, Frame, URL, Link, Embedded, .NET,
  /// PHP, ASP, ASPX, Facebook, WordPress frame, WordPress embed), either case; it is sent upper
  /// case. P, A and X work only for DataPages that qualify for SEO deployment.
  /// @throws InvalidArgumentError for any other method, before anything is sent.
  /// @throws NotFoundError for an unknown app or DataPage name.
  /// @throws caspio::Error as the class says.
  std::string dp_deploy_code_by_names(const std::string& app_name, const std::string& datapage_name,
                                      const std::string& method) const;
  /// The deploy code of a DataPage by keys; `method` as for dp_deploy_code_by_names.
  /// @throws InvalidArgumentError for a bad method, before anything is sent.
  /// @throws caspio::Error as the class says.
  std::string dp_deploy_code_by_keys(const std::string& external_key, const std::string& app_key,
                                     const std::string& method) const;

  /// Deploys one DataPage by names (`PUT …/datapages/{appKey}/deployment`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  void dp_deploy_by_names(const std::string& app_name, const std::string& datapage_name) const;
  /// Deploys one DataPage by keys (`PUT …/datapages/{appKey}/deployment`).
  /// @throws caspio::Error as the class says.
  void dp_deploy_by_keys(const std::string& external_key, const std::string& app_key) const;
  /// Disables one DataPage by names (`DELETE …/datapages/{appKey}/deployment`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  void dp_disable_by_names(const std::string& app_name, const std::string& datapage_name) const;
  /// Disables one DataPage by keys (`DELETE …/datapages/{appKey}/deployment`).
  /// @throws caspio::Error as the class says.
  void dp_disable_by_keys(const std::string& external_key, const std::string& app_key) const;

  /// Deploys every DataPage of an application by name (`PUT …/{key}/datapages/deployment`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  void dp_deploy_all_by_app_name(const std::string& app_name) const;
  /// Deploys every DataPage of an application by key (`PUT …/{key}/datapages/deployment`).
  /// @throws caspio::Error as the class says.
  void dp_deploy_all_by_app_key(const std::string& external_key) const;
  /// Disables every DataPage of an application by name (`DELETE …/{key}/datapages/deployment`).
  /// @throws NotFoundError for an unknown name. @throws caspio::Error as the class says.
  void dp_disable_all_by_app_name(const std::string& app_name) const;
  /// Disables every DataPage of an application by key (`DELETE …/{key}/datapages/deployment`).
  /// @throws caspio::Error as the class says.
  void dp_disable_all_by_app_key(const std::string& external_key) const;

 private:
  friend class Client;
  explicit Apps(std::shared_ptr<const detail::ClientState> state) : state_(std::move(state)) {}
  std::string app_key_of(const std::string& app_name) const;
  std::pair<std::string, std::string> datapage_keys_of(const std::string& app_name,
                                                       const std::string& datapage_name) const;
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
