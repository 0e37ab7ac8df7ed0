// Applications and DataPages: lookups, listings and deployment state.
#include "app_store.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "app_deploy_code.hpp"
#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

nlohmann::json app_json(const App& app) {
  return {{"AppName", app.name},
          {"ExternalKey", app.external_key},
          {"DataPagesCount", app.pages.size()},
          {"DateCreated", app.date_created},
          {"DateModified", app.date_modified},
          {"DefaultIcon", app.default_icon},
          {"IconFileName", app.icon_file_name}};
}

// DataPageInfo, exactly the members v2 sends (the deployment state is not one of them).
nlohmann::json page_json(const App& app, const DataPage& page) {
  return {{"Name", page.name},
          {"AppKey", page.app_key},
          {"AppName", app.name},
          {"Path", page.path},
          {"Type", page.type},
          {"DateCreated", page.date_created},
          {"DateModified", page.date_modified},
          {"CreatedBy", page.created_by},
          {"ModifiedBy", page.modified_by},
          {"Note", page.note}};
}

ApiError app_not_found() {
  return not_found("Application not found");
}
ApiError page_not_found() {
  return not_found("DataPage not found");
}

template <typename AppT>
auto& find_page(AppT& app, const std::string& app_key) {
  for (auto& page : app.pages) {
    if (iequals(page.app_key, app_key)) return page;
  }
  throw page_not_found();
}

}  // namespace

std::string iso_now_ms() {
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

AppStore::AppStore(std::vector<App> apps) : apps_(std::move(apps)) {}

const App& AppStore::find_app(const std::string& key) const {
  for (const auto& app : apps_) {
    if (iequals(app.external_key, key)) return app;
  }
  throw app_not_found();
}

App& AppStore::find_app(const std::string& key) {
  return const_cast<App&>(static_cast<const AppStore*>(this)->find_app(key));
}

nlohmann::json AppStore::list_apps() const {
  std::lock_guard<std::mutex> lock(mutex_);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& app : apps_) out.push_back(app_json(app));
  return out;
}

nlohmann::json AppStore::app(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return app_json(find_app(key));
}

nlohmann::json AppStore::datapages(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const App& app = find_app(key);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& page : app.pages) out.push_back(page_json(app, page));
  return out;
}

nlohmann::json AppStore::datapage(const std::string& key, const std::string& app_key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const App& app = find_app(key);
  return page_json(app, find_page(app, app_key));
}

std::string AppStore::deploy_code(const std::string& key, const std::string& app_key,
                                  const std::string& method, const std::string& host) const {
  const auto parsed = parse_deploy_method(method);
  if (!parsed) {
    throw bad_query("Deployment method '" + method +
                    "' is not valid. Use one of I, F, U, L, E, N, P, A, X, B, Y, Z.");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const App& app = find_app(key);
  const DataPage& page = find_page(app, app_key);
  if (is_seo_method(*parsed) && !qualifies_for_seo(page.type)) {
    throw bad_query("SEO deployment (method '" + method + "') is not available for DataPage '" +
                    page.name + "' of type " + page.type + ".");
  }
  return detail::deploy_code(*parsed, DeployTarget{host, page.app_key, page.name});
}

void AppStore::set_deployed(const std::string& key, const std::string& app_key, bool deployed) {
  std::lock_guard<std::mutex> lock(mutex_);
  DataPage& page = find_page(find_app(key), app_key);
  page.deployed = deployed;
  page.date_modified = iso_now_ms();
}

std::vector<DataPageDeployment> AppStore::deployments() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<DataPageDeployment> out;
  for (const auto& app : apps_) {
    for (const auto& page : app.pages) {
      out.push_back(DataPageDeployment{app.external_key, page.app_key, page.name, page.deployed});
    }
  }
  return out;
}

void AppStore::set_all_deployed(const std::string& key, bool deployed) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string now = iso_now_ms();
  for (auto& page : find_app(key).pages) {
    page.deployed = deployed;
    page.date_modified = now;
  }
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
