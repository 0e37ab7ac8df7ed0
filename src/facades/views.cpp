#include "caspio/views.hpp"

#include "answer/answer.hpp"

#include "client/client_state.hpp"
#include "records/records.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {

constexpr const char* kViews = "views";

detail::RecordSource source(const std::string& view) {
  return {kViews, view};
}

}  // namespace

std::vector<std::string> Views::listing() const {
  return detail::get_result<std::vector<std::string>>(*state_, state_->url({kViews}));
}

ObjectDescription Views::description(const std::string& view) const {
  detail::require_name(view, "view name");
  return detail::get_result<ObjectDescription>(*state_, state_->url({kViews, view}));
}

std::vector<FieldDefinition> Views::definition(const std::string& view) const {
  state_->require_v3("Views::definition (view fields)");
  detail::require_name(view, "view name");
  return detail::get_result<std::vector<FieldDefinition>>(*state_,
                                                          state_->url({kViews, view, "fields"}));
}

FieldDefinition Views::field_definition(const std::string& view, const std::string& field) const {
  state_->require_v3("Views::field_definition (view fields)");
  detail::require_name(view, "view name");
  detail::require_name(field, "field name");
  return detail::get_result<FieldDefinition>(*state_, state_->url({kViews, view, "fields", field}));
}

std::int64_t Views::count_records(const std::string& view, const Query& query) const {
  return detail::count_records(*state_, source(view), query);
}

std::vector<Row> Views::get_records_paginated(const std::string& view, const Query& query) const {
  return detail::get_records_paginated(*state_, source(view), query);
}

std::vector<Row> Views::get_records(const std::string& view, const Query& query) const {
  return detail::get_records(state_, source(view), query);
}

RecordRange Views::records(const std::string& view, const Query& query) const {
  return detail::records(state_, source(view), query);
}

std::size_t Views::get_records_stream_to_file(const std::string& view, const Query& query,
                                              const std::string& path, StreamFormat format) const {
  return detail::stream_to_file(state_, source(view), query, path, format);
}

WriteResult Views::create_record(const std::string& view, const nlohmann::json& values,
                                 ReturnRows return_rows) const {
  return detail::create_record(*state_, source(view), values, return_rows);
}

WriteResult Views::update_records(const std::string& view, const Where& where,
                                  const nlohmann::json& values, ReturnRows return_rows) const {
  return detail::update_records(*state_, source(view), where, values, return_rows);
}

WriteResult Views::delete_records(const std::string& view, const Where& where) const {
  return detail::delete_records(*state_, source(view), where);
}

}  // namespace caspio
