// Soak: a 100,000-row export while one request in ten fails, with every fault kind the emulator
// has, gives the same file as a clean export: every row exactly once, in order.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

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
