// Reads of records: one page, the lazy fetch-all range, all rows, and the stream to a file.
#include <memory>
#include <utility>
#include <vector>

#include "answer/errors.hpp"
#include "records/page_body.hpp"
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

std::vector<Row> get_records_paginated(const ClientState& state, const RecordSource& source,
                                       const Query& query) {
  require_name(source.name, "name");
  if (query.limit() && (query.page_number() || query.page_size())) {
    throw_invalid(
        "q.limit cannot be combined with q.pageNumber/q.pageSize (Caspio ignores it when paging)");
  }
  return result_rows(
      state.call(HttpMethod::get, state.url(records_path(source), query_params(query))));
}

std::int64_t count_records(const ClientState& state, const RecordSource& source,
                           const Query& query) {
  state.require_v3("count_records (q.getPaginationInfo)");
  require_name(source.name, "name");
  if (query.limit() || query.page_number() || query.page_size()) {
    throw_invalid(
        "count_records counts every row the query selects: it takes no limit, "
        "page_number or page_size");
  }
  // The smallest page Caspio accepts; only its Pagination is read. q.orderBy does not change
  // the count, so it is not sent.
  QueryParams params;
  for (auto& param : query_params(query)) {
    if (param.first != "q.orderBy") params.push_back(std::move(param));
  }
  params.emplace_back("q.pageNumber", "1");
  params.emplace_back("q.pageSize", "5");
  params.emplace_back("q.getPaginationInfo", "true");
  const std::string url = state.url(records_path(source), params);
  return state.get_and_read(url, [](const Answer& answer) {
    const nlohmann::json body = parse_json(answer);
    const nlohmann::json* total = nullptr;
    if (body.is_object() && body.contains("Pagination") && body["Pagination"].is_object() &&
        body["Pagination"].contains("TotalCount")) {
      total = &body["Pagination"]["TotalCount"];
    }
    if (total == nullptr || !total->is_number_integer()) {
      throw_bad_answer(answer, "the answer has no integer Pagination.TotalCount");
    }
    return total->get<std::int64_t>();
  });
}

RecordRange::PageLoader row_loader(const std::shared_ptr<const ClientState>& state, PagePlan plan,
                                   int prefetch) {
  const int page_size = plan.page_size;
  if (page_size <= 0 || prefetch <= 0) {
    // One thread reads every page: one body buffer for all of them.
    auto sink = std::make_shared<BufferSink>();
    return [state, plan = std::move(plan), sink](int page) {
      return read_page(*state, plan, page, *sink, result_rows);
    };
  }
  return paged_loader<std::vector<Row>>(
      [state, plan = std::move(plan)](int page) {
        BufferSink sink;  // pages in flight on several threads: one buffer each
        return read_page(*state, plan, page, sink, result_rows);
      },
      [page_size](const std::vector<Row>& rows) {
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

std::vector<Row> get_records(const std::shared_ptr<const ClientState>& state,
                             const RecordSource& source, const Query& query) {
  PagePlan plan = checked_plan(*state, source, query);
  const auto page_size = static_cast<std::size_t>(plan.page_size);
  const RecordRange::PageLoader load = row_loader(state, std::move(plan), query.prefetch());
  std::vector<Row> rows;
  RepeatGuard repeats;
  for (int page = 1;; ++page) {
    std::vector<Row> next = load(page);
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
