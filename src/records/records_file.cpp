// get_records_stream_to_file: each page's body goes into a reused buffer and is turned into the
// file's text (page_text.hpp: no nlohmann::json per row); the file appears only when complete.
#include <fmt/format.h>

#include <functional>
#include <string>

#include "answer/errors.hpp"
#include "records/page_body.hpp"
#include "records/page_loader.hpp"
#include "records/page_text.hpp"
#include "records/records.hpp"
#include "request/validate.hpp"
#include "transport/atomic_file.hpp"

namespace caspio {
namespace detail {
namespace {

// Throws the ApiError of a page body that could not be converted.
void check_page_text(const Answer& answer, PageTextError error, std::size_t bytes) {
  switch (error) {
    case PageTextError::none:
      break;
    case PageTextError::not_json:
      throw_bad_answer(answer, fmt::format("answer body is not valid JSON ({} bytes)", bytes),
                       kMalformedAnswer);
    case PageTextError::no_result:
      throw_bad_answer(answer, "answer has no Result");
    case PageTextError::result_not_array:
      throw_bad_answer(answer, "answer has no Result array");
  }
}

PageText load_text(const ClientState& state, const PagePlan& plan, int page, PageTextWriter& writer,
                   BufferSink& sink) {
  return read_page(state, plan, page, sink, [&writer](const Answer& answer) {
    const std::string& body = answer.response.body;
    PageText text;
    text.text.reserve(body.size());
    check_page_text(answer, writer.convert(body, text), body.size());  // cut short: read again
    return text;
  });
}

// Pages 2… of `plan` as text: in order on this thread, or `prefetch` pages ahead.
std::function<PageText(int)> later_pages(const std::shared_ptr<const ClientState>& state,
                                         const PagePlan& plan, PageTextWriter& writer,
                                         const std::shared_ptr<BufferSink>& sink, int prefetch) {
  if (prefetch <= 0) {
    return [state, plan, &writer, sink](int page) {
      return load_text(*state, plan, page, writer, *sink);
    };
  }
  std::shared_ptr<const PageTextWriter> columns = writer.clone();
  const auto page_size = static_cast<std::size_t>(plan.page_size);
  return paged_loader<PageText>(
      [state, plan, columns](int page) {
        const auto own = columns->clone();  // one writer and buffer per page in flight
        BufferSink sink;
        return load_text(*state, plan, page, *own, sink);
      },
      [page_size](const PageText& text) { return text.rows < page_size; }, prefetch, 2);
}

}  // namespace

std::size_t stream_to_file(const std::shared_ptr<const ClientState>& state,
                           const RecordSource& source, const Query& query, const std::string& path,
                           StreamFormat format) {
  require_name(path, "file path");
  const PagePlan plan = checked_plan(*state, source, query);
  const auto page_size = static_cast<std::size_t>(plan.page_size);
  AtomicFile file(path);
  PageTextWriter writer(format);
  const auto sink = std::make_shared<BufferSink>();
  // Page 1 on this thread: its first row fixes the CSV columns for every later page.
  PageText page = load_text(*state, plan, 1, writer, *sink);
  if (format == StreamFormat::json_array) file.write("[");
  file.write(writer.header());
  std::size_t count = 0;
  std::function<PageText(int)> next;
  std::size_t previous_hash = 0;  // of the previous full page: a server that ignores
  std::size_t previous_size = 0;  // q.pageNumber repeats it forever
  for (int number = 1;; ++number) {
    if (page_size != 0 && page.rows == page_size) {
      const std::size_t hash = std::hash<std::string_view>{}(page.text);
      if (number > 1 && hash == previous_hash && page.text.size() == previous_size) {
        throw_repeated_page(number);
      }
      previous_hash = hash;
      previous_size = page.text.size();
    }
    std::string_view text = page.text;
    if (count == 0 && format == StreamFormat::json_array && !text.empty()) text.remove_prefix(1);
    file.write(text);
    count += page.rows;
    if (page_size == 0 || page.rows < page_size) break;
    if (!next) next = later_pages(state, plan, writer, sink, query.prefetch());
    page = next(number + 1);
  }
  next = nullptr;  // stops any prefetch threads before the file is committed
  if (format == StreamFormat::json_array) file.write("]\n");
  file.commit();
  return count;
}

}  // namespace detail
}  // namespace caspio
