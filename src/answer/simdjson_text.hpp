#pragma once
// What the simdjson readers of answer bodies share: starting an On-Demand document over a body
// (with the padding simdjson needs) and checking that nothing follows the root value.

#include <simdjson.h>

#include <string>

namespace caspio {
namespace detail {

/// Starts `document` over `body` with `parser`, growing the parser when the body is larger than
/// it can read. The padding simdjson reads past the text is the string's spare capacity when it
/// has enough, else `body` is copied into `padded`. False when simdjson cannot start (the caller
/// takes its slow path).
bool start_document(simdjson::ondemand::parser& parser, std::string& padded,
                    const std::string& body, simdjson::ondemand::document& document);

/// True when the root value read from `document` is the whole text (nothing but whitespace after
/// it), as a JSON parser requires.
bool document_ended(simdjson::ondemand::document& document);

}  // namespace detail
}  // namespace caspio
