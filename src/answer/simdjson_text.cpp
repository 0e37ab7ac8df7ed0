#include "answer/simdjson_text.hpp"

#include <algorithm>

namespace caspio {
namespace detail {

bool start_document(simdjson::ondemand::parser& parser, std::string& padded,
                    const std::string& body, simdjson::ondemand::document& document) {
  const std::size_t size = body.size();
  if (parser.capacity() < size) {
    // Grows by doubling: one allocation for a read of many pages of slightly different sizes.
    const std::size_t room = std::min(std::max<std::size_t>(size * 2, std::size_t{1} << 16),
                                      simdjson::SIMDJSON_MAXSIZE_BYTES);
    if (parser.allocate(room) != simdjson::SUCCESS) return false;
  }
  simdjson::padded_string_view text;
  if (body.capacity() >= size + simdjson::SIMDJSON_PADDING) {
    text = simdjson::padded_string_view(body.data(), size, body.capacity());
  } else {
    padded.reserve(size + simdjson::SIMDJSON_PADDING);
    padded.assign(body);
    text = simdjson::padded_string_view(padded.data(), size, padded.capacity());
  }
  return parser.iterate(text).get(document) == simdjson::SUCCESS;
}

bool document_ended(simdjson::ondemand::document& document) {
  // OUT_OF_BOUNDS: the document ends where the root value did.
  const char* rest = nullptr;
  return document.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
}

}  // namespace detail
}  // namespace caspio
