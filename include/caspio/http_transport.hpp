#pragma once
/// @file
/// The HTTP transport seam: one interface with one `send` method, and the default libcurl one.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace caspio {

/// HTTP methods the Caspio REST API v2 uses.
enum class HttpMethod {
  get,      ///< GET
  post,     ///< POST
  put,      ///< PUT
  delete_,  ///< DELETE (trailing underscore: `delete` is a keyword)
};

/// The method's name on the wire, e.g. "GET".
const char* to_string(HttpMethod method) noexcept;

/// Header fields in order; names compare case-insensitively.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// One request, ready for the wire: `url` is complete and already percent-encoded.
struct HttpRequest {
  HttpMethod method = HttpMethod::get;  ///< Method.
  std::string url;                      ///< Absolute URL (scheme, host, path, query).
  HttpHeaders headers;                  ///< Headers to send (the transport may add its own).
  std::string body;                     ///< Body bytes; sent for POST and PUT (even when empty).
};

/// One answer. An HTTP error status is a value here, never an exception.
struct HttpResponse {
  int status = 0;       ///< HTTP status code.
  HttpHeaders headers;  ///< Response headers, as received.
  std::string body;     ///< Body bytes.

  /// First header with this name (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

/// Sends HTTP requests. Implement it to plug in another HTTP stack or a test double.
/// @par Thread safety
/// Implementations must allow concurrent send() calls from many threads.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends `request` and returns the answer, whatever its status.
  /// @throws TimeoutError when a timeout elapses.
  /// @throws TransportError when no complete answer arrives (connection, DNS, TLS failure).
  /// @throws InvalidArgumentError when the URL is refused (e.g. plain HTTP to a remote host).
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

/// Settings of the default libcurl transport.
struct TransportOptions {
  std::chrono::milliseconds connect_timeout{10'000};  ///< TCP + TLS connect timeout.
  std::chrono::milliseconds request_timeout{60'000};  ///< Whole-exchange timeout, per attempt.
  std::string ca_info;                ///< CA bundle file; "" uses the system default.
  std::size_t max_idle_handles = 16;  ///< Easy handles kept for reuse (keep-alive).
};

/// Makes the default transport: libcurl with a pool of reusable easy handles (keep-alive) and one
/// share handle (DNS cache, TLS sessions, connections). TLS peer and host verification are always
/// on; `http://` is refused unless the host is loopback (127.0.0.1, ::1, localhost).
/// @throws TransportError if libcurl cannot be initialised.
std::shared_ptr<HttpTransport> make_curl_transport(const TransportOptions& options = {});

}  // namespace caspio
