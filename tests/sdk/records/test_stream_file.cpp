// get_records_stream_to_file: formats, PK_ID removal, atomic appearance, nothing left on failure.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "emulator.hpp"

namespace fs = std::filesystem;
using caspio::Query;
using caspio::StreamFormat;
using nlohmann::json;

namespace {

// A fresh empty directory, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "caspio-sdk-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(path_), {}));
  }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A client over a fake transport that serves `pages` in order.
struct FakeClient {
  std::shared_ptr<caspio::testing::FakeTransport> fake =
      std::make_shared<caspio::testing::FakeTransport>();
  caspio::Client client() {
    caspio::ClientOptions o;
    o.transport = fake;
    return caspio::Client("acct", "tok", o);
  }
};

const char* kPage =
    R"({"Result":[{"PK_ID":1,"Name":"Ann","Note":"a, \"b\""},{"PK_ID":2,"Name":"Bo","Note":null}]})";

}  // namespace

TEST(StreamFile, SeedFormatIsOneJsonArrayWithoutPkIdAndANewline) {
  TempDir dir;
  FakeClient f;
  f.fake->push(200, kPage);
  const auto path = dir.path() / "out.json";
  EXPECT_EQ(f.client().tables().get_records_stream_to_file("T", {}, path.string()), 2u);
  EXPECT_EQ(read_file(path), R"([{"Name":"Ann","Note":"a, \"b\""},{"Name":"Bo","Note":null}])"
                             "\n");
  EXPECT_EQ(dir.entries(), 1u);  // no temporary file left behind
}

TEST(StreamFile, EmptyResultIsAnEmptyArray) {
  TempDir dir;
  FakeClient f;
  const auto path = dir.path() / "none.json";
  EXPECT_EQ(f.client().views().get_records_stream_to_file("V", {}, path.string()), 0u);
  EXPECT_EQ(read_file(path), "[]\n");
}

TEST(StreamFile, NdjsonAndCsvOnRequest) {
  TempDir dir;
  FakeClient f;
  f.fake->push(200, kPage);
  f.fake->push(200, kPage);
  const auto nd = dir.path() / "out.ndjson";
  const auto csv = dir.path() / "out.csv";
  f.client().tables().get_records_stream_to_file("T", {}, nd.string(), StreamFormat::ndjson);
  f.client().tables().get_records_stream_to_file("T", {}, csv.string(), StreamFormat::csv);
  EXPECT_EQ(read_file(nd),
            "{\"Name\":\"Ann\",\"Note\":\"a, \\\"b\\\"\"}\n{\"Name\":\"Bo\",\"Note\":null}\n");
  EXPECT_EQ(read_file(csv), "Name,Note\r\nAnn,\"a, \"\"b\"\"\"\r\nBo,\r\n");
}

TEST(StreamFile, ReplacesAnExistingFileOnlyWhenComplete) {
  TempDir dir;
  FakeClient f;
  const auto path = dir.path() / "keep.json";
  std::ofstream(path) << "old contents";
  f.fake->push(500, "");  // every attempt fails: page 1 never arrives
  f.fake->push(500, "");
  f.fake->push(500, "");
  f.fake->push(500, "");
  caspio::ClientOptions o;
  o.transport = f.fake;
  o.retry.sleep = [](std::chrono::milliseconds) {};
  const caspio::Client client("acct", "tok", o);
  EXPECT_THROW(client.tables().get_records_stream_to_file("T", {}, path.string()),
               caspio::ApiError);
  EXPECT_EQ(read_file(path), "old contents");
  EXPECT_EQ(dir.entries(), 1u);
}

namespace {

// Wraps a real transport; every request for page 2 of a read fails as a dropped connection.
class FailPageTwo : public caspio::HttpTransport {
 public:
  explicit FailPageTwo(std::shared_ptr<caspio::HttpTransport> inner) : inner_(std::move(inner)) {}
  caspio::HttpResponse send(const caspio::HttpRequest& request) override {
    if (request.url.find("q.pageNumber=2&") != std::string::npos) {
      caspio::ErrorInfo info;
      info.message = "injected: connection dropped on page 2";
      throw caspio::TransportError(info);
    }
    return inner_->send(request);
  }

 private:
  std::shared_ptr<caspio::HttpTransport> inner_;
};

}  // namespace

TEST(StreamFileEmulator, WritesEveryRowAndLeavesNothingWhenPage2Fails) {
  caspio::mock::ServerOptions server_options;
  server_options.rows = 1200;  // Demo_Physicians spans two pages
  caspio_test::Emulator emu(server_options);
  TempDir dir;
  const auto path = dir.path() / "physicians.json";

  const auto client = emu.client();
  const auto expected = client.tables().get_records("Demo_Physicians");
  ASSERT_GT(expected.size(), 1000u);
  const auto written =
      client.tables().get_records_stream_to_file("Demo_Physicians", {}, path.string());
  EXPECT_EQ(written, expected.size());
  const auto file = json::parse(read_file(path));
  ASSERT_EQ(file.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const json row = expected[i].without("PK_ID").to_json();
    ASSERT_EQ(file[i], row) << i;
  }

  auto options = emu.options();
  options.transport = std::make_shared<FailPageTwo>(caspio::make_curl_transport());
  const caspio::Client faulty(emu.credentials(), options);
  const auto broken = dir.path() / "broken.json";
  EXPECT_THROW(faulty.tables().get_records_stream_to_file("Demo_Physicians", {}, broken.string()),
               caspio::TransportError);
  EXPECT_FALSE(fs::exists(broken));
  EXPECT_EQ(dir.entries(), 1u);  // only the complete physicians.json
}

TEST(StreamFileEmulator, ConnectionDroppedMidPage2OnTheWireLeavesNoFile) {
  caspio::mock::ServerOptions server_options;
  server_options.rows = 1200;
  caspio_test::Emulator emu(server_options);
  TempDir dir;
  const auto client = emu.client();

  // Every try of page 2 (the first and all retries) is cut off half-way through its body.
  caspio::mock::Fault drop;
  drop.kind = caspio::mock::FaultKind::drop;
  drop.method = "GET";
  drop.query_contains = "q.pageNumber=2";
  drop.count = 100;
  emu.server().inject(drop);

  const auto broken = dir.path() / "broken.json";
  EXPECT_THROW(client.tables().get_records_stream_to_file("Demo_Physicians", {}, broken.string()),
               caspio::TransportError);
  EXPECT_FALSE(fs::exists(broken));
  EXPECT_EQ(dir.entries(), 0u);

  int page2_tries = 0;
  for (const auto& e : emu.requests("/rest/v2/tables/Demo_Physicians/records")) {
    if (e.param("q.pageNumber").value_or("") == "2") ++page2_tries;
  }
  EXPECT_EQ(page2_tries, emu.options().retry.max_attempts);  // retried, then gave up
}
