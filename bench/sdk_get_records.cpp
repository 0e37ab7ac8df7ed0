// Fetching every row of Demo_Physicians through the SDK, against a baseline measured in the same
// run: a bare client (cpp-httplib, one keep-alive connection) asking for the same 1000-row pages
// and parsing them with nlohmann/json, with no error handling, retries, encoding or token logic.
// Prints medians and the SDK/baseline ratios. Usage: sdk_get_records [rows=10000] [iterations=7]

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"
#include "caspio/mock/server.hpp"

namespace {

template <typename F>
double median_ms(int iterations, F&& f) {
  std::vector<double> out;
  for (int i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    out.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(out.begin(), out.end());
  return out[out.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 7;

  caspio::mock::ServerOptions server_options;
  server_options.rows = rows;
  caspio::mock::Server server(server_options);

  httplib::Client raw("127.0.0.1", server.port());
  raw.set_keep_alive(true);
  const httplib::Headers auth{{"Authorization", "Bearer " + server.issue_token()},
                              {"Accept", "application/json"}};
  std::size_t baseline_rows = 0;
  auto baseline = [&] {
    std::vector<nlohmann::json> all;
    for (int page = 1;; ++page) {
      auto r = raw.Get(
          "/rest/v2/tables/Demo_Physicians/records?q.orderBy=PK_ID&q.pageSize=1000&"
          "q.pageNumber=" +
              std::to_string(page),
          auth);
      auto result = nlohmann::json::parse(r->body).at("Result");
      const std::size_t n = result.size();
      for (auto& row : result) all.push_back(std::move(row));
      if (n < 1000) break;
    }
    baseline_rows = all.size();
  };

  caspio::ClientOptions options;
  options.base_url = server.rest_url();
  const caspio::Client client(
      caspio::ClientCredentials{server.client_id(), server.client_secret(), server.token_url()},
      options);
  std::size_t sdk_rows = 0;
  auto sdk_all = [&] { sdk_rows = client.tables().get_records("Demo_Physicians").size(); };
  std::size_t lazy_rows = 0;
  auto sdk_lazy = [&] {
    lazy_rows = 0;
    for (const auto& row : client.tables().records("Demo_Physicians")) {
      lazy_rows += row.empty() ? 0 : 1;
    }
  };

  baseline();  // warm up both paths (connections, token)
  sdk_all();
  const double base_ms = median_ms(iterations, baseline);
  const double all_ms = median_ms(iterations, sdk_all);
  const double lazy_ms = median_ms(iterations, sdk_lazy);
  if (baseline_rows != sdk_rows || sdk_rows != lazy_rows || sdk_rows < rows) {
    std::fprintf(stderr, "row counts differ: baseline %zu, get_records %zu, records() %zu\n",
                 baseline_rows, sdk_rows, lazy_rows);
    return 1;
  }
  std::printf("rows: %zu (%zu pages of <= 1000)\n", sdk_rows, sdk_rows / 1000 + 1);
  std::printf("baseline  bare httplib + nlohmann pages   median %8.1f ms\n", base_ms);
  std::printf("sdk       tables().get_records()          median %8.1f ms  ratio %.2fx\n", all_ms,
              all_ms / base_ms);
  std::printf("sdk       tables().records() (lazy)       median %8.1f ms  ratio %.2fx\n", lazy_ms,
              lazy_ms / base_ms);
  return 0;
}
