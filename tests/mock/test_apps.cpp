// Applications and DataPages over plain HTTP (A1-A9): listings, deploy codes, (un)deployment.

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "mock_http.hpp"

using caspio::mock::Fixture;
using caspio::mock::ServerOptions;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kApps = "/rest/v2/applications";
const std::string kDemoApp = "09d18152-7c45-44f1-a0e6-5ffe18881b60";
const std::string kAppNameApp = "5f0c2a7e-3b1d-4c8e-9a6f-2d4e8b1c7a30";
const std::string kEmptyApp = "c3e1f7a2-6d4b-4f0e-8b2a-91d5e6c4b8f7";
const std::string kRegistration = "409550008f83dc4dd4554a07b7bf";
const std::string kDirectory = "409550001c931937562949d18d21";
const std::string kManage = "4095500022cf1022fe0d4c84b30d";
const std::string kReset = "409550003fb78249e8d743528a51";
const std::regex kIsoMs(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$)");

class AppsTest : public ::testing::Test {
 protected:
  MockHttp mock;

  json get_json(const std::string& target, int expected_status = 200) {
    auto r = mock.get(target);
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, expected_status) << target << " → " << r->body;
    return MockHttp::json(r);
  }
  std::string pages(const std::string& app) { return kApps + "/" + app + "/datapages"; }
  std::string page(const std::string& app, const std::string& dp) { return pages(app) + "/" + dp; }
  std::string code_url(const std::string& dp, const std::string& method) {
    return page(kDemoApp, dp) + "/deployment?method=" + caspio_test::enc(method);
  }
  httplib::Result put(const std::string& target) {
    return mock.http().Put(target, mock.auth(), "", "application/json");
  }
  json find_page(const json& list, const std::string& app_key) {
    for (const auto& p : list) {
      if (p["AppKey"] == app_key) return p;
    }
    ADD_FAILURE() << "no DataPage " << app_key;
    return json::object();
  }
  void expect_error(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    const json body = MockHttp::json(r);
    EXPECT_EQ(body["Code"], code);
    EXPECT_TRUE(body.contains("Message"));
    EXPECT_TRUE(body.contains("RequestId"));
  }
};

TEST_F(AppsTest, ListingHasTheDemoAppAsTheSeedShowsItAndTheOtherApps) {
  const json result = get_json(kApps)["Result"];
  ASSERT_EQ(result.size(), 3u);
  const json expected = {{"AppName", "Demo - Physician Directory - Caspio SDK"},
                         {"ExternalKey", kDemoApp},
                         {"DataPagesCount", 5},
                         {"DateCreated", "2022-01-25T15:17:10.607"},
                         {"DateModified", "2022-01-25T15:20:44.850"},
                         {"DefaultIcon", true},
                         {"IconFileName", ""}};
  EXPECT_EQ(result[0], expected);
  EXPECT_EQ(result[1]["AppName"], "AppName");
  EXPECT_EQ(result[1]["ExternalKey"], kAppNameApp);
  EXPECT_EQ(result[1]["DataPagesCount"], 2);
  EXPECT_EQ(result[2]["ExternalKey"], kEmptyApp);
  EXPECT_EQ(result[2]["DataPagesCount"], 0);
}

TEST_F(AppsTest, AppByKeyMatchesTheListingAndIgnoresKeyCase) {
  const json listed = get_json(kApps)["Result"][0];
  EXPECT_EQ(get_json(kApps + "/" + kDemoApp)["Result"], listed);
  EXPECT_EQ(get_json(kApps + "/09D18152-7C45-44F1-A0E6-5FFE18881B60")["Result"], listed);
  EXPECT_EQ(get_json(kApps + "/" + kAppNameApp)["Result"]["AppName"], "AppName");
}

TEST_F(AppsTest, UnknownAppIs404ObjectNotFound) {
  const std::string nope = "00000000-0000-0000-0000-000000000000";
  expect_error(mock.get(kApps + "/" + nope), 404, "ObjectNotFound");
  expect_error(mock.get(pages(nope)), 404, "ObjectNotFound");
  expect_error(mock.get(page(nope, kRegistration)), 404, "ObjectNotFound");
  expect_error(mock.get(kApps + "/not-a-key"), 404, "ObjectNotFound");
}

