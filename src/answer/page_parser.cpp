#include "answer/page_parser.hpp"

#include <algorithm>
#include <cstddef>

namespace caspio {
namespace detail {

simdjson::simdjson_result<simdjson::dom::element> parse_page(const std::string& body) {
  thread_local simdjson::dom::parser parser;
  thread_local simdjson::dom::document document;
  const std::size_t size = body.size();
  if (parser.capacity() < size || document.capacity() < size) {
    const std::size_t room = std::min(std::max<std::size_t>(size * 2, std::size_t{1} << 16),
                                      simdjson::SIMDJSON_MAXSIZE_BYTES);
    // On failure (no memory) parse_into_document() allocates what it needs, or reports it.
    if (parser.capacity() < size && parser.allocate(room) != simdjson::SUCCESS) {
      parser = simdjson::dom::parser();
    }
    if (document.capacity() < size && document.allocate(room) != simdjson::SUCCESS) {
      document = simdjson::dom::document();
    }
  }
  return parser.parse_into_document(document, body.data(), size);
}

}  // namespace detail
}  // namespace caspio
