#pragma once
// What the pipeline hands back: the final answer to a request and how many sends it took.

#include <string>

#include "caspio/http_transport.hpp"

namespace caspio {
namespace detail {

/// The last answer (any status) and the number of attempts, retries and the repeat after a
/// token renewal included.
struct Outcome {
  HttpResponse response;
  int attempts = 0;
  std::string bearer;  ///< The token sent, so that an error echoing it can be redacted.
};

}  // namespace detail
}  // namespace caspio
