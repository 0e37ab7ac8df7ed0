// Every Tasks method against the emulator: the requests on the wire and the value returned.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "emulator.hpp"

using caspio_test::Emulator;
using nlohmann::json;

namespace {

constexpr const char* kExportKey = "b7c3b7d5-4fa5-4725-86a2-6ca5ca797157";

class TasksEmulator : public ::testing::Test {
 protected:
  Emulator emu;
  caspio::Client client = emu.client();
  caspio::Tasks tasks = client.tasks();

  void forget() { emu.server().clear_journal(); }
  std::vector<std::string> targets() {
    std::vector<std::string> out;
    for (const auto& r : emu.requests()) out.push_back(r.method + " " + r.target);
    return out;
  }
};

using Targets = std::vector<std::string>;

}  // namespace

TEST_F(TasksEmulator, Listing) {
  const auto list = tasks.listing();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].name, "Demo_Physicians_Export");
  EXPECT_EQ(list[0].external_key, kExportKey);
  EXPECT_EQ(list[0].status, "Ready");
  EXPECT_EQ(list[0].task_time_zone, "UTC");
  EXPECT_EQ(list[0].frequency, "1 of the month");
  EXPECT_EQ(list[0].last_run_time_utc, "2022-01-29T06:49:07");
  EXPECT_EQ(list[0].success, true);
  EXPECT_FALSE(list[2].last_run_time.has_value());  // "Name" never ran
  EXPECT_EQ(json(list[0]), json::parse(R"({"LastRunTimeUTC":"2022-01-29T06:49:07",
      "LastRunTime":"2022-01-29T06:49:07","Success":true,"Name":"Demo_Physicians_Export",
      "ExternalKey":"b7c3b7d5-4fa5-4725-86a2-6ca5ca797157","Status":"Ready","TaskTimeZone":"UTC",
      "Frequency":"1 of the month","Note":""})"));
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/tasks"}));
}

TEST_F(TasksEmulator, PropertiesByNameIgnoresCaseAndByKey) {
  EXPECT_EQ(tasks.properties_by_name("demo_physicians_EXPORT").external_key, kExportKey);
  EXPECT_EQ(targets(),
            (Targets{"GET /rest/v2/tasks", std::string("GET /rest/v2/tasks/") + kExportKey}));
  forget();
  EXPECT_EQ(tasks.properties_by_key(kExportKey).name, "Demo_Physicians_Export");
  EXPECT_EQ(targets(), (Targets{std::string("GET /rest/v2/tasks/") + kExportKey}));
}

TEST_F(TasksEmulator, ATaskCalledNameResolves) {
  const auto task = tasks.properties_by_name("Name");
  EXPECT_EQ(task.name, "Name");
  EXPECT_EQ(task.external_key, "a41f0c6e-2b7d-4e93-8c15-d06b3f8a92e1");
  forget();
  tasks.run_by_name("name");
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/tasks",
                                "POST /rest/v2/tasks/a41f0c6e-2b7d-4e93-8c15-d06b3f8a92e1/run"}));
}

TEST_F(TasksEmulator, RunByNameAndByKey) {
  tasks.run_by_name("Demo_Physicians_Export");
  auto sent = emu.requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].method, "POST");
  EXPECT_EQ(sent[1].target, std::string("/rest/v2/tasks/") + kExportKey + "/run");
  EXPECT_TRUE(sent[1].body.empty());
  EXPECT_EQ(sent[1].status, 200);
  forget();
  tasks.run_by_key(kExportKey);
  EXPECT_EQ(targets(), (Targets{std::string("POST /rest/v2/tasks/") + kExportKey + "/run"}));
}

TEST_F(TasksEmulator, UnknownNameIsNotFoundWithNearNames) {
  try {
    tasks.run_by_name("Demo_Physicians_Exprt");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NameNotFound");
    EXPECT_NE(std::string(e.what()).find("'Demo_Physicians_Export'"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(targets(), (Targets{"GET /rest/v2/tasks"}));
}

TEST_F(TasksEmulator, RefusalsAndServerErrors) {
  EXPECT_THROW(tasks.run_by_key(""), caspio::InvalidArgumentError);
  EXPECT_THROW(tasks.properties_by_name(""), caspio::InvalidArgumentError);
  EXPECT_TRUE(emu.requests().empty());
  EXPECT_THROW(tasks.properties_by_key("00000000-0000-0000-0000-000000000000"),
               caspio::NotFoundError);
  try {
    tasks.run_by_name("Demo_Physicians_Import");  // Busy
    FAIL() << "expected ApiError";
  } catch (const caspio::ApiError& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.code(), "TaskNotReady");
  }
}
