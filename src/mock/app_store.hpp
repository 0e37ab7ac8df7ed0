#pragma once
// Applications and their DataPages, with each DataPage's deployment state.

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "caspio/mock/server.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// One DataPage as the v2 API describes it (DataPageInfo), plus its deployment state (kept for
/// tests, never sent: v2 has no such member).
struct DataPage {
  std::string name;
  std::string app_key;  ///< DataPage ID, 28 lower-case hex digits.
  std::string path;     ///< DataPage folder with a leading '/', "/" for the root folder.
  std::string type;     ///< Upper case, e.g. "WEBFORM".
  std::string date_created;
  std::string date_modified;
  std::string created_by;
  std::string modified_by;
  std::string note;
  bool deployed = false;
};

/// One application (AppItem) and its DataPages.
struct App {
  std::string name;
  std::string external_key;  ///< App ID, lower-case GUID.
  std::string date_created;
  std::string date_modified;
  bool default_icon = true;
  std::string icon_file_name;
  std::vector<DataPage> pages;
};

/// The applications of the account. Thread-safe; unknown keys throw ApiError 404 ObjectNotFound.
/// App and DataPage keys are matched case-insensitively.
class AppStore {
 public:
  explicit AppStore(std::vector<App> apps);

  /// `[AppItem…]`.
  nlohmann::json list_apps() const;
  /// `AppItem`.
  nlohmann::json app(const std::string& key) const;
  /// `[DataPageInfo…]` of one app.
  nlohmann::json datapages(const std::string& key) const;
  /// `DataPageInfo`.
  nlohmann::json datapage(const std::string& key, const std::string& app_key) const;
  /// Deploy code of one DataPage for a `method` query value (letter or full name). Throws 400
  /// IncorrectQueryParameter for an unknown method, or an SEO method the DataPage does not qualify
  /// for. `host` is the host the DataPage is served from.
  std::string deploy_code(const std::string& key, const std::string& app_key,
                          const std::string& method, const std::string& host) const;
  /// Deploys (true) or disables (false) one DataPage; stamps its DateModified.
  void set_deployed(const std::string& key, const std::string& app_key, bool deployed);
  /// Deploys or disables every DataPage of an app; stamps their DateModified.
  void set_all_deployed(const std::string& key, bool deployed);
  /// Deployment state of every DataPage, app by app.
  std::vector<DataPageDeployment> deployments() const;

 private:
  const App& find_app(const std::string& key) const;
  App& find_app(const std::string& key);

  mutable std::mutex mutex_;
  std::vector<App> apps_;
};

/// The time as application metadata shows it: "YYYY-MM-DDTHH:MM:SS.mmm" (UTC, no zone).
std::string iso_now_ms();

}  // namespace detail
}  // namespace mock
}  // namespace caspio
