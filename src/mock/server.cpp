#include "caspio/mock/server.hpp"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "call.hpp"
#include "error_body.hpp"
#include "fault_plan.hpp"
#include "journal.hpp"
#include "module.hpp"
#include "oauth.hpp"
#include "token_store.hpp"

namespace caspio {
namespace mock {

namespace {
constexpr std::size_t kMaxUriLength = 2047;  // Caspio: longer request URIs get 414.
constexpr const char* kRequestIdHeader = "X-Caspio-Request-ID";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string code_for_status(int status) {
  switch (status) {
    case 400:
      return "IncorrectQueryParameter";
    case 401:
      return "Unauthorized";
    case 403:
      return "UnsufficientPrivileges";
    case 404:
      return "ObjectNotFound";
    case 408:
      return "RequestTimeout";
    case 409:
      return "Conflict";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    default:
      return status >= 500 ? "InternalError" : "Error";
  }
}

std::string message_for_status(int status) {
  switch (status) {
    case 401:
      return "Authorization has been denied for this request.";
    case 429:
      return "You have exceeded your API call rate limits.";
    case 503:
      return "The service is unavailable.";
    default:
      return status >= 500 ? "Internal error" : "Injected fault";
  }
}

const char* kRateLimitBody =
    R"([{"message":"You have exceeded your API call rate limits.","name":"api-calls-rate"}])";
}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        unstable_order(options.unstable_order),
        tokens(options.token_ttl) {}

  ServerOptions options;
  std::atomic<bool> unstable_order;
  std::atomic<bool> stale_token_400{false};
  detail::TokenStore tokens;
  detail::Journal journal;
  detail::FaultPlan faults;
  detail::RateLimiter limiter;
  detail::Router router;
  std::vector<std::unique_ptr<detail::Module>> modules;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  std::string url_host;

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopped = false;
  std::atomic<bool> loop_done{false};

  std::string base_url() const { return "http://" + url_host + ":" + std::to_string(port); }

  void handle(const httplib::Request& req, httplib::Response& res);
  void serve(detail::Call& call, const std::string& raw_path, std::optional<Fault>& after);
  void send_error(detail::Call& call, int status, const std::string& code,
                  const std::string& message);
  void handle_control(const httplib::Request& req, httplib::Response& res,
                      const std::string& raw_path);
};

void Server::Impl::send_error(detail::Call& call, int status, const std::string& code,
                              const std::string& message) {
  call.res.status = status;
  if (detail::wants_xml(call.req.get_header_value("Accept"))) {
    call.res.set_content(detail::xml_error(code, message, call.resource, call.request_id),
                         "application/xml; charset=utf-8");
  } else {
    call.res.set_content(detail::json_error(code, message, call.resource, call.request_id),
                         "application/json; charset=utf-8");
  }
}

void Server::Impl::serve(detail::Call& call, const std::string& raw_path,
                         std::optional<Fault>& after) {
  const auto& req = call.req;
  const auto qmark = req.target.find('?');
  const std::string raw_query = qmark == std::string::npos ? "" : req.target.substr(qmark + 1);
  if (auto fault = faults.take(req.method, raw_path, raw_query)) {
    switch (fault->kind) {
      case FaultKind::delay:
        std::this_thread::sleep_for(fault->delay);
        break;
      case FaultKind::status:
        if (fault->retry_after) {
          call.res.set_header("Retry-After", std::to_string(*fault->retry_after));
        }
        return send_error(call, fault->status, code_for_status(fault->status),
                          message_for_status(fault->status));
      case FaultKind::rate_limit_400:
        call.res.status = 400;
        call.res.set_content(kRateLimitBody, "application/json; charset=utf-8");
        return;
      case FaultKind::drop:
      case FaultKind::truncate:
        after = fault;
        break;
    }
  }

  if (req.target.size() > kMaxUriLength) {
    return send_error(
        call, 414, "RequestUriTooLong",
        "The request URI is longer than " + std::to_string(kMaxUriLength) + " characters.");
  }

  if (raw_path == "/oauth/token") {
    if (req.method != "POST") {
      return send_error(
          call, 405, "MethodNotAllowed",
          "The requested resource does not support http method '" + req.method + "'.");
    }
    detail::serve_token_request(req, call.res, tokens, options.client_id, options.client_secret);
    return;
  }

  if (!starts_with(lower(raw_path), "/rest/v2/") && lower(raw_path) != "/rest/v2") {
    call.res.status = 404;
    call.res.set_content(detail::iis_not_found_page(), "text/html");
    return;
  }

  const std::string token = detail::bearer_token(req.get_header_value("Authorization"));
  const auto token_status =
      token.empty() ? detail::TokenStore::Status::unknown : tokens.check(token);
  if (token_status == detail::TokenStore::Status::expired && stale_token_400) {
    // Observed quirk: Caspio sometimes answers a stale token with 400, not 401.
    return send_error(call, 400, "IncorrectQueryParameter",
                      "Required query parameter absent or has incorrect format");
  }
  if (token_status != detail::TokenStore::Status::valid) {
    call.res.set_header("WWW-Authenticate", "Bearer");
    return send_error(call, 401, "Unauthorized", message_for_status(401));
  }

  if (auto refused = limiter.admit()) {
    if (refused->first == 400) {
      call.res.status = 400;
      call.res.set_content(kRateLimitBody, "application/json; charset=utf-8");
    } else {
      call.res.set_header("Retry-After", std::to_string(refused->second));
      send_error(call, 429, "TooManyRequests", message_for_status(429));
    }
    return;
  }

  try {
    router.dispatch(call, raw_path);
  } catch (const detail::ApiError& e) {
    call.res.headers.erase("Location");
    send_error(call, e.status(), e.code(), e.what());
  }
}

void Server::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  const std::string& target = req.target;
  const auto qmark = target.find('?');
  const std::string raw_path = target.substr(0, qmark);
  const std::string raw_query = qmark == std::string::npos ? "" : target.substr(qmark + 1);

