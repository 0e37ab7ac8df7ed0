#pragma once
// One page of records (Caspio's `{"Result":[…]}` body) turned straight into the text of a file
// (JSON array, NDJSON or CSV): no nlohmann::json per row, fields in the order Caspio sent, PK_ID
// left out. simdjson's DOM takes the page first (page_text_simd.hpp); the SAX pass here takes
// whatever it declines and names what is wrong with a bad body.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "caspio/write_result.hpp"

namespace caspio {
namespace detail {

/// What a page became.
struct PageText {
  std::string text;      ///< The rows' text; in a JSON array every row is preceded by ",".
  std::size_t rows = 0;  ///< Rows on the page.
};

/// Why a body could not be converted.
enum class PageTextError {
  none,
  not_json,         ///< The body is not valid JSON.
  no_result,        ///< Not an object with a `Result` member.
  result_not_array  ///< `Result` is not an array.
};

/// Converts page bodies for one file. For CSV, the columns are the first row's fields (without
/// PK_ID) and header() gives their line once known; later rows are written in that column order.
class PageTextWriter {
 public:
  /// A writer for `format`; `fast` false turns the simdjson path off (tests compare the two).
  explicit PageTextWriter(StreamFormat format, bool fast = true);
  ~PageTextWriter();
  PageTextWriter(const PageTextWriter&) = delete;
  PageTextWriter& operator=(const PageTextWriter&) = delete;

  /// Appends the rows of `body` to `out.text` (counting them in `out.rows`).
  PageTextError convert(const std::string& body, PageText& out);
  /// The CSV header line ("" before the first row, and for the JSON formats).
  const std::string& header() const noexcept;
  /// Same format and columns, for converting other pages concurrently.
  std::unique_ptr<PageTextWriter> clone() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace detail
}  // namespace caspio