TEST_F(AppsTest, DataPagesOfTheDemoAppComeFromTheSchema) {
  const json result = get_json(pages(kDemoApp))["Result"];
  ASSERT_EQ(result.size(), 5u);
  struct Expected {
    const char* name;
    std::string key;
    const char* path;
    const char* type;
  };
  const Expected expected[] = {
      {"Manage Physicians", kManage, "/Admin", "CHART"},
      {"Physician Directory", kDirectory, "/Public Interfaces", "WEBAPP"},
      {"Physician Registration", kRegistration, "/Public Interfaces", "WEBFORM"},
      {"Reset Password", kReset, "/Public Interfaces", "PASSWORDRECOVERY"},
      {"Update Profile", "4095500037d52e1ae3414759b45b", "/Physician Profile", "WEBFORM"},
  };
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(expected[i].name);
    EXPECT_EQ(result[i]["Name"], expected[i].name);
    EXPECT_EQ(result[i]["AppKey"], expected[i].key);
    EXPECT_EQ(result[i]["Path"], expected[i].path);
    EXPECT_EQ(result[i]["Type"], expected[i].type);
    EXPECT_EQ(result[i]["AppName"], "Demo - Physician Directory - Caspio SDK");
    EXPECT_TRUE(std::regex_match(result[i]["DateCreated"].get<std::string>(), kIsoMs));
    EXPECT_TRUE(std::regex_match(result[i]["DateModified"].get<std::string>(), kIsoMs));
    for (const char* key : {"CreatedBy", "ModifiedBy", "Note"}) {
      EXPECT_TRUE(result[i][key].is_string()) << key;
    }
    EXPECT_EQ(result[i].size(), 10u) << "DataPageInfo has exactly v2's ten members";
    EXPECT_FALSE(result[i].contains("Deployed"));
  }
}

TEST_F(AppsTest, PhysicianRegistrationIsTheSeedSamplePropertyForProperty) {
  const json expected = {{"Name", "Physician Registration"},
                         {"AppKey", kRegistration},
                         {"AppName", "Demo - Physician Directory - Caspio SDK"},
                         {"Path", "/Public Interfaces"},
                         {"Type", "WEBFORM"},
                         {"DateCreated", "2022-01-25T15:20:43.787"},
                         {"DateModified", "2022-01-25T15:20:43.837"},
                         {"CreatedBy", "user@user.com"},
                         {"ModifiedBy", ""},
                         {"Note", ""}};
  EXPECT_EQ(get_json(page(kDemoApp, kRegistration))["Result"], expected);
  EXPECT_EQ(get_json(page(kDemoApp, "409550008F83DC4DD4554A07B7BF"))["Result"], expected);
  EXPECT_EQ(find_page(get_json(pages(kDemoApp))["Result"], kRegistration), expected);
  EXPECT_TRUE(mock.server().datapage_deployed(kDemoApp, kRegistration));
}

TEST_F(AppsTest, UnknownDataPageOrDataPageOfAnotherAppIs404) {
  expect_error(mock.get(page(kDemoApp, "409550000000000000000000000f")), 404, "ObjectNotFound");
  expect_error(mock.get(page(kAppNameApp, kRegistration)), 404, "ObjectNotFound");
  expect_error(mock.get(page(kAppNameApp, kRegistration) + "/deployment?method=U"), 404,
               "ObjectNotFound");
}

TEST_F(AppsTest, AppWithoutDataPagesListsNone) {
  EXPECT_EQ(get_json(pages(kEmptyApp))["Result"], json::array());
  EXPECT_EQ(put(pages(kEmptyApp) + "/deployment")->status, 200);
}

