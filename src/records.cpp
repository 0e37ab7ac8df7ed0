#include "detail/records.hpp"

#include <fmt/format.h>

#include <strings.h>

#include "caspio/error.hpp"
#include "detail/errors.hpp"

namespace caspio {
namespace detail {

void require_name(const std::string& value, const char* what) {
  if (value.empty()) throw_invalid(fmt::format("{} must not be empty", what));
}

void require_bulk_where(const Where& where, const char* operation) {
  if (where.empty()) {
    throw_invalid(fmt::format(
        "{} refuses an empty WHERE clause; pass caspio::Where::all() to affect every row",
        operation));
  }
}

void require_record_values(const nlohmann::json& values, bool non_empty) {
  if (!values.is_object()) {
    throw_invalid(fmt::format("record values must be a JSON object, got {}", values.type_name()));
  }
  if (non_empty && values.empty()) throw_invalid("record values must not be empty");
  for (const auto& item : values.items()) {
    if (::strcasecmp(item.key().c_str(), "PK_ID") == 0) {
      throw_invalid("PK_ID is assigned by Caspio and cannot be written");
    }
  }
}

std::string dump_body(const nlohmann::json& json) {
  try {
    return json.dump();
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(fmt::format("value cannot be sent as JSON: {}", e.what()));
  }
}

QueryParams query_params(const Query& query) {
  QueryParams params;
  if (!query.select().empty()) params.emplace_back("q.select", query.select());
  if (!query.where().empty()) params.emplace_back("q.where", query.where().str());
  if (!query.group_by().empty()) params.emplace_back("q.groupBy", query.group_by());
  if (!query.order_by().empty()) params.emplace_back("q.orderBy", query.order_by());
  if (query.limit()) params.emplace_back("q.limit", std::to_string(*query.limit()));
  if (query.page_number())
    params.emplace_back("q.pageNumber", std::to_string(*query.page_number()));
  if (query.page_size()) params.emplace_back("q.pageSize", std::to_string(*query.page_size()));
  return params;
}

std::string stable_order(const Query& query) {
  if (!query.order_by().empty()) return query.order_by();
  if (!query.group_by().empty()) return query.group_by();
  return "PK_ID";
}

namespace {

[[noreturn]] void throw_bad_answer(HttpMethod method, const std::string& url, int status,
                                   const std::string& why, const HttpResponse* response) {
  ErrorInfo info;
  info.http_status = status;
  info.message = why;
  info.method = to_string(method);
  info.url = url;
  info.attempts = 1;
  if (response != nullptr) info.request_id = response->header("X-Caspio-Request-ID");
  throw ApiError(std::move(info));
}

}  // namespace

nlohmann::json parse_answer(const HttpResponse& response, HttpMethod method,
                            const std::string& url) {
  auto json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    throw_bad_answer(method, url, response.status,
                     fmt::format("answer body is not valid JSON ({} bytes)", response.body.size()),
                     &response);
  }
  return json;
}

std::vector<nlohmann::json> result_array(const nlohmann::json& body, HttpMethod method,
                                         const std::string& url, int status) {
  if (!body.is_object())
    throw_bad_answer(method, url, status, "answer is not a JSON object", nullptr);
  const auto it = body.find("Result");
  if (it == body.end() || !it->is_array()) {
    throw_bad_answer(method, url, status, "answer has no Result array", nullptr);
  }
  std::vector<nlohmann::json> rows;
  rows.reserve(it->size());
  for (auto& row : *it) rows.push_back(std::move(row));
  return rows;
}

std::vector<nlohmann::json> get_records_paginated(const ClientState& state,
                                                  const RecordSource& source, const Query& query) {
  require_name(source.name, "name");
  if (query.limit() && (query.page_number() || query.page_size())) {
    throw_invalid(
        "q.limit cannot be combined with q.pageNumber/q.pageSize (Caspio ignores it when paging)");
  }
  const std::string url =
      state.url({source.collection, source.name, "records"}, query_params(query));
  const HttpResponse response = state.call(HttpMethod::get, url);
  return result_array(parse_answer(response, HttpMethod::get, url), HttpMethod::get, url,
                      response.status);
}

RecordRange records(const std::shared_ptr<const ClientState>& state, const RecordSource& source,
                    const Query& query) {
  require_name(source.name, "name");
  if (query.page_number()) {
    throw_invalid(
        "page_number cannot be set for a fetch-all read (pages are numbered by the SDK); use "
        "get_records_paginated for one page");
  }
  if (query.limit() && query.page_size()) {
    throw_invalid("q.limit cannot be combined with q.pageSize");
  }
  Query base;
  base.select(query.select()).where(query.where()).group_by(query.group_by());
  base.order_by(stable_order(query));
  QueryParams params = query_params(base);
  const std::vector<std::string> segments{source.collection, source.name, "records"};

  if (query.limit()) {
    // At most `limit` (<= 1000) rows: one plain request, no paging parameters.
    params.emplace_back("q.limit", std::to_string(*query.limit()));
    std::string url = state->url(segments, params);
    auto loader = [state, url](int) {
      const HttpResponse response = state->call(HttpMethod::get, url);
      return result_array(parse_answer(response, HttpMethod::get, url), HttpMethod::get, url,
                          response.status);
    };
    return RecordRange(std::move(loader), 0);
  }

  const int page_size = query.page_size().value_or(kDefaultPageSize);
  params.emplace_back("q.pageNumber", "0");
  params.emplace_back("q.pageSize", std::to_string(page_size));
  (void)state->url(segments, params);  // validates the URI length before anything is sent
  auto loader = [state, segments, params](int page) mutable {
    params[params.size() - 2].second = std::to_string(page);
    const std::string url = state->url(segments, params);
    const HttpResponse response = state->call(HttpMethod::get, url);
    return result_array(parse_answer(response, HttpMethod::get, url), HttpMethod::get, url,
                        response.status);
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

std::int64_t records_affected(const nlohmann::json& body) {
  if (!body.is_object()) return 0;
  const auto it = body.find("RecordsAffected");
  if (it == body.end() || !it->is_number()) return 0;
  return it->get<std::int64_t>();
}

WriteResult create_record(const ClientState& state, const RecordSource& source,
                          const nlohmann::json& values, ReturnRows return_rows) {
  require_name(source.name, "name");
  require_record_values(values, /*non_empty=*/false);
  const std::string body = dump_body(values);
  QueryParams params;
  if (return_rows == ReturnRows::yes) params.emplace_back("response", "rows");
  const std::string url = state.url({source.collection, source.name, "records"}, params);
  const HttpResponse response = state.call_json(HttpMethod::post, url, body);
  WriteResult result;
  result.status = response.status;
  result.records_affected = 1;
  if (return_rows == ReturnRows::yes && !response.body.empty()) {
    const auto json = parse_answer(response, HttpMethod::post, url);
    result.rows = result_array(json, HttpMethod::post, url, response.status);
  }
  return result;
}

WriteResult update_records(const ClientState& state, const RecordSource& source, const Where& where,
                           const nlohmann::json& values, ReturnRows return_rows) {
  require_name(source.name, "name");
  require_bulk_where(where, "update_records");
  require_record_values(values, /*non_empty=*/true);
  const std::string body = dump_body(values);
  QueryParams params{{"q.where", where.str()}};
  if (return_rows == ReturnRows::yes) params.emplace_back("response", "rows");
  const std::string url = state.url({source.collection, source.name, "records"}, params);
  const HttpResponse response = state.call_json(HttpMethod::put, url, body);
  WriteResult result;
  result.status = response.status;
  if (!response.body.empty()) {
    const auto json = parse_answer(response, HttpMethod::put, url);
    result.records_affected = records_affected(json);
    const auto rows = json.is_object() ? json.find("Result") : json.end();
    if (return_rows == ReturnRows::yes && json.is_object() && rows != json.end() &&
        rows->is_array()) {
      result.rows.assign(rows->begin(), rows->end());
    }
  }
  return result;
}

WriteResult delete_records(const ClientState& state, const RecordSource& source,
                           const Where& where) {
  require_name(source.name, "name");
  require_bulk_where(where, "delete_records");
  const std::string url =
      state.url({source.collection, source.name, "records"}, {{"q.where", where.str()}});
  const HttpResponse response = state.call(HttpMethod::delete_, url);
  WriteResult result;
  result.status = response.status;
  if (!response.body.empty()) {
    result.records_affected = records_affected(parse_answer(response, HttpMethod::delete_, url));
  }
  return result;
}

}  // namespace detail
}  // namespace caspio
