#include "caspio/apps.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "client/client_state.hpp"
#include "request/name_lookup.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {

constexpr const char* kApps = "applications";
constexpr const char* kPages = "datapages";
constexpr const char* kDeployment = "deployment";
constexpr const char* kMethodLetters = "IFULENPAXBYZ";

// The upper-cased letter, or InvalidArgumentError.
std::string deploy_method(const std::string& method) {
  if (method.size() == 1) {
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(method[0])));
    if (letter != '\0' && std::strchr(kMethodLetters, letter) != nullptr) {
      return std::string(1, letter);
    }
  }
  detail::throw_invalid(fmt::format(
      "deployment method '{}' is not one of I F U L E N P A X B Y Z (either case)", method));
}

}  // namespace

std::string Apps::app_key_of(const std::string& app_name) const {
  detail::require_name(app_name, "application name");
  return detail::find_named(
             listing(), app_name,
             [](const AppInfo& app) -> const std::string& { return app.app_name; }, true,
             "application")
      .external_key;
}

std::pair<std::string, std::string> Apps::datapage_keys_of(const std::string& app_name,
                                                           const std::string& datapage_name) const {
  detail::require_name(datapage_name, "DataPage name");
  std::string key = app_key_of(app_name);
  std::string page = detail::find_named(
                         dp_properties_by_app_key(key), datapage_name,
                         [](const DataPageInfo& p) -> const std::string& { return p.name; }, true,
                         "DataPage", fmt::format("application '{}'", app_name))
                         .app_key;
  return {std::move(key), std::move(page)};
}

std::vector<AppInfo> Apps::listing() const {
  return detail::get_result<std::vector<AppInfo>>(*state_, state_->url({kApps}));
}

AppInfo Apps::properties_by_name(const std::string& app_name) const {
  return properties_by_key(app_key_of(app_name));
}

AppInfo Apps::properties_by_key(const std::string& external_key) const {
  detail::require_name(external_key, "application key");
  return detail::get_result<AppInfo>(*state_, state_->url({kApps, external_key}));
}

std::vector<DataPageInfo> Apps::dp_properties_by_app_name(const std::string& app_name) const {
  return dp_properties_by_app_key(app_key_of(app_name));
}

std::vector<DataPageInfo> Apps::dp_properties_by_app_key(const std::string& external_key) const {
  detail::require_name(external_key, "application key");
  return detail::get_result<std::vector<DataPageInfo>>(*state_,
                                                       state_->url({kApps, external_key, kPages}));
}

DataPageInfo Apps::dp_properties_by_names(const std::string& app_name,
                                          const std::string& datapage_name) const {
  const auto [key, page] = datapage_keys_of(app_name, datapage_name);
  return dp_properties_by_keys(key, page);
}

DataPageInfo Apps::dp_properties_by_keys(const std::string& external_key,
                                         const std::string& app_key) const {
  detail::require_name(external_key, "application key");
  detail::require_name(app_key, "DataPage key");
  return detail::get_result<DataPageInfo>(*state_,
                                          state_->url({kApps, external_key, kPages, app_key}));
}

std::string Apps::dp_deploy_code_by_names(const std::string& app_name,
                                          const std::string& datapage_name,
                                          const std::string& method) const {
  deploy_method(method);
  const auto [key, page] = datapage_keys_of(app_name, datapage_name);
  return dp_deploy_code_by_keys(key, page, method);
}

std::string Apps::dp_deploy_code_by_keys(const std::string& external_key,
                                         const std::string& app_key,
                                         const std::string& method) const {
  const std::string letter = deploy_method(method);
  detail::require_name(external_key, "application key");
  detail::require_name(app_key, "DataPage key");
  const std::string url =
      state_->url({kApps, external_key, kPages, app_key, kDeployment}, {{"method", letter}});
  const detail::Answer answer = state_->call(HttpMethod::get, url);
  const nlohmann::json body = detail::parse_json(answer);
  // Caspio answers a bare JSON string; accept {"Result": "…"} too.
  if (body.is_string()) return body.get<std::string>();
  if (body.is_object()) {
    const auto it = body.find("Result");
    if (it != body.end() && it->is_string()) return it->get<std::string>();
  }
  detail::throw_bad_answer(answer, "the deploy code is not a JSON string");
}

void Apps::dp_deploy_by_names(const std::string& app_name, const std::string& datapage_name) const {
  const auto [key, page] = datapage_keys_of(app_name, datapage_name);
  dp_deploy_by_keys(key, page);
}

void Apps::dp_deploy_by_keys(const std::string& external_key, const std::string& app_key) const {
  detail::require_name(external_key, "application key");
  detail::require_name(app_key, "DataPage key");
  state_->call(HttpMethod::put, state_->url({kApps, external_key, kPages, app_key, kDeployment}));
}

void Apps::dp_disable_by_names(const std::string& app_name,
                               const std::string& datapage_name) const {
  const auto [key, page] = datapage_keys_of(app_name, datapage_name);
  dp_disable_by_keys(key, page);
}

void Apps::dp_disable_by_keys(const std::string& external_key, const std::string& app_key) const {
  detail::require_name(external_key, "application key");
  detail::require_name(app_key, "DataPage key");
  state_->call(HttpMethod::delete_,
               state_->url({kApps, external_key, kPages, app_key, kDeployment}));
}

void Apps::dp_deploy_all_by_app_name(const std::string& app_name) const {
  dp_deploy_all_by_app_key(app_key_of(app_name));
}

void Apps::dp_deploy_all_by_app_key(const std::string& external_key) const {
  detail::require_name(external_key, "application key");
  state_->call(HttpMethod::put, state_->url({kApps, external_key, kPages, kDeployment}));
}

void Apps::dp_disable_all_by_app_name(const std::string& app_name) const {
  dp_disable_all_by_app_key(app_key_of(app_name));
}

void Apps::dp_disable_all_by_app_key(const std::string& external_key) const {
  detail::require_name(external_key, "application key");
  state_->call(HttpMethod::delete_, state_->url({kApps, external_key, kPages, kDeployment}));
}

}  // namespace caspio
