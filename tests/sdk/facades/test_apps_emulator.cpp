// Every Apps method against the emulator: the requests on the wire and the value returned.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "emulator.hpp"

using caspio_test::Emulator;
using nlohmann::json;

namespace {

constexpr const char* kApp = "Demo - Physician Directory - Caspio SDK";
constexpr const char* kAppKey = "09d18152-7c45-44f1-a0e6-5ffe18881b60";
constexpr const char* kPage = "Physician Registration";
constexpr const char* kPageKey = "409550008f83dc4dd4554a07b7bf";
constexpr const char* kManageKey = "4095500022cf1022fe0d4c84b30d";

class AppsEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Apps apps = client.apps();

  void forget() { emu.server().clear_journal(); }
  std::vector<std::string> targets() {
    std::vector<std::string> out;
    for (const auto& r : emu.requests()) out.push_back(r.method + " " + r.target);
    return out;
  }
  // Deployment state is not in Caspio's DataPageInfo: the emulator shows it to tests directly.
  bool deployed(const std::string& page_key) {
    return emu.server().datapage_deployed(kAppKey, page_key);
  }
};

using Targets = std::vector<std::string>;

}  // namespace

TEST_F(AppsEmulator, Listing) {
  const auto list = apps.listing();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].app_name, kApp);
  EXPECT_EQ(list[0].external_key, kAppKey);
  EXPECT_EQ(list[0].data_pages_count, 5);
  EXPECT_EQ(list[0].date_created, "2022-01-25T15:17:10.607");
  EXPECT_EQ(json(list[0]).at("AppName"), kApp);
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications"}));
  EXPECT_EQ(emu.requests().front().header("accept"), "application/json");
}

TEST_F(AppsEmulator, PropertiesByNameIgnoresCaseAndByKey) {
  const auto app = apps.properties_by_name("demo - PHYSICIAN directory - caspio sdk");
  EXPECT_EQ(app.external_key, kAppKey);
  EXPECT_EQ(app.date_modified, "2022-01-25T15:20:44.850");
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications",
                                std::string("GET /rest/v2/applications/") + kAppKey}));
  forget();
  EXPECT_EQ(apps.properties_by_key(kAppKey).app_name, kApp);
  EXPECT_EQ(targets(), (Targets{std::string("GET /rest/v2/applications/") + kAppKey}));
}

TEST_F(AppsEmulator, AnAppCalledAppNameResolves) {
  const auto app = apps.properties_by_name("AppName");
  EXPECT_EQ(app.app_name, "AppName");
  EXPECT_EQ(app.external_key, "5f0c2a7e-3b1d-4c8e-9a6f-2d4e8b1c7a30");
  EXPECT_EQ(apps.dp_properties_by_names("appname", "contact form").app_key,
            "40955000a1b2c3d4e5f60718293a");
}

TEST_F(AppsEmulator, UnknownAppNameIsNotFoundListingNearNamesAndSendsNothingMore) {
  try {
    apps.dp_deploy_by_names("Demo - Physician Directry", kPage);
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NameNotFound");
    EXPECT_EQ(e.http_status(), 0);
    EXPECT_NE(std::string(e.what()).find(kApp), std::string::npos) << e.what();
  }
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications"}));
}

TEST_F(AppsEmulator, UnknownDataPageNameIsNotFoundListingNearNames) {
  try {
    apps.dp_properties_by_names(kApp, "Physician Registraton");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("'Physician Registration'"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(targets(),
            (Targets{"GET /rest/v2/applications",
                     std::string("GET /rest/v2/applications/") + kAppKey + "/datapages"}));
}

TEST_F(AppsEmulator, DataPagePropertiesByAppNameKeyNamesAndKeys) {
  const auto pages = apps.dp_properties_by_app_name(kApp);
  ASSERT_EQ(pages.size(), 5u);
  EXPECT_EQ(pages[2].name, kPage);
  EXPECT_EQ(pages[2].type, "WEBFORM");
  EXPECT_EQ(pages[2].path, "/Public Interfaces");
  EXPECT_EQ(pages[2].created_by, "user@user.com");
  forget();
  EXPECT_EQ(apps.dp_properties_by_app_key(kAppKey).size(), 5u);
  EXPECT_EQ(targets(),
            (Targets{std::string("GET /rest/v2/applications/") + kAppKey + "/datapages"}));
  forget();
  const auto page = apps.dp_properties_by_names(kApp, "physician registration");
  EXPECT_EQ(page.app_key, kPageKey);
  EXPECT_EQ(page.app_name, kApp);
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications",
                                std::string("GET /rest/v2/applications/") + kAppKey + "/datapages",
                                std::string("GET /rest/v2/applications/") + kAppKey +
                                    "/datapages/" + kPageKey}));
  forget();
  EXPECT_EQ(apps.dp_properties_by_keys(kAppKey, kPageKey).name, kPage);
  EXPECT_EQ(targets(), (Targets{std::string("GET /rest/v2/applications/") + kAppKey +
                                "/datapages/" + kPageKey}));
}

