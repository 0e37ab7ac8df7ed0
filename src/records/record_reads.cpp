// Reads of records: one page, the lazy fetch-all range, all rows, and the stream to a file.
#include <memory>
#include <utility>
#include <vector>

#include "answer/errors.hpp"
#include "records/buffer_sink.hpp"
#include "records/page_loader.hpp"
#include "records/paging.hpp"
#include "records/records.hpp"
#include "records/repeat_guard.hpp"
#include "request/query_params.hpp"
#include "request/validate.hpp"

namespace caspio {
namespace detail {

PagePlan checked_plan(const ClientState& state, const RecordSource& source, const Query& query) {
  require_name(source.name, "name");
  PagePlan plan = plan_pages(records_path(source), query);
  (void)state.url(plan.segments, page_params(plan, 1));
  return plan;
}

std::vector<nlohmann::json> get_records_paginated(const ClientState& state,
                                                  const RecordSource& source, const Query& query) {
  require_name(source.name, "name");
  if (query.limit() && (query.page_number() || query.page_size())) {
    throw_invalid(
        "q.limit cannot be combined with q.pageNumber/q.pageSize (Caspio ignores it when paging)");
  }
  return result_rows(
      state.call(HttpMethod::get, state.url(records_path(source), query_params(query))));
}

namespace {

// The rows of one page, its body received into `sink` (reused from page to page by one reader).
// A body cut short is read again, as get_and_read() does.
std::vector<nlohmann::json> load_rows(const ClientState& state, const PagePlan& plan, int page,
                                      BufferSink& sink) {
  HttpRequest request;
  request.method = HttpMethod::get;
  request.url = state.url(plan.segments, page_params(plan, page));
  // Not owned: the sink outlives the call.
  request.body_sink = std::shared_ptr<HttpBodySink>(std::shared_ptr<HttpBodySink>(), &sink);
  for (int attempt = 1;; ++attempt) {
    sink.begun = false;
    Answer answer = state.call(request);
    // A transport without sink support leaves the body in the answer.
    if (sink.begun) answer.response.body.swap(sink.body);
    try {
      auto rows = result_rows(answer);
      if (sink.begun) answer.response.body.swap(sink.body);  // the buffer stays for the next page
      return rows;
    } catch (const ApiError& e) {
      if (sink.begun) answer.response.body.swap(sink.body);
      if (attempt >= state.read_attempts() || e.code() != kMalformedAnswer) throw;
    }
  }
}

}  // namespace

RecordRange::PageLoader row_loader(const std::shared_ptr<const ClientState>& state, PagePlan plan,
                                   int prefetch) {
  const int page_size = plan.page_size;
  if (page_size <= 0 || prefetch <= 0) {
    // One thread reads every page: one body buffer for all of them.
    auto sink = std::make_shared<BufferSink>();
    return [state, plan = std::move(plan), sink](int page) {
      return load_rows(*state, plan, page, *sink);
    };
  }
  return paged_loader<std::vector<nlohmann::json>>(
      [state, plan = std::move(plan)](int page) {
        BufferSink sink;  // pages in flight on several threads: one buffer each
        return load_rows(*state, plan, page, sink);
      },
      [page_size](const std::vector<nlohmann::json>& rows) {
        return rows.size() < static_cast<std::size_t>(page_size);
      },
      prefetch, 1);
}

RecordRange records(const std::shared_ptr<const ClientState>& state, const RecordSource& source,
                    const Query& query) {
  PagePlan plan = checked_plan(*state, source, query);
  const int page_size = plan.page_size;
  return RecordRange(row_loader(state, std::move(plan), query.prefetch()), page_size);
}

std::vector<nlohmann::json> get_records(const std::shared_ptr<const ClientState>& state,
                                        const RecordSource& source, const Query& query) {
  PagePlan plan = checked_plan(*state, source, query);
  const auto page_size = static_cast<std::size_t>(plan.page_size);
  const RecordRange::PageLoader load = row_loader(state, std::move(plan), query.prefetch());
  std::vector<nlohmann::json> rows;
  RepeatGuard repeats;
  for (int page = 1;; ++page) {
    std::vector<nlohmann::json> next = load(page);
    repeats.check(next, page_size, page);
    const std::size_t count = next.size();
    if (rows.empty()) {
      rows = std::move(next);  // the first page's storage becomes the result's
    } else {
      for (auto& row : next) rows.push_back(std::move(row));  // moves: no row is copied
    }
    if (page_size == 0 || count < page_size) break;
  }
  return rows;
}

}  // namespace detail
}  // namespace caspio
