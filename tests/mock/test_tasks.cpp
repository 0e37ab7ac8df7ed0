// Scheduled tasks over plain HTTP (K1-K3): listing, properties, runs and refusals.

#include <gtest/gtest.h>

#include <ctime>
#include <regex>
#include <string>

#include "mock_http.hpp"

using caspio::mock::Fixture;
using caspio::mock::ServerOptions;
using caspio_test::MockHttp;
using nlohmann::json;

namespace {

const std::string kTasks = "/rest/v2/tasks";
const std::string kExport = "b7c3b7d5-4fa5-4725-86a2-6ca5ca797157";
const std::string kBusy = "3d9e6a41-8f2b-4c57-a0e3-6b1f9c2d7e84";
const std::string kNamedName = "a41f0c6e-2b7d-4e93-8c15-d06b3f8a92e1";
const std::string kIndia = "e8b25d7c-1f4a-4d06-b93e-5c7a0f1d2b68";
const std::regex kIso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$)");

// Seconds since the epoch of a "YYYY-MM-DDTHH:MM:SS" UTC time.
long long epoch_of(const std::string& iso) {
  std::tm tm{};
  EXPECT_NE(strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm), nullptr) << iso;
  return static_cast<long long>(timegm(&tm));
}

class TasksTest : public ::testing::Test {
 protected:
  MockHttp mock;

  json task(const std::string& key) {
    auto r = mock.get(kTasks + "/" + key);
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return MockHttp::json(r)["Result"];
  }
  httplib::Result run(const std::string& key) {
    return mock.http().Post(kTasks + "/" + key + "/run", mock.auth(), "", "application/json");
  }
  void expect_error(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(MockHttp::json(r)["Code"], code) << r->body;
  }
};

TEST_F(TasksTest, ListingHoldsTheSeedsExportTaskVerbatimAndTheOthers) {
  auto r = mock.get(kTasks);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json result = MockHttp::json(r)["Result"];
  ASSERT_EQ(result.size(), 4u);
  const json expected = {{"LastRunTimeUTC", "2022-01-29T06:49:07"},
                         {"LastRunTime", "2022-01-29T06:49:07"},
                         {"Success", true},
                         {"Name", "Demo_Physicians_Export"},
                         {"ExternalKey", kExport},
                         {"Status", "Ready"},
                         {"TaskTimeZone", "UTC"},
                         {"Frequency", "1 of the month"},
                         {"Note", ""}};
  EXPECT_EQ(result[0], expected);
  EXPECT_EQ(result[1]["Status"], "Busy");
  EXPECT_EQ(result[2]["Name"], "Name");
  for (const auto& t : result) {
    for (const char* key : {"Name", "ExternalKey", "Status", "TaskTimeZone", "Frequency", "Note"}) {
      EXPECT_TRUE(t[key].is_string()) << key;
    }
  }
}

TEST_F(TasksTest, TaskThatNeverRanHasNoLastRunProperties) {
  const json t = task(kNamedName);
  EXPECT_EQ(t["Name"], "Name");
  EXPECT_EQ(t["Frequency"], "On demand");
  EXPECT_FALSE(t.contains("LastRunTime"));
  EXPECT_FALSE(t.contains("LastRunTimeUTC"));
  EXPECT_FALSE(t.contains("Success"));
  EXPECT_EQ(t.size(), 6u);
}

TEST_F(TasksTest, TaskByKeyMatchesTheListingAndIgnoresKeyCase) {
  const json listed = MockHttp::json(mock.get(kTasks))["Result"][0];
  EXPECT_EQ(task(kExport), listed);
  EXPECT_EQ(task("B7C3B7D5-4FA5-4725-86A2-6CA5CA797157"), listed);
}

TEST_F(TasksTest, UnknownTaskIs404) {
  expect_error(mock.get(kTasks + "/00000000-0000-0000-0000-000000000000"), 404, "ObjectNotFound");
  expect_error(run("00000000-0000-0000-0000-000000000000"), 404, "ObjectNotFound");
  expect_error(mock.get(kTasks + "/Demo_Physicians_Export"), 404, "ObjectNotFound");
}

TEST_F(TasksTest, RunStampsLastRunTimesAndSuccess) {
  const long long before = static_cast<long long>(std::time(nullptr));
  auto r = run(kExport);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(r->body.empty());
  const long long after = static_cast<long long>(std::time(nullptr));

  const json t = task(kExport);
  const std::string utc = t["LastRunTimeUTC"];
  ASSERT_TRUE(std::regex_match(utc, kIso)) << utc;
  // std::time() reads a coarse clock that may lag the emulator's by a tick: one second of slack.
  EXPECT_GE(epoch_of(utc), before - 1);
  EXPECT_LE(epoch_of(utc), after + 1);
  EXPECT_EQ(t["LastRunTime"], utc);  // TaskTimeZone is UTC
  EXPECT_EQ(t["Success"], true);
  EXPECT_EQ(t["Status"], "Ready");
}

TEST_F(TasksTest, RunOfATaskThatNeverRanAddsTheLastRunProperties) {
  ASSERT_EQ(run(kNamedName)->status, 200);
  const json t = task(kNamedName);
  EXPECT_TRUE(std::regex_match(t["LastRunTimeUTC"].get<std::string>(), kIso));
  EXPECT_EQ(t["Success"], true);
  EXPECT_EQ(t.size(), 9u);
}

TEST_F(TasksTest, LastRunTimeIsInTheTasksTimeZone) {
  ASSERT_EQ(run(kIndia)->status, 200);
  const json t = task(kIndia);
  EXPECT_EQ(t["TaskTimeZone"], "India Standard Time");
  EXPECT_EQ(epoch_of(t["LastRunTime"]) - epoch_of(t["LastRunTimeUTC"]), 330 * 60);
}

TEST_F(TasksTest, RunOfABusyTaskIs400AndChangesNothing) {
  const json before = task(kBusy);
  expect_error(run(kBusy), 400, "TaskNotReady");
  EXPECT_EQ(task(kBusy), before);
}

TEST_F(TasksTest, RunIsPostOnly) {
  expect_error(mock.get(kTasks + "/" + kExport + "/run"), 405, "MethodNotAllowed");
  expect_error(mock.del(kTasks + "/" + kExport), 405, "MethodNotAllowed");
}

TEST(TasksEmptyFixture, HasNoTasks) {
  ServerOptions options;
  options.fixture = Fixture::empty;
  MockHttp mock(options);
  auto r = mock.get(kTasks);
  ASSERT_TRUE(r);
  EXPECT_EQ(MockHttp::json(r), json({{"Result", json::array()}}));
  EXPECT_EQ(mock.get(kTasks + "/" + kExport)->status, 404);
}

}  // namespace
