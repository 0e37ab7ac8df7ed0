// The default HttpTransport: libcurl easy handles from a pool, one share handle.
#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "answer/errors.hpp"
#include "caspio/error.hpp"
#include "caspio/http_transport.hpp"
#include "request/url.hpp"

namespace caspio {
namespace {

[[noreturn]] void throw_transport(const HttpRequest& request, const std::string& message,
                                  bool timeout) {
  ErrorInfo info;
  info.message = message;
  info.method = to_string(request.method);
  info.url = request.url;
  info.attempts = 1;
  if (timeout) throw TimeoutError(std::move(info));
  throw TransportError(std::move(info));
}

[[noreturn]] void throw_too_large(const HttpRequest& request, CURL* h, std::size_t max) {
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  ErrorInfo info;
  info.http_status = static_cast<int>(status);
  info.code = "ResponseTooLarge";
  info.message = fmt::format(
      "the answer body is larger than max_response_bytes ({} bytes) once decompressed", max);
  info.method = to_string(request.method);
  info.url = request.url;
  info.attempts = 1;
  throw ApiError(std::move(info));
}

void global_init_once() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    ErrorInfo info;
    info.message = fmt::format("curl_global_init failed: {}", curl_easy_strerror(code));
    throw TransportError(std::move(info));
  }
}

// Where the body of the answer goes: HttpResponse::body, or the request's sink for a 2xx answer.
struct BodyTarget {
  CURL* handle = nullptr;
  HttpResponse* response = nullptr;
  HttpBodySink* sink = nullptr;
  bool decided = false;
  bool to_sink = false;
  bool limit_sink = false;    // the sink's body is held to max_bytes too
  std::size_t max_bytes = 0;  // cap of an in-memory body
  std::size_t received = 0;   // bytes of this body so far (after decompression)
  bool too_large = false;
  std::string error;  // what a throwing sink said

  // Decides on the first byte (the status and headers are complete by then).
  void decide() {
    if (decided) return;
    decided = true;
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    to_sink = sink != nullptr && status >= 200 && status <= 299;
    if (to_sink) sink->begin(static_cast<int>(status), response->headers);
    // One allocation for the body when its length is announced (the compressed length when
    // gzip'ed: the string then grows from there).
    curl_off_t length = -1;
    curl_easy_getinfo(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    if (!to_sink && length > 0 && static_cast<std::size_t>(length) <= max_bytes) {
      response->body.reserve(static_cast<std::size_t>(length));
    }
  }
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* target = static_cast<BodyTarget*>(user);
  try {
    target->decide();
    const bool limited = !target->to_sink || target->limit_sink;
    if (limited &&
        size * count > target->max_bytes - std::min(target->max_bytes, target->received)) {
      target->too_large = true;
      return 0;  // aborts the transfer
    }
    target->received += size * count;
    if (target->to_sink) {
      target->sink->write(data, size * count);
    } else {
      target->response->body.append(data, size * count);
    }
  } catch (const std::exception& e) {
    target->error = e.what();
    return 0;  // aborts the transfer
  }
  return size * count;
}

// A streamed request body: one reader per attempt, reopened when libcurl rewinds.
struct UploadState {
  const HttpBodySource* source = nullptr;
  std::unique_ptr<HttpBodyReader> reader;
  std::string error;
};

size_t on_read(char* buffer, size_t size, size_t count, void* user) {
  auto* state = static_cast<UploadState*>(user);
  try {
    if (!state->reader) state->reader = state->source->open();
    return state->reader->read(buffer, size * count);
  } catch (const std::exception& e) {
    state->error = e.what();
    return CURL_READFUNC_ABORT;
  }
}

int on_seek(void* user, curl_off_t offset, int origin) {
  auto* state = static_cast<UploadState*>(user);
  if (offset != 0 || origin != SEEK_SET) return CURL_SEEKFUNC_CANTSEEK;
  state->reader.reset();  // the next read opens a fresh reader from the first byte
  return CURL_SEEKFUNC_OK;
}

// The exchange's watch: the request's cancellation, and the stall limit measured from the last
// byte that moved (libcurl's own low-speed check averages over about 5 s and so fired up to 6 s
// late).
struct Watch {
  const std::function<bool()>* cancelled = nullptr;
  std::chrono::milliseconds stall{0};  // 0 = no stall limit
  std::chrono::steady_clock::time_point last_byte = std::chrono::steady_clock::now();
  curl_off_t moved = 0;  // bytes down and up so far
  bool stalled = false;

