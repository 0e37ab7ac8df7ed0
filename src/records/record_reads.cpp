// Reads of records: one page, the lazy fetch-all range, all rows, and the stream to a file.
#include <utility>

#include "answer/errors.hpp"
#include "records/paging.hpp"
#include "records/records.hpp"
#include "request/query_params.hpp"
#include "request/validate.hpp"

namespace caspio {
namespace detail {

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

RecordRange records(const std::shared_ptr<const ClientState>& state, const RecordSource& source,
                    const Query& query) {
  require_name(source.name, "name");
  PagePlan plan = plan_pages(records_path(source), query);
  // Builds the longest URL once so that a too-long query fails before anything is sent.
  (void)state->url(plan.segments, page_params(plan, 1));
  const int page_size = plan.page_size;
  auto loader = [state, plan = std::move(plan)](int page) {
    return state->get_and_read(state->url(plan.segments, page_params(plan, page)),
                               [](const Answer& answer) { return result_rows(answer); });
  };
  return RecordRange(std::move(loader), page_size);
}

std::vector<nlohmann::json> get_records(const std::shared_ptr<const ClientState>& state,
                                        const RecordSource& source, const Query& query) {
  RecordRange range = records(state, source, query);
  std::vector<nlohmann::json> rows;
  for (auto it = range.begin(); it != range.end(); ++it) rows.push_back(*it);
  return rows;
}

std::size_t stream_to_file(const std::shared_ptr<const ClientState>& state,
                           const RecordSource& source, const Query& query, const std::string& path,
                           StreamFormat format) {
  require_name(path, "file path");
  RecordRange range = records(state, source, query);
  return write_records_file(range, path, format);
}

}  // namespace detail
}  // namespace caspio
