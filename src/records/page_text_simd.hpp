#pragma once
// The fast path of PageTextWriter: a page parsed by simdjson (its DOM, one tape per page, parser
// reused per thread) and written as file text. The SAX converter (page_text.cpp) takes every body
// this path declines and names what is wrong with it.

#include <string>
#include <vector>

#include "caspio/write_result.hpp"
#include "records/page_text.hpp"

namespace caspio {
namespace detail {

/// The CSV columns of one export: the first row's fields without PK_ID, and their header line.
struct CsvColumns {
  bool known = false;              ///< Set by the first row.
  std::vector<std::string> names;  ///< Field names, in the order of the first row.
  std::string header;              ///< The header line (with CRLF), "" until known.
};

/// Appends the rows of `body` to `out` as `format` text, exactly as the SAX converter would, and
/// returns true; returns false, writing nothing, when the body is not an object whose `Result`
/// members are arrays of objects as simdjson reads them (invalid JSON, a missing Result, a row that
/// is not an object, an integer beyond 64 bits, …).
bool simd_page_text(const std::string& body, StreamFormat format, CsvColumns& columns,
                    PageText& out);

}  // namespace detail
}  // namespace caspio
