#pragma once
/// @file
/// The exception hierarchy thrown by every SDK call.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "caspio/export.hpp"

namespace caspio {

/// What went wrong, as precisely as it is known. Never holds an access token or a secret.
struct CASPIO_EXPORT ErrorInfo {
  int http_status = 0;     ///< HTTP status of the answer; 0 when no answer arrived.
  std::string code;        ///< Caspio's `Code` (or `Error`), e.g. "ObjectNotFound"; may be "".
  std::string message;     ///< Caspio's `Message` (or `Description`), or the SDK's own text.
  std::string resource;    ///< Caspio's `Resource` (the request URL it saw); may be "".
  std::string request_id;  ///< Caspio's `RequestId` or `X-Caspio-Request-ID`; may be "".
  std::string method;      ///< HTTP method of the failed request; "" when nothing was sent.
  std::string url;   ///< URL of the failed request (no credentials); "" when nothing was sent.
  int attempts = 0;  ///< How many times the request was sent (0 when nothing was sent).
  std::optional<std::chrono::seconds> retry_after;  ///< `Retry-After` of the last answer, if any.
};

/// Base of every exception the SDK throws. `what()` is one line built from info().
/// @par Thread safety
/// Immutable after construction; safe to read from many threads.
class CASPIO_EXPORT Error : public std::runtime_error {
 public:
  /// Builds the error; what() is derived from `info`.
  explicit Error(ErrorInfo info);
  /// Everything known about the failure.
  const ErrorInfo& info() const noexcept { return info_; }
  /// Shorthand for info().http_status.
  int http_status() const noexcept { return info_.http_status; }
  /// Shorthand for info().code.
  const std::string& code() const noexcept { return info_.code; }

 private:
  ErrorInfo info_;
};

/// An argument was refused before anything was sent (bad name, out-of-range query value,
/// empty WHERE on a bulk write, URI too long, plain HTTP to a non-loopback host, …).
class CASPIO_EXPORT InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// No HTTP answer: connection refused, DNS or TLS failure, connection dropped, bad response.
class CASPIO_EXPORT TransportError : public Error {
 public:
  using Error::Error;
};

/// The connect timeout or the request timeout elapsed.
class CASPIO_EXPORT TimeoutError : public TransportError {
 public:
  using TransportError::TransportError;
};

/// The call was cancelled through its CancellationToken (code "Cancelled"); nothing further was
/// sent and no partial file was left.
class CASPIO_EXPORT CancelledError : public Error {
 public:
  using Error::Error;
};

/// Caspio answered with an error status (any non-2xx not covered by a subclass).
class CASPIO_EXPORT ApiError : public Error {
 public:
  using Error::Error;
};

/// 401 or 403: the token is missing, invalid or expired (after one renewal), the client
/// credentials were refused, or the profile lacks the privilege.
class CASPIO_EXPORT AuthError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 404: the table, view, field or other object does not exist.
class CASPIO_EXPORT NotFoundError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 409: the object conflicts with an existing one.
class CASPIO_EXPORT ConflictError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 429, or Caspio's 400 throttle (`api-calls-rate`), still failing after the retries.
class CASPIO_EXPORT RateLimitError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// A Row value was read as a type it does not hold, a field the row does not have, or a number
/// out of the requested type's range (code "FieldNotFound", "FieldTypeMismatch",
/// "FieldOutOfRange" or "RowMapping"); the message names the field and both types. Nothing was
/// sent: http_status is 0.
class CASPIO_EXPORT FieldError : public Error {
 public:
  using Error::Error;
};

}  // namespace caspio