  if (starts_with(raw_path, "/__mock/") || raw_path == "/__mock") {
    handle_control(req, res, raw_path);
    return;
  }

  detail::Call call{req, res, {}, detail::new_guid(true), base_url() + target};
  res.set_header(kRequestIdHeader, call.request_id);

  std::optional<Fault> after;
  try {
    serve(call, raw_path, after);
  } catch (const detail::ApiError& e) {
    send_error(call, e.status(), e.code(), e.what());
  } catch (const std::exception& e) {
    send_error(call, 500, "InternalError", std::string("Internal error: ") + e.what());
  }

  JournalEntry entry;
  entry.method = req.method;
  entry.target = target;
  entry.path = raw_path;
  entry.query = raw_query;
  for (const auto& p : req.params) entry.params.emplace(p.first, p.second);
  for (const auto& h : req.headers) entry.headers.emplace(lower(h.first), h.second);
  entry.body = req.body;
  for (const auto& f : req.files) {
    entry.parts.push_back(
        JournalPart{f.second.name, f.second.filename, f.second.content_type, f.second.content});
  }
  entry.status = res.status;
  entry.request_id = call.request_id;
  journal.record(std::move(entry));

  if (after && after->kind == FaultKind::truncate) {
    res.body = res.body.substr(0, res.body.size() / 2);
  } else if (after && after->kind == FaultKind::drop && !res.body.empty()) {
    auto full = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    const std::string content_type = res.get_header_value("Content-Type");
    res.set_content_provider(
        full->size(), content_type.empty() ? "application/octet-stream" : content_type.c_str(),
        [full](std::size_t offset, std::size_t, httplib::DataSink& sink) {
          if (offset == 0) sink.write(full->data(), full->size() / 2);
          return false;  // abort: the connection closes with the body half sent
        });
  }
}

void Server::Impl::handle_control(const httplib::Request& req, httplib::Response& res,
                                  const std::string& raw_path) {
  auto reply = [&res](int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
  };
  try {
    if (raw_path == "/__mock/health" && req.method == "GET") {
      return reply(200, {{"ok", true}});
    }
    if (raw_path == "/__mock/journal") {
      if (req.method == "GET") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : journal.entries()) out.push_back(detail::to_json(e));
        return reply(200, out);
      }
      if (req.method == "DELETE") {
        journal.clear();
        return reply(200, {{"ok", true}});
      }
    }
    if (raw_path == "/__mock/faults") {
      if (req.method == "POST") {
        auto body = nlohmann::json::parse(req.body);
        if (body.is_array()) {
          for (const auto& f : body) faults.add(detail::fault_from_json(f));
        } else {
          faults.add(detail::fault_from_json(body));
        }
        return reply(200, {{"ok", true}});
      }
      if (req.method == "DELETE") {
        faults.clear();
        return reply(200, {{"ok", true}});
      }
    }
    if (raw_path == "/__mock/tokens" && req.method == "GET") {
      return reply(200, {{"issued", tokens.issued()}});
    }
    if (raw_path == "/__mock/tokens/expire" && req.method == "POST") {
      tokens.expire_all();
      return reply(200, {{"ok", true}});
    }
    if (raw_path == "/__mock/settings" && req.method == "POST") {
      auto body = nlohmann::json::parse(req.body);
      if (body.contains("unstable_order")) {
        unstable_order = body.at("unstable_order").get<bool>();
      }
      if (body.contains("stale_token_400")) {
        stale_token_400 = body.at("stale_token_400").get<bool>();
      }
      if (body.contains("rate_limit")) {
        const auto& rl = body.at("rate_limit");
        limiter.configure(rl.value("calls", std::size_t{0}),
                          std::chrono::seconds(rl.value("window_seconds", 1)),
                          rl.value("status", 429));
      }
      return reply(200, {{"ok", true}, {"unstable_order", unstable_order.load()}});
    }
    reply(404, {{"error", "unknown control endpoint " + req.method + " " + raw_path}});
  } catch (const std::exception& e) {
    reply(400, {{"error", e.what()}});
  }
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl& s = *impl_;
  s.url_host = s.options.host == "0.0.0.0" ? "127.0.0.1" : s.options.host;

  detail::ModuleEnv env{s.options, s.unstable_order};
  s.modules.push_back(detail::make_tables_module(env));
  s.modules.push_back(detail::make_apps_module(env));
  s.modules.push_back(detail::make_tasks_module(env));
  s.modules.push_back(detail::make_files_module(env));
  for (auto& m : s.modules) m->register_routes(s.router);

  const std::size_t threads = s.options.threads == 0 ? 8 : s.options.threads;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_keep_alive_max_count(100000);
  s.http.set_keep_alive_timeout(30);
  s.http.set_read_timeout(30);
  s.http.set_write_timeout(30);
  s.http.set_tcp_nodelay(true);

  auto handler = [&s](const httplib::Request& req, httplib::Response& res) { s.handle(req, res); };
  s.http.Get(".*", handler);
  s.http.Post(".*", handler);
  s.http.Put(".*", handler);
  s.http.Delete(".*", handler);
  s.http.Patch(".*", handler);
  s.http.Options(".*", handler);

  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
  } else {
    s.port = s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    throw std::runtime_error("caspio-mock: cannot listen on " + s.options.host + ":" +
                             std::to_string(s.options.port));
  }
  s.thread = std::thread([&s] {
    s.http.listen_after_bind();
    s.loop_done = true;
  });
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
