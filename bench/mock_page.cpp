// How fast the emulator serves one 1000-row page of Demo_Physicians, against a baseline measured in
// the same run: the smallest authorised request (GET /rest/v2/tables) on the same keep-alive
// connection. Prints medians and the ratio. Usage: mock_page [rows=5000] [iterations=200]

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "caspio/mock/server.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <typename F>
std::vector<double> time_runs(int iterations, F&& f) {
  std::vector<double> out;
  for (int i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    out.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 5000;
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 200;

  caspio::mock::ServerOptions options;
  options.rows = rows;
  auto load_start = std::chrono::steady_clock::now();
  caspio::mock::Server server(options);
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();

  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  httplib::Headers auth{{"Authorization", "Bearer " + server.issue_token()},
                        {"Accept", "application/json"}};

  std::size_t page_bytes = 0;
  bool ok = true;
  auto page = [&] {
    auto r =
        client.Get("/rest/v2/tables/Demo_Physicians/records?q.pageSize=1000&q.pageNumber=2", auth);
    if (!r || r->status != 200)
      ok = false;
    else
      page_bytes = r->body.size();
  };
  auto tiny = [&] {
    auto r = client.Get("/rest/v2/tables", auth);
    if (!r || r->status != 200) ok = false;
  };

  page();  // warm up, and check the page really has 1000 rows
  if (!ok || nlohmann::json::parse(
                 client.Get("/rest/v2/tables/Demo_Physicians/records?q.pageSize=1000", auth)->body)
                     .at("Result")
                     .size() != 1000) {
    std::fprintf(stderr, "mock_page: the emulator did not serve a 1000-row page\n");
    return 1;
  }
  const double base = median(time_runs(iterations, tiny));
  const double full = median(time_runs(iterations, page));
  if (!ok) {
    std::fprintf(stderr, "mock_page: a request failed\n");
    return 1;
  }
  std::printf("emulator start with %zu synthetic rows: %.1f ms\n", rows, load_ms);
  std::printf("baseline  GET /rest/v2/tables                 median %8.1f us\n", base);
  std::printf(
      "page      GET 1000 rows of Demo_Physicians    median %8.1f us  (%zu bytes, %.0f MB/s)\n",
      full, page_bytes, page_bytes / full);
  std::printf("ratio     page / baseline                     %8.1fx\n", full / base);
  return 0;
}
