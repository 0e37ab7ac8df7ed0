// caspio-mock: runs the local Caspio REST API (v2, v3) emulator until SIGINT or SIGTERM.

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "caspio/mock/server.hpp"

int main(int argc, char** argv) {
  caspio::mock::ServerOptions options;
  std::string fixture = "demo";
  std::string api = "both";
  long long token_ttl = options.token_ttl.count();
  long long query_timeout_ms = options.query_timeout.count();
  long long header_timeout_ms = options.header_timeout.count();

  CLI::App app{"caspio-mock: a local emulator of the Caspio REST API v2 and v3", "caspio-mock"};
  app.add_option("--host", options.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", options.port, "TCP port (0 picks a free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--fixture", fixture, "Data set: demo or empty")
      ->check(CLI::IsMember({"demo", "empty"}))
      ->capture_default_str();
  app.add_option("--api", api,
                 "REST API versions served: v2 (/rest/v2), v3 (/integrations/rest/v3) or both")
      ->check(CLI::IsMember({"v2", "v3", "both"}))
      ->capture_default_str();
  app.add_option("--rows", options.rows, "Synthetic Demo_Physicians rows to add")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--client-id", options.client_id, "OAuth client id to accept")
      ->capture_default_str();
  app.add_option("--client-secret", options.client_secret, "OAuth client secret to accept");
  app.add_option("--token-ttl", token_ttl, "Access token lifetime in seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--unstable-order", options.unstable_order,
               "Return unordered reads in a different order on every request");
  app.add_option("--threads", options.threads,
                 "Worker threads: 0 = one per open connection (default), N = a fixed pool of N");
  app.add_option("--query-timeout-ms", query_timeout_ms, "Time limit of one records call's SQL")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  std::size_t bandwidth_kib = 0;
  long latency_ms = 0;
  app.add_option("--bandwidth-kib", bandwidth_kib,
                 "Send answer bodies at most this many KiB per second (0 = no limit), as a slow "
                 "network link would")
      ->capture_default_str();
  app.add_option("--latency-ms", latency_ms, "Wait this long before each answer (a round trip)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--max-connections", options.max_connections,
                 "Connections served at once (without --threads); more are answered 503")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--header-timeout-ms", header_timeout_ms,
                 "Time a request's head (request line and headers) may take to arrive")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--journal-max-entries", options.journal_max_entries,
                 "Requests the journal keeps (the oldest are dropped; 0 keeps none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--journal-max-bytes", options.journal_max_bytes,
                 "Bytes of bodies and headers the journal keeps (the oldest are dropped)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "caspio-mock: " << e.what() << "\n\n" << app.help();
    return 2;
  }
  if (options.fixture == caspio::mock::Fixture::demo && fixture == "empty") {
    options.fixture = caspio::mock::Fixture::empty;
  }
  options.api = api == "v2"   ? caspio::mock::ApiSet::v2
                : api == "v3" ? caspio::mock::ApiSet::v3
                              : caspio::mock::ApiSet::both;
  options.token_ttl = std::chrono::seconds(token_ttl);
  options.bandwidth_bytes_per_second = bandwidth_kib * 1024;
  options.latency = std::chrono::milliseconds(latency_ms);
  options.query_timeout = std::chrono::milliseconds(query_timeout_ms);
  options.header_timeout = std::chrono::milliseconds(header_timeout_ms);

  // Block the stop signals before any server thread starts, then wait for them here.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  try {
    caspio::mock::Server server(options);
    std::cout << "caspio-mock listening on " << server.base_url() << "\n"
              << "CASPIO_REST_URL="
              << (options.api == caspio::mock::ApiSet::v3 ? server.rest_v3_url()
                                                          : server.rest_url())
              << "\n";
    if (options.api == caspio::mock::ApiSet::both) {
      std::cout << "CASPIO_REST_V3_URL=" << server.rest_v3_url() << "\n";
    }
    std::cout << "CASPIO_TOKEN_URL=" << server.token_url() << "\n"
              << "CASPIO_CLIENT_ID=" << server.client_id() << "\n"
              << "CASPIO_CLIENT_SECRET=" << server.client_secret() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    std::cout << "caspio-mock: " << (received == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping"
              << std::endl;
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "caspio-mock: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
