// Writes of records: create one, update and delete by WHERE.
#include "records/records.hpp"
#include "request/validate.hpp"

namespace caspio {
namespace detail {

namespace {

QueryParams write_params(const Where* where, ReturnRows return_rows) {
  QueryParams params;
  if (where != nullptr) params.emplace_back("q.where", where->str());
  if (return_rows == ReturnRows::yes) params.emplace_back("response", "rows");
  return params;
}

}  // namespace

Answer post_record(const ClientState& state, const RecordSource& source,
                   const nlohmann::json& values, ReturnRows return_rows) {
  require_name(source.name, "name");
  require_record_values(values, /*non_empty=*/false);
  std::string body = dump_body(values);
  return state.call_json(HttpMethod::post,
                         state.url(records_path(source), write_params(nullptr, return_rows)),
                         std::move(body));
}

WriteResult create_record(const ClientState& state, const RecordSource& source,
                          const nlohmann::json& values, ReturnRows return_rows) {
  const Answer answer = post_record(state, source, values, return_rows);
  WriteResult result;
  result.status = answer.status();
  result.records_affected = 1;
  if (return_rows == ReturnRows::yes && !answer.response.body.empty()) {
    result.rows = result_rows(answer);
  }
  return result;
}

WriteResult update_records(const ClientState& state, const RecordSource& source, const Where& where,
                           const nlohmann::json& values, ReturnRows return_rows) {
  require_name(source.name, "name");
  require_bulk_where(where, "update_records");
  require_record_values(values, /*non_empty=*/true);
  std::string body = dump_body(values);
  const Answer answer = state.call_json(
      HttpMethod::put, state.url(records_path(source), write_params(&where, return_rows)),
      std::move(body));
  WriteResult result;
  result.status = answer.status();
  result.records_affected = records_affected(answer);
  if (return_rows == ReturnRows::yes && !answer.response.body.empty()) {
    result.rows = result_rows(answer);
  }
  return result;
}

WriteResult delete_records(const ClientState& state, const RecordSource& source,
                           const Where& where) {
  require_name(source.name, "name");
  require_bulk_where(where, "delete_records");
  const Answer answer = state.call(
      HttpMethod::delete_, state.url(records_path(source), write_params(&where, ReturnRows::no)));
  WriteResult result;
  result.status = answer.status();
  result.records_affected = records_affected(answer);
  return result;
}

}  // namespace detail
}  // namespace caspio
