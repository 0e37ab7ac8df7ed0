// Soak: a 100,000-row export while one request in ten fails, with every fault kind the emulator
// has, gives the same file as a clean export: every row exactly once, in order. 1,000 creations
// while one POST in ten fails (drops, cut bodies, 5xx, throttles) leave exactly 1,000 rows once the
// failed rows are sent again.
#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "emulator.hpp"
#include "temp_dir.hpp"

using caspio::mock::Fault;
using caspio::mock::FaultKind;

namespace {

std::string slurp_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST(Soak, HundredThousandRowExportUnderRandomFaults) {
  caspio::mock::ServerOptions server_options;
  server_options.rows = 100'000;
  caspio_test::Emulator emu(server_options);
  caspio_test::ScratchDir dir;
  const auto client = emu.client();
  const std::string clean = (dir.path() / "clean.ndjson").string();
  const std::size_t total = client.tables().get_records_stream_to_file(
      "Demo_Physicians", {}, clean, caspio::StreamFormat::ndjson);
  ASSERT_GE(total, 100'000u);
  const int pages = static_cast<int>((total + 999) / 1000);

  // One page request in ten fails once, the kind drawn at random (seeded: reproducible).
  std::mt19937 random(20261201);
  const FaultKind kinds[] = {FaultKind::status, FaultKind::drop, FaultKind::truncate,
                             FaultKind::rate_limit_400, FaultKind::delay};
  int injected[5] = {0, 0, 0, 0, 0};
  for (int page = 1; page <= pages; ++page) {
    if (random() % 10 != 0) continue;
    const int pick = static_cast<int>(random() % 5);
    Fault fault;
    fault.kind = kinds[pick];
    fault.method = "GET";
    fault.path_prefix = "/rest/v2/tables/Demo_Physicians/records";
    fault.query_contains = "q.pageNumber=" + std::to_string(page) + "&";
    fault.status = 503;
    fault.delay = std::chrono::milliseconds(50);
    emu.server().inject(fault);
    ++injected[pick];
  }
  for (int count : injected) EXPECT_GT(count, 0) << "every fault kind is tried";
  emu.server().clear_journal();

  const std::string faulty = (dir.path() / "faulty.ndjson").string();
  EXPECT_EQ(client.tables().get_records_stream_to_file("Demo_Physicians", {}, faulty,
                                                       caspio::StreamFormat::ndjson),
            total);
  EXPECT_TRUE(slurp_file(clean) == slurp_file(faulty)) << "rows lost, repeated or reordered";
  // Each page that failed was sent again, every other page (a delayed one too) once.
  int faults = 0;
  for (int i = 0; i < 4; ++i) faults += injected[i];
  EXPECT_EQ(emu.requests("/rest/v2/tables/Demo_Physicians/records").size(),
            static_cast<std::size_t>(pages + faults));
}

TEST(Soak, ThousandCreationsUnderDropsAnd5xxLeaveExactlyAThousandRows) {
  caspio_test::Emulator emu;
  const auto client = emu.client();
  constexpr int kRows = 1000;
  const std::string records = "/rest/v2/tables/Demo_Physicians/records";
  std::vector<nlohmann::json> rows;
  for (int i = 0; i < kRows; ++i) {
    const std::string id = "soak-" + std::to_string(i);
    rows.push_back({{"First_Name", "Soak"}, {"Last_Name", id}, {"Email", id + "@example.com"}});
  }

  // About one POST in ten fails once, scattered over the batch (seeded: reproducible). A drop or a
  // cut body comes after the row was written; a 5xx and a throttle before.
  std::mt19937 random(20261202);
  const FaultKind kinds[] = {FaultKind::drop, FaultKind::truncate, FaultKind::status,
                             FaultKind::status, FaultKind::rate_limit_400};
  const int statuses[] = {0, 0, 500, 503, 0};
  int injected[5] = {0, 0, 0, 0, 0};
  for (int post = 0; post < kRows; ++post) {
    if (random() % 10 != 0) continue;
    const int pick = static_cast<int>(random() % 5);
    Fault fault;
    fault.kind = kinds[pick];
    fault.method = "POST";
    fault.path_prefix = records;
    fault.skip = post;
    fault.status = statuses[pick];
    emu.server().inject(fault);
    ++injected[pick];
  }
  for (int count : injected) EXPECT_GT(count, 0) << "every fault kind is tried";

  caspio::CreateRecordsOptions options;
  options.in_flight = 8;
  options.return_rows = caspio::ReturnRows::yes;  // a body for the drops and cuts
  const auto first = client.tables().create_records("Demo_Physicians", rows, options);
  ASSERT_EQ(first.size(), rows.size());
  std::vector<nlohmann::json> again;
  std::set<std::string> unsure;  // failed after the request left: the row may exist
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (first[i].ok()) {
      ASSERT_EQ(first[i].result.rows.size(), 1u);
      EXPECT_EQ(first[i].result.rows[0].at("Email"), rows[i].at("Email"))
          << "outcome in input order";
      continue;
    }
    again.push_back(rows[i]);
    try {
      std::rethrow_exception(first[i].error);
    } catch (const caspio::ApiError& e) {
      if (e.http_status() / 100 == 2) {
        unsure.insert(rows[i].at("Email").get<std::string>());  // 201 with a cut body
      } else {
        EXPECT_GE(e.http_status(), 500) << e.what();  // the throttles were absorbed, not failed
      }
    } catch (const caspio::Error&) {
      unsure.insert(rows[i].at("Email").get<std::string>());  // connection dropped
    }
  }
  // Every 5xx and every drop or cut shows in its own row; no throttle does.
  EXPECT_EQ(again.size(),
            static_cast<std::size_t>(injected[0] + injected[1] + injected[2] + injected[3]));
  EXPECT_EQ(unsure.size(), static_cast<std::size_t>(injected[0] + injected[1]));

  // Sending the failed rows again: the ones that were written are refused by the unique Email.
  const auto second = client.tables().create_records("Demo_Physicians", again, options);
  for (std::size_t i = 0; i < second.size(); ++i) {
    const std::string email = again[i].at("Email").get<std::string>();
    if (unsure.count(email) != 0) {
      EXPECT_FALSE(second[i].ok()) << email << " existed already";
    } else {
      EXPECT_TRUE(second[i].ok()) << email;
    }
  }

  std::map<std::string, int> stored;
  for (const auto& row : client.tables().records(
           "Demo_Physicians", caspio::Query{}.where("Email LIKE {}", "soak-%"))) {
    ++stored[row.at("Email").get<std::string>()];
  }
  EXPECT_EQ(stored.size(), static_cast<std::size_t>(kRows));
  for (const auto& [email, n] : stored) EXPECT_EQ(n, 1) << email;
  // Each row was written by exactly one POST the emulator answered 201.
  std::map<std::string, int> created;
  for (const auto& entry : emu.requests(records)) {
    if (entry.method == "POST" && entry.status == 201) {
      ++created[nlohmann::json::parse(entry.body).at("Email").get<std::string>()];
    }
  }
  EXPECT_EQ(created.size(), static_cast<std::size_t>(kRows));
  for (const auto& [email, n] : created) EXPECT_EQ(n, 1) << email;
}
