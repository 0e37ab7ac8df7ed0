#pragma once
// The state of one running emulator (Server::Impl), shared by the request pipeline
// (request_pipeline.cpp), the control API (control_api.cpp) and the public methods (server.cpp).

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app_store.hpp"
#include "call.hpp"
#include "caspio/mock/server.hpp"
#include "demo_apps.hpp"
#include "fault_plan.hpp"
#include "http_server.hpp"
#include "journal.hpp"
#include "module.hpp"
#include "token_store.hpp"

namespace caspio {
namespace mock {

struct Server::Impl {
  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        unstable_order(options.unstable_order),
        tokens(options.token_ttl),
        apps(options.fixture == Fixture::demo ? detail::demo_apps() : std::vector<detail::App>{}),
        journal(options.journal_max_entries, options.journal_max_bytes) {}

  ServerOptions options;
  std::atomic<bool> unstable_order;
  std::atomic<bool> stale_token_400{false};
  /// Set by stop(): statements still running end at once.
  std::atomic<bool> stopping{false};
  detail::TokenStore tokens;
  detail::AppStore apps;
  detail::Journal journal;
  detail::FaultPlan faults;
  detail::RateLimiter limiter;
  detail::Router router;
  std::vector<std::unique_ptr<detail::Module>> modules;
  HttpServer http;
  std::thread thread;
  int port = 0;
  socket_t listen_socket = INVALID_SOCKET;  ///< The socket cpp-httplib binds last.
  std::string url_host;

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopped = false;
  std::atomic<bool> loop_done{false};

  std::string base_url() const { return "http://" + url_host + ":" + std::to_string(port); }

  /// Applies the options to cpp-httplib: workers, timeouts, body limit, error bodies, routes.
  void configure_http();
  void handle(const httplib::Request& req, httplib::Response& res);
  /// Applies the faults that act on the answer (truncate, drop) and gzip when the client accepts
  /// it (JSON and XML answers of kGzipMinBytes or more).
  void finish(const httplib::Request& req, httplib::Response& res,
              const std::optional<Fault>& after);
  /// Gives an error that cpp-httplib answered itself (an over-long URI or header, a body over the
  /// limit, a malformed request) Caspio's error body, when it has none yet.
  void complete_error(const httplib::Request& req, httplib::Response& res);
  void serve(detail::Call& call, const std::string& raw_path, std::optional<Fault>& after);
  /// Applies the first matching fault; true when it answered the request itself.
  bool apply_fault(detail::Call& call, const std::string& raw_path, std::optional<Fault>& after);
  void send_error(detail::Call& call, int status, const std::string& code,
                  const std::string& message);
  void handle_control(const httplib::Request& req, httplib::Response& res,
                      const std::string& raw_path);
};

}  // namespace mock
}  // namespace caspio
