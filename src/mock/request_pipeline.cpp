// The path of one request: faults, URI limits, OAuth, bearer check, rate limit, the route module,
// Caspio-shaped errors, then the journal and the faults that act on the answer.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "compression.hpp"
#include "error_body.hpp"
#include "http_server.hpp"
#include "oauth.hpp"
#include "server_impl.hpp"

namespace caspio {
namespace mock {

namespace {
constexpr std::size_t kMaxUriLength = 2047;  // Caspio: longer request URIs get 414.
// Smaller JSON or XML answers go uncompressed even when the client accepts gzip.
constexpr std::size_t kGzipMinBytes = 512;
constexpr const char* kRequestIdHeader = "X-Caspio-Request-ID";

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

/// True when the path lies under a REST base this emulator serves (`--api`).
bool under_base(const std::string& lower_path, const std::string& base) {
  return lower_path == base || starts_with(lower_path, base + "/");
}

bool served_base(const std::string& raw_path, ApiSet api) {
  const std::string lower = detail::ascii_lower(raw_path);
  if (api != ApiSet::v3 && under_base(lower, "/rest/v2")) return true;
  return api != ApiSet::v2 && under_base(lower, "/integrations/rest/v3");
}

const char* kRateLimitBody =
    R"([{"message":"You have exceeded your API call rate limits.","name":"api-calls-rate"}])";
}  // namespace

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

bool Server::Impl::apply_fault(detail::Call& call, const std::string& raw_path,
                               std::optional<Fault>& after) {
  const auto& req = call.req;
  const auto qmark = req.target.find('?');
  const std::string raw_query = qmark == std::string::npos ? "" : req.target.substr(qmark + 1);
  auto fault = faults.take(req.method, raw_path, raw_query);
  if (!fault) return false;
  switch (fault->kind) {
    case FaultKind::delay:
      std::this_thread::sleep_for(fault->delay);
      return false;
    case FaultKind::status:
      if (fault->retry_after) {
        call.res.set_header("Retry-After", std::to_string(*fault->retry_after));
      }
      send_error(call, fault->status, code_for_status(fault->status),
                 message_for_status(fault->status));
      return true;
    case FaultKind::rate_limit_400:
      call.res.status = 400;
      call.res.set_content(kRateLimitBody, "application/json; charset=utf-8");
      return true;
    case FaultKind::drop:
    case FaultKind::truncate:
      after = fault;
      return false;
  }
  return false;
}

void Server::Impl::serve(detail::Call& call, const std::string& raw_path,
                         std::optional<Fault>& after) {
  const auto& req = call.req;
  if (apply_fault(call, raw_path, after)) return;

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

  if (!served_base(raw_path, options.api)) {
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

void Server::Impl::complete_error(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty() || res.content_provider_) return;
  std::string code = code_for_status(res.status);
  std::string message = "The request is malformed or its headers are too long.";
  if (res.status == 413) {
    code = "RequestEntityTooLarge";
    message =
        "The request body is larger than " + std::to_string(options.max_body_bytes) + " bytes.";
  } else if (res.status == 414) {
    code = "RequestUriTooLong";
    message = "The request URI is longer than " + std::to_string(kMaxUriLength) + " characters.";
  } else if (res.status == 400) {
    code = "IncorrectRequest";
  } else {
    message = message_for_status(res.status);
  }
  if (res.status == 400 || res.status == 413 || res.status == 414) {
    // The request's framing could not be trusted: what follows on the connection is not read as
    // another request.
    if (!res.has_header("Connection")) res.set_header("Connection", "close");
    HttpServer::close_after_answer();
  }
  const std::string request_id = detail::new_guid(true);
  res.set_header(kRequestIdHeader, request_id);
  res.set_content(detail::json_error(code, message, base_url() + req.target, request_id),
                  "application/json; charset=utf-8");
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
  for (const auto& h : req.headers) entry.headers.emplace(detail::ascii_lower(h.first), h.second);
  // A refused request (no valid token or credentials) keeps no body: anyone can send one.
  const bool refused = res.status == 401 || res.status == 403;
  if (!refused) {
    entry.body = req.body;
    for (const auto& f : req.files) {
      entry.parts.push_back(
          JournalPart{f.second.name, f.second.filename, f.second.content_type, f.second.content});
    }
  }
  entry.status = res.status;
  entry.request_id = call.request_id;
  if (!options.journal_credentials) detail::redact_credentials(entry);
  journal.record(std::move(entry));

  finish(req, res, after);
}

void Server::Impl::finish(const httplib::Request& req, httplib::Response& res,
                          const std::optional<Fault>& after) {
  if (after && after->kind == FaultKind::truncate) {
    res.body = res.body.substr(0, res.body.size() / 2);
  }
  const std::string type = res.get_header_value("Content-Type");
  if (res.body.size() >= kGzipMinBytes && !res.has_header("Content-Encoding") &&
      (type.rfind("application/json", 0) == 0 || type.rfind("application/xml", 0) == 0) &&
      detail::accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    res.body = detail::gzip(res.body);
    res.set_header("Content-Encoding", "gzip");
    res.set_header("Vary", "Accept-Encoding");
  }
  if (options.latency.count() > 0) std::this_thread::sleep_for(options.latency);
  if (options.bandwidth_bytes_per_second > 0 && !res.body.empty() &&
      !(after && after->kind == FaultKind::drop)) {
    // Paced in slices of 1/50 s of the rate: the client sees the body arrive at that speed.
    const std::size_t rate = options.bandwidth_bytes_per_second;
    const std::size_t slice = std::max<std::size_t>(rate / 50, 1);
    auto full = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    const auto start = std::make_shared<std::chrono::steady_clock::time_point>();
    res.set_content_provider(
        full->size(), type.empty() ? "application/octet-stream" : type.c_str(),
        [full, rate, slice, start](std::size_t offset, std::size_t, httplib::DataSink& sink) {
          if (offset == 0) *start = std::chrono::steady_clock::now();
          const std::size_t n = std::min(slice, full->size() - offset);
          // The slice may leave once the bytes before it have had their time at `rate`.
          const auto due = *start + std::chrono::microseconds(offset * 1000000 / rate);
          std::this_thread::sleep_until(due);
          return sink.write(full->data() + offset, n);
        });
    return;
  }
  if (after && after->kind == FaultKind::drop && !res.body.empty()) {
    auto full = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    res.set_content_provider(
        full->size(), type.empty() ? "application/octet-stream" : type.c_str(),
        [full](std::size_t offset, std::size_t, httplib::DataSink& sink) {
          if (offset == 0) sink.write(full->data(), full->size() / 2);
          return false;  // abort: the connection closes with the body half sent
        });
  }
}

}  // namespace mock
}  // namespace caspio
