#pragma once
// The simdjson parser of this thread, for record pages (row_parser.cpp, page_text_simd.cpp).

#include <string>

#include <simdjson.h>

namespace caspio {
namespace detail {

/// Parses `body` with this thread's parser into this thread's document (valid until the next
/// call on the thread). Their buffers (about 14 bytes per body byte, mostly untouched) grow by
/// doubling, so that a read of many pages of slightly different sizes allocates them once:
/// reallocating them page after page freed multi-megabyte mmap'ed blocks, which raises glibc's
/// dynamic mmap threshold, so that a large result vector later landed on the heap, where freeing
/// it coalesced every freed row node (3 µs per row).
simdjson::simdjson_result<simdjson::dom::element> parse_page(const std::string& body);

}  // namespace detail
}  // namespace caspio
