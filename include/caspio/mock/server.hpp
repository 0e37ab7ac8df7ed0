#pragma once
/// @file
/// The `caspio::mock` emulator: a local Caspio REST API (v2 and v3) server for offline tests.

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caspio {
namespace mock {

/// Which data set the emulator starts with.
enum class Fixture {
  demo,   ///< "Demo - Physician Directory - Caspio SDK": tables, views, DataPages, task, files.
  empty,  ///< No tables, views, applications, tasks or files.
};

/// Which REST API versions the emulator serves.
enum class ApiSet {
  v2,    ///< Only `/rest/v2` (`/integrations/rest/v3` answers 404).
  v3,    ///< Only `/integrations/rest/v3` (`/rest/v2` answers 404).
  both,  ///< Both bases, over the same data.
};

/// Settings of one emulator instance.
struct ServerOptions {
  /// Address to bind; loopback by default.
  std::string host = "127.0.0.1";
  /// TCP port; 0 picks a free port (read it back with Server::port()).
  int port = 0;
  /// Data set loaded at start.
  Fixture fixture = Fixture::demo;
  /// REST API versions served (`--api v2|v3|both`); the OAuth token endpoint serves them all.
  ApiSet api = ApiSet::both;
  /// Deterministic synthetic rows added to `Demo_Physicians` (each with a unique `Email`).
  std::size_t rows = 0;
  /// OAuth client id accepted by the token endpoint.
  std::string client_id = "caspio-mock-client";
  /// OAuth client secret accepted by the token endpoint.
  std::string client_secret = "caspio-mock-secret";
  /// Lifetime of issued access tokens (Caspio: 86399 s).
  std::chrono::seconds token_ttl{86399};
  /// When true, reads without `q.orderBy` come back in a different order on every request.
  bool unstable_order = false;
  /// Worker threads serving connections: 0 (default) adds one whenever a connection arrives while
  /// all are busy (8 to start, at most 1024); N > 0 is a fixed pool of N.
  std::size_t threads = 0;
  /// When true, the journal keeps credentials in clear (the `Authorization` header, the secrets
  /// and tokens of `/oauth/token` forms); by default it stores `(redacted)` in their place.
  bool journal_credentials = false;
  /// Longest time one records call may run its SQL; beyond it the call answers 500
  /// SqlServerError "Execution Timeout Expired".
  std::chrono::milliseconds query_timeout{5000};
  /// Largest request body accepted; a larger one answers 413 RequestEntityTooLarge.
  std::size_t max_body_bytes = 64 * 1024 * 1024;
  /// Answer bodies leave at most this many bytes per second (0 = no limit), as over a slow
  /// network link; the compressed size counts when the answer is compressed.
  std::size_t bandwidth_bytes_per_second = 0;
  /// Wait before each answer is sent, as a network round trip would.
  std::chrono::milliseconds latency{0};
  /// Most connections served at once when `threads` is 0 (one worker each); a connection beyond
  /// it is answered 503 ServiceUnavailable at once (it used to wait, and time out).
  std::size_t max_connections = 1024;
  /// The longest a request's head (request line and headers) may take to arrive; a client
  /// trickling its headers slower is disconnected then, freeing its worker.
  std::chrono::milliseconds header_timeout{10000};
  /// Most requests the journal keeps: past it the oldest entries are dropped. 0 = keep none.
  std::size_t journal_max_entries = 10000;
  /// Most bytes (bodies, parts, targets and headers) the journal keeps: past it the oldest entries
  /// are dropped; an entry larger than this on its own is kept without its body and parts.
  std::size_t journal_max_bytes = 64 * 1024 * 1024;
};

/// One part of a multipart/form-data request body.
struct JournalPart {
  std::string name;          ///< Form field name of the part.
  std::string filename;      ///< `filename` of its Content-Disposition.
  std::string content_type;  ///< Its Content-Type.
  std::string content;       ///< Its bytes.
};

/// One request the emulator received, as it arrived on the wire.
struct JournalEntry {
  std::string method;  ///< HTTP method, e.g. "GET".
  std::string target;  ///< Raw request target: path and query, percent-encoding untouched.
  std::string path;    ///< Raw path part of the target (still percent-encoded).
  std::string query;   ///< Raw query string without '?' (still percent-encoded).
  /// Decoded query parameters, in arrival order per name.
  std::multimap<std::string, std::string> params;
  /// Request headers; names are lower-cased.
  std::multimap<std::string, std::string> headers;
  std::string body;                ///< Request body bytes (empty for multipart: see `parts`).
  std::vector<JournalPart> parts;  ///< Parts of a multipart/form-data body, in arrival order.
  int status = 0;                  ///< Status the emulator answered.
  std::string request_id;          ///< `X-Caspio-Request-ID` it answered with.

  /// First header value with this (case-insensitive) name, or "".
  std::string header(const std::string& name) const;
  /// First decoded query parameter with this name, or std::nullopt.
  std::optional<std::string> param(const std::string& name) const;
};

/// What an injected fault does to a matching request.
enum class FaultKind {
  status,    ///< Answer `status` (with Caspio's error body) without running the request.
  delay,     ///< Wait `delay`, then serve the request normally.
  drop,      ///< Serve the request, but close the connection half-way through the body.
  truncate,  ///< Serve the request, but send only the first half of a JSON body (complete HTTP).
  rate_limit_400,  ///< Caspio's throttle: 400 with `[{"message":…,"name":"api-calls-rate"}]`.
};

/// A fault applied to `count` requests that match `method`, `path_prefix` and `query_contains`,
/// after the first `skip` matching requests (counted from when it was added) have passed.
struct Fault {
  FaultKind kind = FaultKind::status;  ///< What happens to a matching request.
  std::string method;                  ///< "" matches any method.
  std::string path_prefix;  ///< Raw path prefix, e.g. "/rest/v2/tables"; "" matches any path.
  /// Text the raw query string must contain, e.g. "q.pageNumber=2"; "" matches any query.
  std::string query_contains;
  int count = 1;  ///< How many matching requests it applies to.
  int skip = 0;   ///< Matching requests to let through first (each fault counts them on its own).
  int status = 500;                    ///< For FaultKind::status.
  std::optional<int> retry_after;      ///< Seconds for a `Retry-After` header.
  std::chrono::milliseconds delay{0};  ///< For FaultKind::delay.
};

/// Deployment state of one DataPage as the emulator keeps it. Test-only: Caspio's v2 answers carry
/// no such member, so the emulator shows it here and at `GET /__mock/datapages`, never in
/// DataPageInfo.
struct DataPageDeployment {
  std::string external_key;  ///< App ID (ExternalKey) of its application.
  std::string app_key;       ///< DataPage ID (AppKey).
  std::string name;          ///< DataPage name.
  bool deployed = false;     ///< True after a deploy, false after a disable (and at start).
};

/// A running emulator. Starts serving in the constructor, on its own threads; stops in the
/// destructor. Thread-safe: every method may be called from any thread while it serves.
///
/// Reserved control endpoints (not journaled), under `/__mock`:
/// - `GET /__mock/journal`, `DELETE /__mock/journal`
/// - `POST /__mock/faults` (JSON: kind, method, path_prefix, query_contains, count, skip, status,
/// retry_after, delay_ms),
///   `DELETE /__mock/faults`
/// - `POST /__mock/tokens/expire`, `GET /__mock/tokens` (`{"issued":N}`)
/// - `POST /__mock/settings` (JSON: unstable_order, stale_token_400, rate_limit {calls,
/// window_seconds, status})
/// - `GET /__mock/datapages` (`[{"ExternalKey","AppKey","Name","Deployed"}…]`)
/// - `GET /__mock/health` (`{"ok":true}`)
class Server {
 public:
  /// Builds the data set, binds the port and starts serving. Throws std::runtime_error if the
  /// port cannot be bound.
  explicit Server(ServerOptions options = {});
  /// Stops serving and joins the serving thread.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The bound TCP port.
  int port() const;
  /// `http://HOST:PORT`.
  std::string base_url() const;
  /// `http://HOST:PORT/rest/v2`.
  std::string rest_url() const;
  /// `http://HOST:PORT/integrations/rest/v3`.
  std::string rest_v3_url() const;
  /// `http://HOST:PORT/oauth/token`.
  std::string token_url() const;
  /// The accepted client id.
  const std::string& client_id() const;
  /// The accepted client secret.
  const std::string& client_secret() const;

  /// Issues a fresh access token, as a client_credentials grant would (counted as issued).
  std::string issue_token();
  /// Makes every token issued so far expired.
  void expire_tokens();
  /// Number of access tokens issued since start.
  std::size_t tokens_issued() const;

  /// Deployment state of every DataPage, app by app.
  std::vector<DataPageDeployment> datapage_deployments() const;
  /// Whether one DataPage is deployed (keys case-insensitive); throws std::out_of_range when the
  /// application or DataPage is unknown.
  bool datapage_deployed(const std::string& external_key, const std::string& app_key) const;

  /// Requests received so far (control endpoints excluded), oldest first.
  std::vector<JournalEntry> journal() const;
  /// Forgets the journal.
  void clear_journal();

  /// Adds a fault; faults are tried in the order added.
  void inject(Fault fault);
  /// Removes every pending fault.
  void clear_faults();

  /// Switches the unstable order of unordered reads on or off.
  void set_unstable_order(bool on);
  /// When on, expired (not unknown) tokens get 400 IncorrectQueryParameter instead of 401, a quirk
  /// observed on real Caspio.
  void set_stale_token_400(bool on);
  /// Limits resource requests to `calls` per `window`; over the limit it answers `status`: 400 with
  /// Caspio's `api-calls-rate` body, or 429 with `Retry-After`. `calls` 0 turns the limit off.
  void set_rate_limit(std::size_t calls, std::chrono::seconds window, int status = 429);

  /// Stops serving (idempotent); the destructor calls it.
  void stop();
  /// Blocks until stop() is called from another thread or a signal handler.
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mock
}  // namespace caspio
