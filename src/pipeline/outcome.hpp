#pragma once
// What the pipeline hands back: the final answer to a request and how many sends it took.

#include <string>
#include <vector>

#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// The last answer (any status) and the number of attempts, retries and the repeat after a
/// token renewal included.
struct Outcome {
  HttpResponse response;
  int attempts = 0;
  /// The credentials of the request (the token sent, the refresh token, the client secret…), so
  /// that an error echoing one can be redacted.
  std::vector<std::string> secrets;
};

}  // namespace detail
}  // namespace caspio
