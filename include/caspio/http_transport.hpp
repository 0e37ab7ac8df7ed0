#pragma once
/// @file
/// The HTTP transport seam: one interface with one `send` method, and the default libcurl one.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "caspio/export.hpp"

namespace caspio {

/// HTTP methods the Caspio REST API v2 uses.
enum class HttpMethod {
  get,      ///< GET
  post,     ///< POST
  put,      ///< PUT
  delete_,  ///< DELETE (trailing underscore: `delete` is a keyword)
};

/// The method's name on the wire, e.g. "GET".
CASPIO_EXPORT const char* to_string(HttpMethod method) noexcept;

/// Header fields in order; names compare case-insensitively.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// One pass over a streamed request body, from its first byte.
/// @par Thread safety
/// Used by one thread at a time (the one sending the request).
class CASPIO_EXPORT HttpBodyReader {
 public:
  virtual ~HttpBodyReader() = default;
  /// Copies up to `capacity` next bytes into `buffer` and returns how many; 0 only at the end.
  /// @throws std::exception when the bytes cannot be read (the transport then fails the request
  /// with TransportError).
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

/// A request body produced piece by piece (e.g. a file on disk), so that it never has to sit in
/// memory whole. Its length is known in advance: transports send it with `Content-Length`, never
/// chunked. It can be read any number of times (once per attempt, for retries).
/// @par Thread safety
/// open() and size() are const and may be called from any thread; each reader is independent.
class CASPIO_EXPORT HttpBodySource {
 public:
  virtual ~HttpBodySource() = default;
  /// Exact number of bytes every reader yields.
  virtual std::uint64_t size() const = 0;
  /// A new reader positioned at the first byte.
  /// @throws std::exception when the source cannot be opened.
  virtual std::unique_ptr<HttpBodyReader> open() const = 0;
};

/// Receives the body of a successful (2xx) answer as it arrives, instead of HttpResponse::body
/// (error answers still land in HttpResponse::body).
/// @par Thread safety
/// Called by the thread running the request only.
class CASPIO_EXPORT HttpBodySink {
 public:
  virtual ~HttpBodySink() = default;
  /// Called once per attempt that got a 2xx status, before its first byte (also for an empty
  /// body). A later call means the transfer starts over: the sink drops what it got before.
  virtual void begin(int status, const HttpHeaders& headers) = 0;
  /// The next bytes of the body. @throws std::exception to abort the transfer.
  virtual void write(const char* data, std::size_t size) = 0;
};

/// One request, ready for the wire: `url` is complete and already percent-encoded.
struct CASPIO_EXPORT HttpRequest {
  HttpMethod method = HttpMethod::get;  ///< Method.
  std::string url;                      ///< Absolute URL (scheme, host, path, query).
  HttpHeaders headers;                  ///< Headers to send (the transport may add its own).
  std::string body;                     ///< Body bytes; sent for POST and PUT (even when empty).
  /// When set (POST and PUT), the body is read from here instead of `body`, with
  /// `Content-Length: body_source->size()`; opened afresh for every attempt.
  std::shared_ptr<const HttpBodySource> body_source = nullptr;
  /// When set, a 2xx answer's body goes to this sink and HttpResponse::body stays empty. A
  /// transport that does not support sinks may ignore it and fill HttpResponse::body instead; the
  /// SDK then forwards that body to the sink itself.
  std::shared_ptr<HttpBodySink> body_sink = nullptr;
  /// When true, a body going to `body_sink` is held to the transport's in-memory limit
  /// (TransportOptions::max_response_bytes) like any other answer body: the SDK sets it for
  /// record pages, which the sink keeps in memory. False (downloads to a file): not limited.
  bool limit_sink_body = false;
  /// When above zero, the whole exchange must end within this time (the rest of a call's
  /// deadline); transports may ignore it.
  std::chrono::milliseconds timeout{0};
  /// When set, polled during the exchange: returning true aborts it with CancelledError.
  /// Transports may ignore it (the SDK still checks between attempts).
  std::function<bool()> cancelled = nullptr;
};

/// One answer. An HTTP error status is a value here, never an exception.
struct CASPIO_EXPORT HttpResponse {
  int status = 0;       ///< HTTP status code.
  HttpHeaders headers;  ///< Response headers, as received.
  std::string body;     ///< Body bytes.

  /// First header with this name (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

/// Sends HTTP requests. Implement it to plug in another HTTP stack or a test double.
/// @par Thread safety
/// Implementations must allow concurrent send() calls from many threads.
class CASPIO_EXPORT HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends `request` and returns the answer, whatever its status.
  /// @throws TimeoutError when a timeout elapses.
  /// @throws TransportError when no complete answer arrives (connection, DNS, TLS failure).
  /// @throws InvalidArgumentError when the URL is refused (e.g. plain HTTP to a remote host).
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

/// Whether the transport asks for compressed answers (`Accept-Encoding: gzip, deflate…`).
enum class Compression {
  /// Asks for compression except from loopback hosts (127.x, ::1, localhost): across a network
  /// the smaller answer wins (a 1000-row page is about 10x smaller); on loopback compressing and
  /// inflating only cost CPU. The default.
  automatic,
  on,   ///< Always asks for compression.
  off,  ///< Never asks: answers arrive as they are.
};

/// Settings of the default libcurl transport.
struct CASPIO_EXPORT TransportOptions {
  /// Whether answers are asked for compressed (see Compression).
  Compression compression = Compression::automatic;
  /// TCP + TLS connect timeout.
  std::chrono::milliseconds connect_timeout{10'000};
  /// Fails an attempt whose transfer moves less than one byte per second for this long (a
  /// stalled connection); a slow transfer that keeps moving is never cut. 0 = no stall limit.
  std::chrono::milliseconds stall_timeout{30'000};
  /// Whole-exchange cap per attempt; 0 (the default) = none, so long transfers are not cut.
  std::chrono::milliseconds request_timeout{0};
  /// Largest answer body held in memory (after decompression); a larger one fails with ApiError
  /// (code `ResponseTooLarge`). Bodies streamed to a sink are limited too when the request says
  /// so (HttpRequest::limit_sink_body: record pages); downloads to a file are not.
  std::size_t max_response_bytes = std::size_t{512} << 20;
  std::string ca_info;  ///< CA bundle file; "" uses the system default.
  std::string ca_path;  ///< Directory of CA certificates; "" uses the system default.
  /// Proxy URL (e.g. `http://proxy:3128`); "" = no proxy unless use_environment_proxy.
  std::string proxy;
  /// When true and `proxy` is "", libcurl's environment variables (`https_proxy`, `no_proxy`…)
  /// are honoured; when false (the default) they are ignored.
  bool use_environment_proxy = false;
  std::size_t max_idle_handles = 64;  ///< Easy handles (each with its connection) kept for reuse.
};

/// Makes the default transport: libcurl with a pool of reusable easy handles, each keeping its own
/// connection alive for reuse, and one share handle for the DNS cache and TLS sessions only
/// (connections are not shared between threads: libcurl does not support that). TLS peer and host
/// verification are always on; `http://` is refused unless the host is loopback (127.0.0.1, ::1,
/// localhost).
/// @throws TransportError if libcurl cannot be initialised.
CASPIO_EXPORT std::shared_ptr<HttpTransport> make_curl_transport(
    const TransportOptions& options = {});

}  // namespace caspio