  void touch() { last_byte = std::chrono::steady_clock::now(); }
};

int on_progress(void* user, curl_off_t, curl_off_t down, curl_off_t, curl_off_t up) {
  auto* watch = static_cast<Watch*>(user);
  if (watch->cancelled != nullptr && (*watch->cancelled)()) return 1;  // non-zero aborts
  if (down + up != watch->moved) {
    watch->moved = down + up;
    watch->touch();
  } else if (watch->stall.count() > 0 &&
             std::chrono::steady_clock::now() - watch->last_byte >= watch->stall) {
    watch->stalled = true;
    return 1;
  }
  return 0;
}

// Polls the watch during the exchange (libcurl calls back at least once a second, and on every
// chunk).
void set_watch(CURL* h, Watch& watch) {
  if (watch.cancelled == nullptr && watch.stall.count() <= 0) {
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 1L);
    return;
  }
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &watch);  // on_progress: set with the handle
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
}

// Where header lines go, and the watch they keep alive.
struct HeaderTarget {
  HttpHeaders* headers = nullptr;
  Watch* watch = nullptr;
};

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* target = static_cast<HeaderTarget*>(user);
  target->watch->touch();  // header bytes move too
  HttpHeaders* headers = target->headers;
  std::string_view line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    headers->clear();  // a new response (after 100 Continue or similar) starts
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    const auto first = value.find_first_not_of(" \t");
    value = first == std::string_view::npos ? std::string_view() : value.substr(first);
    headers->emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * count;
}

// Method and body of `request` on handle `h`; a streamed body is pulled through `upload`. Every
// option a method uses is set here, each time: pooled handles are not reset between requests.
void set_method(CURL* h, const HttpRequest& request, UploadState& upload) {
  switch (request.method) {
    case HttpMethod::get:
    case HttpMethod::delete_:
      // HTTPGET also ends a previous POST (its body is not sent again).
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                       request.method == HttpMethod::delete_ ? "DELETE" : nullptr);
      break;
    case HttpMethod::post:
    case HttpMethod::put:
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      if (request.body_source) {
        // Content-Length from the known size, never chunked; libcurl pulls the bytes.
        upload.source = request.body_source.get();
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body_source->size()));
        curl_easy_setopt(h, CURLOPT_READFUNCTION, &on_read);
        curl_easy_setopt(h, CURLOPT_READDATA, &upload);
        curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, &on_seek);
        curl_easy_setopt(h, CURLOPT_SEEKDATA, &upload);
      } else {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
      }
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                       request.method == HttpMethod::put ? "PUT" : nullptr);
      break;
  }
}

// A pooled easy handle. What every request shares is set once, when the handle is made
// (CurlTransport::configure); send() sets what a request changes. Handles are not reset between
// requests: curl_easy_reset and setting some twenty options again cost a small call more
// instructions than reading its answer (callgrind, issue 19).
struct PooledHandle {
  CURL* curl = nullptr;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  int encoding = -1;     // CURLOPT_ACCEPT_ENCODING last set: -1 never, 0 none, 1 every encoding
  long timeout_ms = -1;  // CURLOPT_TIMEOUT_MS last set

  PooledHandle() = default;
  PooledHandle(const PooledHandle&) = delete;
  PooledHandle& operator=(const PooledHandle&) = delete;
  ~PooledHandle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(const TransportOptions& options) : options_(options) {
    global_init_once();
    share_ = curl_share_init();
    if (share_ == nullptr) {
      ErrorInfo info;
      info.message = "curl_share_init failed";
      throw TransportError(std::move(info));
    }
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlTransport::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlTransport::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    // Never CURL_LOCK_DATA_CONNECT: libcurl does not support one connection cache used by
    // concurrent threads (CURLSHOPT_SHARE(3)); with create_records' 8 threads it crashed the CLI.
    // Each pooled easy handle keeps its own keep-alive connection instead.
  }