TEST_F(AppsEmulator, DeployCodeIsAStringAndTheLetterIsSentUpperCase) {
  const std::string code = apps.dp_deploy_code_by_keys(kAppKey, kPageKey, "u");
  EXPECT_NE(code.find(std::string("/dp/") + kPageKey), std::string::npos) << code;
  const auto r = emu.requests().back();
  EXPECT_EQ(r.target, std::string("/rest/v2/applications/") + kAppKey + "/datapages/" + kPageKey +
                          "/deployment?method=U");
  forget();
  const std::string iframe = apps.dp_deploy_code_by_names(kApp, kPage, "I");
  EXPECT_NE(iframe.find("iframe"), std::string::npos) << iframe;
  EXPECT_EQ(emu.requests().size(), 3u);
  EXPECT_EQ(emu.requests().back().param("method"), "I");
}

TEST_F(AppsEmulator, BadDeployMethodIsRefusedBeforeSending) {
  for (const char* bad : {"Q", "", "UU", "iFrame", "1"}) {
    EXPECT_THROW(apps.dp_deploy_code_by_keys(kAppKey, kPageKey, bad), caspio::InvalidArgumentError)
        << bad;
    EXPECT_THROW(apps.dp_deploy_code_by_names(kApp, kPage, bad), caspio::InvalidArgumentError)
        << bad;
  }
  EXPECT_TRUE(emu.requests().empty());
  for (const char* good : {"I", "f", "U", "l", "E", "n", "Y", "z", "b"}) {
    EXPECT_FALSE(apps.dp_deploy_code_by_keys(kAppKey, kPageKey, good).empty()) << good;
  }
}

TEST_F(AppsEmulator, DeployAndDisableOneDataPage) {
  EXPECT_FALSE(deployed(kManageKey));
  forget();
  apps.dp_deploy_by_keys(kAppKey, kManageKey);
  auto r = emu.requests().back();
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.target, std::string("/rest/v2/applications/") + kAppKey + "/datapages/" + kManageKey +
                          "/deployment");
  EXPECT_TRUE(r.body.empty());
  EXPECT_TRUE(deployed(kManageKey));
  forget();
  apps.dp_disable_by_names(kApp, "MANAGE physicians");
  r = emu.requests().back();
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.path, std::string("/rest/v2/applications/") + kAppKey + "/datapages/" + kManageKey +
                        "/deployment");
  EXPECT_EQ(emu.requests().size(), 3u);
  EXPECT_FALSE(deployed(kManageKey));
  forget();
  apps.dp_deploy_by_names(kApp, "Manage Physicians");
  EXPECT_EQ(emu.requests().back().method, "PUT");
  EXPECT_TRUE(deployed(kManageKey));
  apps.dp_disable_by_keys(kAppKey, kManageKey);
  EXPECT_FALSE(deployed(kManageKey));
}

TEST_F(AppsEmulator, DeployAndDisableAll) {
  const std::string all = std::string("/rest/v2/applications/") + kAppKey + "/datapages/deployment";
  apps.dp_disable_all_by_app_key(kAppKey);
  EXPECT_EQ(targets(), (Targets{"DELETE " + all}));
  for (const auto& page : apps.dp_properties_by_app_key(kAppKey)) {
    EXPECT_FALSE(emu.server().datapage_deployed(kAppKey, page.app_key)) << page.name;
  }
  forget();
  apps.dp_deploy_all_by_app_name(kApp);
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications", "PUT " + all}));
  for (const auto& page : apps.dp_properties_by_app_key(kAppKey)) {
    EXPECT_TRUE(emu.server().datapage_deployed(kAppKey, page.app_key)) << page.name;
  }
  forget();
  apps.dp_disable_all_by_app_name(kApp);
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/applications", "DELETE " + all}));
  apps.dp_deploy_all_by_app_key(kAppKey);
  EXPECT_EQ(emu.requests().back().method + " " + emu.requests().back().target, "PUT " + all);
}

TEST_F(AppsEmulator, KeysArePercentEncodedAndUnknownKeysAreNotFound) {
  EXPECT_THROW(apps.properties_by_key("no such/key"), caspio::NotFoundError);
  EXPECT_EQ(emu.requests().back().path, "/rest/v2/applications/no%20such%2Fkey");
  EXPECT_THROW(apps.dp_deploy_by_keys(kAppKey, "nope"), caspio::NotFoundError);
  EXPECT_THROW(apps.properties_by_key(""), caspio::InvalidArgumentError);
  EXPECT_THROW(apps.properties_by_name(""), caspio::InvalidArgumentError);
}
