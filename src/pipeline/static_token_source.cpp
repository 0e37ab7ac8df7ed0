#include "answer/errors.hpp"
#include "caspio/token_source.hpp"

namespace caspio {

StaticTokenSource::StaticTokenSource(std::string access_token) : token_(std::move(access_token)) {
  if (token_.empty()) detail::throw_invalid("access token is empty");
}

std::string StaticTokenSource::token() {
  return token_;
}

bool StaticTokenSource::renew_after_unauthorized(const std::string&) {
  return false;
}

}  // namespace caspio