TEST_F(AppsTest, UrlDeployCodeIsABareJsonString) {
  auto r = mock.get(code_url(kRegistration, "U"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
  const json body = MockHttp::json(r);
  ASSERT_TRUE(body.is_string()) << r->body;
  const std::string host = "127.0.0.1:" + std::to_string(mock.server().port());
  EXPECT_EQ(body.get<std::string>(), "https://" + host + "/dp/" + kRegistration);
}

TEST_F(AppsTest, EveryNonSeoMethodGivesItsOwnCodeNamingTheDataPage) {
  std::set<std::string> codes;
  for (const char* letter : {"I", "F", "U", "L", "E", "N", "B", "Y", "Z"}) {
    SCOPED_TRACE(letter);
    const json body = get_json(code_url(kRegistration, letter));
    ASSERT_TRUE(body.is_string());
    EXPECT_NE(body.get<std::string>().find(kRegistration), std::string::npos);
    codes.insert(body.get<std::string>());
  }
  EXPECT_EQ(codes.size(), 9u);
  const std::string iframe = get_json(code_url(kRegistration, "I")).get<std::string>();
  EXPECT_EQ(iframe.rfind("<iframe", 0), 0u) << iframe;
  EXPECT_NE(iframe.find("title=\"Physician Registration\""), std::string::npos);
  const std::string embed = get_json(code_url(kRegistration, "E")).get<std::string>();
  EXPECT_EQ(embed.rfind("<script", 0), 0u) << embed;
  EXPECT_NE(embed.find("/dp/" + kRegistration + "/emb"), std::string::npos);
  const std::string link = get_json(code_url(kRegistration, "L")).get<std::string>();
  EXPECT_EQ(link.rfind("<a href=\"https://", 0), 0u) << link;
  EXPECT_NE(link.find(">Physician Registration</a>"), std::string::npos);
}

TEST_F(AppsTest, MethodIsCaseInsensitiveAndAcceptsFullNames) {
  const json iframe = get_json(code_url(kRegistration, "I"));
  EXPECT_EQ(get_json(code_url(kRegistration, "i")), iframe);
  EXPECT_EQ(get_json(code_url(kRegistration, "iFrame")), iframe);
  EXPECT_EQ(get_json(code_url(kRegistration, "IFRAME")), iframe);
  EXPECT_EQ(get_json(code_url(kRegistration, "url")), get_json(code_url(kRegistration, "U")));
  EXPECT_EQ(get_json(code_url(kRegistration, "Embedded")), get_json(code_url(kRegistration, "e")));
  EXPECT_EQ(get_json(code_url(kRegistration, "Net")), get_json(code_url(kRegistration, "N")));
  EXPECT_EQ(get_json(code_url(kRegistration, "WordPress Embed")),
            get_json(code_url(kRegistration, "z")));
  EXPECT_EQ(get_json(code_url(kRegistration, "Facebook")), get_json(code_url(kRegistration, "b")));
}

TEST_F(AppsTest, MissingOrInvalidMethodIs400IncorrectQueryParameter) {
  expect_error(mock.get(page(kDemoApp, kRegistration) + "/deployment"), 400,
               "IncorrectQueryParameter");
  expect_error(mock.get(page(kDemoApp, kRegistration) + "/deployment?method="), 400,
               "IncorrectQueryParameter");
  for (const char* bad : {"Q", "iframes", "UU", "1"}) {
    SCOPED_TRACE(bad);
    expect_error(mock.get(code_url(kRegistration, bad)), 400, "IncorrectQueryParameter");
  }
}

TEST_F(AppsTest, SeoMethodsWorkOnlyForReportDataPages) {
  for (const char* letter : {"P", "A", "X", "php", "asp", "aspx"}) {
    SCOPED_TRACE(letter);
    const json code = get_json(code_url(kDirectory, letter));
    ASSERT_TRUE(code.is_string());
    EXPECT_NE(code.get<std::string>().find(kDirectory), std::string::npos);
    for (const std::string& other : {kRegistration, kManage, kReset}) {
      expect_error(mock.get(code_url(other, letter)), 400, "IncorrectQueryParameter");
    }
  }
  EXPECT_EQ(get_json(code_url(kDirectory, "P")).get<std::string>().rfind("<?php", 0), 0u);
}

TEST_F(AppsTest, DeployAndDisableOneDataPageChangeItsStateAndStampDateModified) {
  const json before = get_json(page(kDemoApp, kManage))["Result"];
  EXPECT_FALSE(mock.server().datapage_deployed(kDemoApp, kManage));

  auto r = put(page(kDemoApp, kManage) + "/deployment");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(r->body.empty());
  const json deployed = get_json(page(kDemoApp, kManage))["Result"];
  EXPECT_FALSE(deployed.contains("Deployed"));
  EXPECT_TRUE(mock.server().datapage_deployed(kDemoApp, kManage));
  EXPECT_GT(deployed["DateModified"].get<std::string>(), before["DateModified"].get<std::string>());
  EXPECT_TRUE(std::regex_match(deployed["DateModified"].get<std::string>(), kIsoMs));
  EXPECT_EQ(deployed["DateCreated"], before["DateCreated"]);

  r = mock.del(page(kDemoApp, kManage) + "/deployment");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_FALSE(mock.server().datapage_deployed(kDemoApp, kManage));
  // The other DataPages are untouched.
  EXPECT_EQ(get_json(page(kDemoApp, kRegistration))["Result"]["DateModified"],
            "2022-01-25T15:20:43.837");
}

TEST_F(AppsTest, DeployAndDisableAllApplyToEveryDataPageOfThatAppOnly) {
  std::vector<bool> others;
  for (const auto& d : mock.server().datapage_deployments()) {
    if (d.external_key != kDemoApp) others.push_back(d.deployed);
  }
  EXPECT_NE(std::count(others.begin(), others.end(), true), 0);
  EXPECT_NE(std::count(others.begin(), others.end(), false), 0);
  auto r = mock.del(pages(kDemoApp) + "/deployment");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  std::vector<bool> others_after;
  for (const auto& d : mock.server().datapage_deployments()) {
    if (d.external_key == kDemoApp) {
      EXPECT_FALSE(d.deployed) << d.name;
    } else {
      others_after.push_back(d.deployed);
    }
  }
  EXPECT_EQ(others_after, others);
  const json other = get_json(pages(kAppNameApp))["Result"];
  EXPECT_TRUE(mock.server().datapage_deployed(kAppNameApp, other[0]["AppKey"]));

  r = put(pages(kDemoApp) + "/deployment");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  const json deployed = get_json(pages(kDemoApp))["Result"];
  for (const auto& p : deployed) {
    EXPECT_TRUE(mock.server().datapage_deployed(kDemoApp, p["AppKey"])) << p["Name"];
    EXPECT_GT(p["DateModified"].get<std::string>(), "2022-01-26");
  }
  EXPECT_EQ(get_json(pages(kAppNameApp))["Result"], other);
}

TEST_F(AppsTest, DeploymentOfUnknownAppOrDataPageIs404) {
  const std::string nope = "00000000-0000-0000-0000-000000000000";
  expect_error(put(page(kDemoApp, "409550000000000000000000000f") + "/deployment"), 404,
               "ObjectNotFound");
  expect_error(mock.del(page(nope, kRegistration) + "/deployment"), 404, "ObjectNotFound");
  expect_error(put(pages(nope) + "/deployment"), 404, "ObjectNotFound");
  expect_error(mock.del(pages(nope) + "/deployment"), 404, "ObjectNotFound");
}

TEST_F(AppsTest, WrongMethodsOnAppRoutesAre405) {
  expect_error(mock.post_json(kApps, json::object()), 405, "MethodNotAllowed");
  expect_error(mock.post_json(page(kDemoApp, kRegistration) + "/deployment", json::object()), 405,
               "MethodNotAllowed");
}

TEST_F(AppsTest, ConcurrentDeployTogglesLeaveAConsistentState) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      httplib::Client client("127.0.0.1", mock.server().port());
      for (int i = 0; i < 10; ++i) {
        const std::string target = page(kDemoApp, kManage) + "/deployment";
        auto r = (i + t) % 2 ? client.Put(target, mock.auth(), "", "application/json")
                             : client.Delete(target, mock.auth());
        EXPECT_TRUE(r && r->status == 200);
      }
    });
  }
  for (auto& th : threads) th.join();
  // The threads interleave: the final state is either, but one state, the same everywhere.
  const bool state = mock.server().datapage_deployed(kDemoApp, kManage);
  auto listed = httplib::Client("127.0.0.1", mock.server().port()).Get("/__mock/datapages");
  ASSERT_TRUE(listed);
  bool found = false;
  for (const auto& d : json::parse(listed->body)) {
    if (d["AppKey"] == kManage) {
      found = true;
      EXPECT_EQ(d["Deployed"], state);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(AppsTest, ControlApiListsDeploymentStateAndServerApiRefusesUnknownKeys) {
  ASSERT_EQ(put(page(kDemoApp, kManage) + "/deployment")->status, 200);
  auto r = httplib::Client("127.0.0.1", mock.server().port()).Get("/__mock/datapages");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json list = json::parse(r->body);
  ASSERT_EQ(list.size(), mock.server().datapage_deployments().size());
  bool manage = false;
  for (const auto& d : list) {
    EXPECT_EQ(d.size(), 4u);
    if (d["AppKey"] == kManage) {
      manage = true;
      EXPECT_EQ(d["ExternalKey"], kDemoApp);
      EXPECT_EQ(d["Name"], "Manage Physicians");
      EXPECT_EQ(d["Deployed"], true);
    }
  }
  EXPECT_TRUE(manage);
  EXPECT_TRUE(mock.server().datapage_deployed("09D18152-7C45-44F1-A0E6-5FFE18881B60", kManage));
  EXPECT_THROW(mock.server().datapage_deployed(kDemoApp, "409550000000000000000000000f"),
               std::out_of_range);
  EXPECT_THROW(mock.server().datapage_deployed(kEmptyApp, kManage), std::out_of_range);
}

TEST(AppsEmptyFixture, HasNoApplications) {
  ServerOptions options;
  options.fixture = Fixture::empty;
  MockHttp mock(options);
  auto r = mock.get(kApps);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(MockHttp::json(r), json({{"Result", json::array()}}));
  EXPECT_EQ(mock.get(kApps + "/" + kDemoApp)->status, 404);
}

}  // namespace