  ~CurlTransport() override {
    pool_.clear();  // the handles go before the share handle they use
    curl_share_cleanup(share_);
  }

  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResponse send(const HttpRequest& request) override {
    check_url(request.url);
    Handle handle(*this);
    PooledHandle& pooled = handle.get();
    CURL* h = pooled.curl;

    HttpResponse response;
    pooled.error_buffer[0] = '\0';
    curl_slist* list = nullptr;
    const auto append = [&list, &request](const std::string& line) {
      curl_slist* next = curl_slist_append(list, line.c_str());
      if (next == nullptr) {
        curl_slist_free_all(list);
        throw_transport(request, "out of memory building request headers", false);
      }
      list = next;
    };
    std::string line;
    for (const auto& [name, value] : request.headers) {
      line.assign(name).append(": ").append(value);
      append(line);
    }
    append("Expect:");  // no 100-continue round trip
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list,
                                                                              &curl_slist_free_all);

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    set_timeout(pooled, request);
    // "" offers every encoding libcurl can inflate; nullptr sends no Accept-Encoding.
    const int encoding = wants_compression(request.url) ? 1 : 0;
    if (pooled.encoding != encoding) {
      curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, encoding == 1 ? "" : nullptr);
      pooled.encoding = encoding;
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    BodyTarget target;
    target.handle = h;
    target.response = &response;
    target.sink = request.body_sink.get();
    target.limit_sink = request.limit_sink_body;
    target.max_bytes = options_.max_response_bytes;
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &target);
    Watch watch;
    if (request.cancelled) watch.cancelled = &request.cancelled;
    watch.stall = options_.stall_timeout;
    HeaderTarget header_target{&response.headers, &watch};
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &header_target);
    set_watch(h, watch);

    UploadState upload;
    set_method(h, request, upload);

    const CURLcode code = curl_easy_perform(h);
    if (request.cancelled && request.cancelled()) {
      handle.discard();
      detail::throw_cancelled();
    }
    if (target.too_large) {
      handle.discard();
      throw_too_large(request, h, options_.max_response_bytes);
    }
    if (watch.stalled) {
      handle.discard();
      throw_transport(request,
                      fmt::format("no byte moved for {} ms (stall_timeout)",
                                  static_cast<long long>(options_.stall_timeout.count())),
                      true);
    }
    if (code != CURLE_OK) {
      handle.discard();  // do not reuse a handle in an unknown state
      std::string message =
          fmt::format("curl error {}: {}", static_cast<int>(code), curl_easy_strerror(code));
      if (pooled.error_buffer[0] != '\0') message += fmt::format(" ({})", pooled.error_buffer);
      if (!upload.error.empty()) message += fmt::format("; request body: {}", upload.error);
      if (!target.error.empty()) message += fmt::format("; response body: {}", target.error);
      throw_transport(request, message, code == CURLE_OPERATION_TIMEDOUT);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    if (!target.decided && target.sink != nullptr && status >= 200 && status <= 299) {
      target.sink->begin(response.status, response.headers);  // empty 2xx body
    }
    return response;
  }

 private:
  // detail::check_url_allowed, skipped for a URL under the origin this thread last checked (the
  // scheme and host decide; the rest of the URL was built and encoded by the SDK).
  static void check_url(const std::string& url) {
    thread_local std::string allowed;  // "scheme://authority/" of the last URL allowed
    if (!allowed.empty() && url.compare(0, allowed.size(), allowed) == 0) return;
    detail::check_url_allowed(url, "request URL");
    const auto scheme = url.find("://");
    const auto slash = scheme == std::string::npos ? scheme : url.find('/', scheme + 3);
    allowed = slash == std::string::npos ? std::string() : url.substr(0, slash + 1);
  }

  // Whether to send Accept-Encoding for `url` (Compression::automatic: not to loopback hosts).
  bool wants_compression(const std::string& url) const {
    switch (options_.compression) {
      case Compression::on:
        return true;
      case Compression::off:
        return false;
      case Compression::automatic:
        break;
    }
    const std::string_view rest(url);
    const auto scheme = rest.find("://");
    if (scheme == std::string_view::npos) return true;
    std::string_view authority = rest.substr(scheme + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    // The answer depends on the host alone: kept for the origin this thread asked about last.
    thread_local std::string last_origin;
    thread_local bool last_answer = true;
    const std::string_view origin = rest.substr(0, scheme + 3 + authority.size());
    if (!last_origin.empty() && origin == last_origin) return last_answer;
    authority = authority.substr(
        authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1);
    std::string host;
    if (!authority.empty() && authority.front() == '[') {
      host = std::string(authority.substr(1, authority.find(']') - 1));
    } else {
      host = std::string(authority.substr(0, authority.rfind(':')));
    }
    last_answer = !detail::is_loopback_host(host);
    last_origin.assign(origin);
    return last_answer;
  }

  // The settings every request on `pooled` shares: set once, when the handle is made.
  void configure(PooledHandle& pooled) const {
    CURL* h = pooled.curl;
    curl_easy_setopt(h, CURLOPT_SHARE, share_);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    // The stall limit is kept by the progress callback (Watch), not libcurl's low-speed check.
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_info.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_info.c_str());
    if (!options_.ca_path.empty()) curl_easy_setopt(h, CURLOPT_CAPATH, options_.ca_path.c_str());
    // An explicit proxy, or "" which makes libcurl ignore the proxy environment variables.
    if (!options_.proxy.empty()) {
      curl_easy_setopt(h, CURLOPT_PROXY, options_.proxy.c_str());
    } else if (!options_.use_environment_proxy) {
      curl_easy_setopt(h, CURLOPT_PROXY, "");
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &on_progress);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, pooled.error_buffer);
  }

  // The whole-exchange limit of one attempt: the transport's, or the call's rest if shorter.
  void set_timeout(PooledHandle& pooled, const HttpRequest& request) const {
    long total = static_cast<long>(options_.request_timeout.count());
    const long call_rest = static_cast<long>(request.timeout.count());
    if (call_rest > 0 && (total <= 0 || call_rest < total)) total = call_rest;
    if (total < 0) total = 0;
    if (pooled.timeout_ms != total) {
      curl_easy_setopt(pooled.curl, CURLOPT_TIMEOUT_MS, total);
      pooled.timeout_ms = total;
    }
  }

  // An easy handle borrowed from the pool, returned on destruction (or dropped after a failure).
  class Handle {
   public:
    explicit Handle(CurlTransport& owner) : owner_(owner), handle_(owner.acquire()) {}
    ~Handle() { owner_.release(std::move(handle_), keep_); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    PooledHandle& get() const { return *handle_; }
    void discard() { keep_ = false; }

   private:
    CurlTransport& owner_;
    std::unique_ptr<PooledHandle> handle_;
    bool keep_ = true;
  };

  std::unique_ptr<PooledHandle> acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mutex_);
      if (!pool_.empty()) {
        auto pooled = std::move(pool_.back());
        pool_.pop_back();
        return pooled;
      }
    }
    auto pooled = std::make_unique<PooledHandle>();
    pooled->curl = curl_easy_init();
    if (pooled->curl == nullptr) {
      ErrorInfo info;
      info.message = "curl_easy_init failed";
      throw TransportError(std::move(info));
    }
    configure(*pooled);
    return pooled;
  }

  void release(std::unique_ptr<PooledHandle> pooled, bool keep) {
    if (!keep) return;  // a handle in an unknown state is cleaned up, not reused
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (pool_.size() < options_.max_idle_handles) pool_.push_back(std::move(pooled));
  }

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<CurlTransport*>(user)->locks_[static_cast<std::size_t>(data) % kLocks].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<CurlTransport*>(user)->locks_[static_cast<std::size_t>(data) % kLocks].unlock();
  }

  static constexpr std::size_t kLocks = CURL_LOCK_DATA_LAST;
  TransportOptions options_;
  CURLSH* share_ = nullptr;
  std::array<std::mutex, kLocks> locks_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<PooledHandle>> pool_;
};

}  // namespace

std::shared_ptr<HttpTransport> make_curl_transport(const TransportOptions& options) {
  return std::make_shared<CurlTransport>(options);
}

}  // namespace caspio
