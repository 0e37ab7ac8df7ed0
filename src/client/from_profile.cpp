// caspio::Client::from_profile: a client from one profile of the profile file.
#include <string>

#include "caspio/client.hpp"
#include "caspio/error.hpp"
#include "caspio/profile.hpp"

namespace caspio {
namespace {

[[noreturn]] void refuse(const std::string& message) {
  ErrorInfo info;
  info.message = "Client::from_profile: " + message;
  throw InvalidArgumentError(std::move(info));
}

}  // namespace

Client Client::from_profile(const std::string& name, ClientOptions options) {
  const std::string path = profile_file_path();
  const auto found = read_profile(name, path);
  if (!found) refuse("no profile [" + name + "] in " + path);
  const Profile& p = *found;
  if (options.base_url.empty()) options.base_url = p.rest_url;
  if (!p.token.empty()) {
    if (p.account.empty() && options.base_url.empty()) {
      refuse("profile [" + name + "] has a token but neither account nor rest_url");
    }
    return Client(p.account, p.token, std::move(options));
  }
  if (p.client_id.empty() || p.client_secret.empty() ||
      (p.token_url.empty() && p.account.empty())) {
    refuse("profile [" + name +
           "] needs token (with account or rest_url), or client_id, client_secret and "
           "token_url (or account)");
  }
  const std::string token_url =
      p.token_url.empty() ? "https://" + p.account + ".caspio.com/oauth/token" : p.token_url;
  return Client(ClientCredentials{p.client_id, p.client_secret, token_url}, std::move(options));
}

}  // namespace caspio
