#include "caspio/tables.hpp"

#include <fmt/format.h>

#include "answer/errors.hpp"
#include "client/client_state.hpp"
#include "records/records.hpp"
#include "request/validate.hpp"

namespace caspio {

namespace {

constexpr const char* kTables = "tables";

detail::RecordSource source(const std::string& table) {
  return {kTables, table};
}

void validate_field(const FieldDefinition& field) {
  if (field.name.empty()) detail::throw_invalid("field definition has an empty Name");
  if (field.type.empty()) {
    detail::throw_invalid(fmt::format("field definition '{}' has an empty Type", field.name));
  }
}

WriteResult password_result(const detail::Answer& answer) {
  WriteResult result;
  result.status = answer.status();
  result.records_affected = detail::records_affected(answer);
  return result;
}

// …/passwordFields/{field}?q.where=, its arguments checked first.
std::string password_field_url(const detail::ClientState& state, const std::string& table,
                               const std::string& field, const Where& where,
                               const char* operation) {
  detail::require_name(table, "table name");
  detail::require_name(field, "password field name");
  detail::require_bulk_where(where, operation);
  return state.url({kTables, table, "passwordFields", field}, {{"q.where", where.str()}});
}

// The body of a field update: `New*` keys in v2, the same keys without `New` in v3.
nlohmann::json field_update_body(const detail::ClientState& state, const FieldUpdate& changes) {
  const nlohmann::json body(changes);
  if (body.empty()) detail::throw_invalid("a field update must change at least one property");
  if (!state.v3()) return body;
  nlohmann::json plain = nlohmann::json::object();
  for (auto it = body.begin(); it != body.end(); ++it) plain[it.key().substr(3)] = it.value();
  return plain;
}

// A v3 field update object (plain keys) as the `New*` object FieldUpdate reads; v2 keeps it.
nlohmann::json as_new_keys(const detail::ClientState& state, const nlohmann::json& changes) {
  if (!state.v3() || !changes.is_object()) return changes;
  nlohmann::json out = nlohmann::json::object();
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    const bool prefixed = it.key().rfind("New", 0) == 0;
    out[prefixed ? it.key() : "New" + it.key()] = it.value();
  }
  return out;
}

}  // namespace

std::vector<std::string> Tables::listing() const {
  return detail::get_result<std::vector<std::string>>(*state_, state_->url({kTables}));
}

void Tables::create(const std::string& table, const std::vector<FieldDefinition>& columns) const {
  detail::require_name(table, "table name");
  if (columns.empty()) detail::throw_invalid("a table needs at least one column");
  for (const auto& column : columns) validate_field(column);
  // v2 takes the fields in `Columns`, v3 in `Fields`.
  nlohmann::json body{{"Name", table}, {state_->v3() ? "Fields" : "Columns", columns}};
  state_->call_json(HttpMethod::post, state_->url({kTables}), detail::dump_body(body));
}

ObjectDescription Tables::description(const std::string& table) const {
  detail::require_name(table, "table name");
  return detail::get_result<ObjectDescription>(*state_, state_->url({kTables, table}));
}

std::vector<FieldDefinition> Tables::definition(const std::string& table) const {
  detail::require_name(table, "table name");
  return detail::get_result<std::vector<FieldDefinition>>(*state_,
                                                          state_->url({kTables, table, "fields"}));
}

void Tables::add_field(const std::string& table, const FieldDefinition& field) const {
  detail::require_name(table, "table name");
  validate_field(field);
  state_->call_json(HttpMethod::post, state_->url({kTables, table, "fields"}),
                    detail::dump_body(nlohmann::json(field)));
}

FieldDefinition Tables::field_definition(const std::string& table, const std::string& field) const {
  detail::require_name(table, "table name");
  detail::require_name(field, "field name");
  return detail::get_result<FieldDefinition>(*state_,
                                             state_->url({kTables, table, "fields", field}));
}

void Tables::update_field_definition(const std::string& table, const std::string& field,
                                     const FieldUpdate& changes) const {
  detail::require_name(table, "table name");
  detail::require_name(field, "field name");
  const nlohmann::json body = field_update_body(*state_, changes);
  state_->call_json(HttpMethod::put, state_->url({kTables, table, "fields", field}),
                    detail::dump_body(body));
}

void Tables::update_field_definition(const std::string& table, const std::string& field,
                                     const nlohmann::json& changes) const {
  update_field_definition(table, field, as_new_keys(*state_, changes).get<FieldUpdate>());
}

void Tables::delete_field(const std::string& table, const std::string& field) const {
  detail::require_name(table, "table name");
  detail::require_name(field, "field name");
  state_->call(HttpMethod::delete_, state_->url({kTables, table, "fields", field}));
}

std::vector<std::string> Tables::password_fields(const std::string& table) const {
  detail::require_name(table, "table name");
  return detail::get_result<std::vector<std::string>>(
      *state_, state_->url({kTables, table, "passwordFields"}));
}

WriteResult Tables::update_password_field_value(const std::string& table, const std::string& field,
                                                const std::string& value,
                                                const Where& where) const {
  const std::string url =
      password_field_url(*state_, table, field, where, "update_password_field_value");
  return password_result(
      state_->call_json(HttpMethod::put, url, detail::dump_body(nlohmann::json{{"Value", value}})));
}

WriteResult Tables::delete_password_field_value(const std::string& table, const std::string& field,
                                                const Where& where) const {
  const std::string url =
      password_field_url(*state_, table, field, where, "delete_password_field_value");
  return password_result(state_->call(HttpMethod::delete_, url));
}

std::vector<Row> Tables::get_records_paginated(const std::string& table, const Query& query) const {
  return detail::get_records_paginated(*state_, source(table), query);
}

std::int64_t Tables::count_records(const std::string& table, const Query& query) const {
  return detail::count_records(*state_, source(table), query);
}

std::vector<Row> Tables::get_records(const std::string& table, const Query& query) const {
  return detail::get_records(state_, source(table), query);
}

RecordRange Tables::records(const std::string& table, const Query& query) const {
  return detail::records(state_, source(table), query);
}

std::size_t Tables::get_records_stream_to_file(const std::string& table, const Query& query,
                                               const std::string& path, StreamFormat format) const {
  return detail::stream_to_file(state_, source(table), query, path, format);
}

WriteResult Tables::create_record(const std::string& table, const nlohmann::json& values,
                                  ReturnRows return_rows) const {
  return detail::create_record(*state_, source(table), values, return_rows);
}

WriteResult Tables::update_records(const std::string& table, const Where& where,
                                   const nlohmann::json& values, ReturnRows return_rows) const {
  return detail::update_records(*state_, source(table), where, values, return_rows);
}

WriteResult Tables::delete_records(const std::string& table, const Where& where) const {
  return detail::delete_records(*state_, source(table), where);
}

}  // namespace caspio
