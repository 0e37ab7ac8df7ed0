#include "caspio/mock/server.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "server_impl.hpp"
#include "worker_pool.hpp"

namespace caspio {
namespace mock {

namespace {
constexpr std::size_t kInitialThreads = 8;
constexpr time_t kKeepAliveSeconds = 5;
}  // namespace

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl& s = *impl_;
  s.url_host = s.options.host == "0.0.0.0" ? "127.0.0.1" : s.options.host;

  detail::ModuleEnv env{s.options, s.unstable_order, s.stopping};
  s.modules.push_back(detail::make_tables_module(env));
  s.modules.push_back(detail::make_apps_module(env, s.apps));
  s.modules.push_back(detail::make_tasks_module(env));
  s.modules.push_back(detail::make_files_module(env));
  for (auto& m : s.modules) m->register_routes(s.router);

  s.configure_http();

  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
  } else {
    s.port = s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    throw std::runtime_error("caspio-mock: cannot listen on " + s.options.host + ":" +
                             std::to_string(s.options.port));
  }
  // cpp-httplib 0.11 listens with a backlog of 5: a burst of new connections (64 POSTs in
  // flight) overflowed it and the kernel dropped SYNs, served a second or more later. Listening
  // again on the bound socket raises the backlog to the system's limit.
  if (s.listen_socket != INVALID_SOCKET) ::listen(s.listen_socket, SOMAXCONN);
  s.thread = std::thread([&s] {
    s.http.listen_after_bind();
    s.loop_done = true;
  });
}

void Server::Impl::configure_http() {
  // Each open connection holds a worker while it waits for its next request. By default a worker
  // is added whenever a connection arrives and all are busy (as a real server would serve it), so
  // no number of clients in flight or idle keep-alive connections can starve a new one; a given
  // --threads is a fixed pool.
  // Past max_connections, a new connection is answered 503 at once rather than left to time out.
  const bool growing = options.threads == 0;
  const std::size_t initial = growing ? kInitialThreads : options.threads;
  const std::size_t maximum =
      growing ? std::max<std::size_t>(1, options.max_connections) : options.threads;
  http.new_task_queue = [initial, maximum, growing] {
    return new WorkerPool(initial, maximum, growing);
  };
  http.set_header_timeout(options.header_timeout);
  http.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket = sock;  // the last socket offered is the one bound
  });
  http.set_keep_alive_max_count(100000);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_read_timeout(30);
  http.set_write_timeout(30);
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(options.max_body_bytes);
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        complete_error(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }));

  // A body announced over the limit is refused before it is read (httplib itself would first read
  // and discard it all).
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    HttpServer::head_read();  // the head arrived in time: the body has the read timeout only
    if (req.get_header_value<std::uint64_t>("Content-Length") <= options.max_body_bytes) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 413;
    res.set_header("Connection", "close");
    complete_error(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response&) {
    return req.get_header_value<std::uint64_t>("Content-Length") > options.max_body_bytes ? 413
                                                                                          : 100;
  });

  auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Delete(".*", handler);
  http.Patch(".*", handler);
  http.Options(".*", handler);
}

Server::~Server() {
  stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

int Server::port() const {
  return impl_->port;
}
std::string Server::base_url() const {
  return impl_->base_url();
}
std::string Server::rest_url() const {
  return impl_->base_url() + "/rest/v2";
}
std::string Server::rest_v3_url() const {
  return impl_->base_url() + "/integrations/rest/v3";
}
std::string Server::token_url() const {
  return impl_->base_url() + "/oauth/token";
}
const std::string& Server::client_id() const {
  return impl_->options.client_id;
}
const std::string& Server::client_secret() const {
  return impl_->options.client_secret;
}

std::string Server::issue_token() {
  return impl_->tokens.issue().at("access_token");
}
void Server::expire_tokens() {
  impl_->tokens.expire_all();
}
std::size_t Server::tokens_issued() const {
  return impl_->tokens.issued();
}

std::vector<DataPageDeployment> Server::datapage_deployments() const {
  return impl_->apps.deployments();
}

bool Server::datapage_deployed(const std::string& external_key, const std::string& app_key) const {
  for (const auto& d : impl_->apps.deployments()) {
    if (detail::iequals(d.external_key, external_key) && detail::iequals(d.app_key, app_key)) {
      return d.deployed;
    }
  }
  throw std::out_of_range("caspio-mock: no DataPage " + app_key + " in application " +
                          external_key);
}

std::vector<JournalEntry> Server::journal() const {
  return impl_->journal.entries();
}
void Server::clear_journal() {
  impl_->journal.clear();
}

void Server::inject(Fault fault) {
  impl_->faults.add(std::move(fault));
}
void Server::clear_faults() {
  impl_->faults.clear();
}

void Server::set_unstable_order(bool on) {
  impl_->unstable_order = on;
}
void Server::set_stale_token_400(bool on) {
  impl_->stale_token_400 = on;
}
void Server::set_rate_limit(std::size_t calls, std::chrono::seconds window, int status) {
  impl_->limiter.configure(calls, window, status);
}

void Server::stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->stop_mutex);
    if (impl_->stopped) return;
    impl_->stopped = true;
  }
  impl_->stopping = true;
  // httplib's stop() only reaches a running accept loop: wait for it to have started.
  while (!impl_->http.is_running() && !impl_->loop_done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
  impl_->stop_cv.notify_all();
}

void Server::wait() {
  std::unique_lock<std::mutex> lock(impl_->stop_mutex);
  impl_->stop_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace mock
}  // namespace caspio
