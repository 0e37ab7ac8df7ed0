#pragma once
/// @file
/// caspio::Client, the entry point.

#include <memory>
#include <string>

#include "caspio/apps.hpp"
#include "caspio/auth.hpp"
#include "caspio/cancellation.hpp"
#include "caspio/client_options.hpp"
#include "caspio/export.hpp"
#include "caspio/files.hpp"
#include "caspio/tables.hpp"
#include "caspio/tasks.hpp"
#include "caspio/token_source.hpp"
#include "caspio/utils.hpp"
#include "caspio/views.hpp"

namespace caspio {

namespace detail {
class ClientState;
}  // namespace detail

/// A connection to one Caspio account. Holds the transport, the retry settings and the token
/// cache; the facades it returns and its copies share them (copying is cheap).
///
/// Made from an access token, it sends that token until Caspio refuses it (then AuthError).
/// Made from ClientCredentials, it fetches a token on first use, caches it, renews it shortly
/// before it expires (refresh_token grant first, then client credentials), and after a 401 renews
/// once and repeats the request once.
/// @par Thread safety
/// All methods are const and safe to call from many threads on one instance or on copies.
class CASPIO_EXPORT Client {
 public:
  /// A client for `https://{account_id}.caspio.com/rest/v2` (or options.base_url) that sends
  /// `access_token`.
  /// @throws InvalidArgumentError for an empty account ID (without base_url) or token, or a
  /// refused base URL (plain HTTP to a non-loopback host, not http/https).
  /// @throws TransportError when the default transport cannot be created.
  Client(const std::string& account_id, const std::string& access_token,
         ClientOptions options = {});
  /// A client that obtains and renews its own tokens with `credentials`.
  /// @throws InvalidArgumentError for an empty credential field or a refused URL.
  /// @throws TransportError when the default transport cannot be created.
  explicit Client(const ClientCredentials& credentials, ClientOptions options = {});
  /// A client for `https://{account_id}.caspio.com/rest/v2` (or options.base_url; then
  /// `account_id` may be empty) that takes its tokens from `tokens`, e.g. your own vault.
  /// @throws InvalidArgumentError for a null source, a bad account ID or a refused base URL.
  /// @throws TransportError when the default transport cannot be created.
  Client(const std::string& account_id, std::shared_ptr<TokenSource> tokens,
         ClientOptions options = {});
  /// A client configured from the environment, as the examples and caspio-mock use it:
  /// `CASPIO_CLIENT_ID` + `CASPIO_CLIENT_SECRET` + `CASPIO_TOKEN_URL` (a client that renews its
  /// own tokens) when any of the three is set, otherwise `CASPIO_ACCOUNT` + `CASPIO_TOKEN` (an
  /// access token). `CASPIO_REST_URL`, when set, becomes options.base_url unless that is already
  /// set (with it, `CASPIO_ACCOUNT` may be omitted). Empty variables count as unset.
  /// @throws InvalidArgumentError naming the missing variables (never a value), or as the
  /// constructors above.
  /// @throws TransportError when the default transport cannot be created.
  static Client from_environment(ClientOptions options = {});
  /// A client configured from profile `[name]` of the profile file (profile_file_path(), read with
  /// read_profile(); the same file the `caspio` tool reads): with `token`, an access-token client
  /// for `account` (or `rest_url`); otherwise a client-credentials client from `client_id`,
  /// `client_secret` and `token_url` (default `https://{account}.caspio.com/oauth/token`).
  /// `rest_url`, when set, becomes options.base_url unless that is already set. Only the
  /// profile is read: no environment variable adds to or overrides it.
  /// @throws InvalidArgumentError when the file or the profile is missing, the file is refused
  /// (see read_profile()) or the profile lacks what either form needs (named, never a value),
  /// or as the constructors above.
  /// @throws TransportError when the default transport cannot be created.
  static Client from_profile(const std::string& name = "default", ClientOptions options = {});

  /// The Apps facade (applications and DataPages). Never throws.
  Apps apps() const noexcept;
  /// The Tables facade. Never throws.
  Tables tables() const noexcept;
  /// The Views facade. Never throws.
  Views views() const noexcept;
  /// The Files facade (the Files area). Never throws.
  Files files() const noexcept;
  /// The Tasks facade (scheduled import/export tasks). Never throws.
  Tasks tasks() const noexcept;
  /// The Utils facade (copy_record). Never throws.
  Utils utils() const noexcept;
  /// A copy of this client (same transport, tokens and settings) whose every call observes
  /// `token`: after token.cancel() its running and later calls end with CancelledError.
  Client with_cancellation(const CancellationToken& token) const;

  /// The resource base URL in use, e.g. `https://c1abc123.caspio.com/rest/v2`.
  const std::string& base_url() const noexcept;

 private:
  std::shared_ptr<const detail::ClientState> state_;
};

}  // namespace caspio
