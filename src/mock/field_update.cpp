#include "field_update.hpp"

#include <algorithm>
#include <iterator>

#include "call.hpp"
#include "json_props.hpp"
#include "sql_db.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

// The field properties an update may change, without their prefix.
const char* const kUpdateKeys[] = {
    "Name",     "Type",     "Unique",   "UniqueAllowNulls", "Label",  "Description", "DisplayOrder",
    "OnInsert", "OnUpdate", "TimeZone", "Format",           "Prefix", "Length",      "ListField"};

bool convertible(FieldType t) {
  switch (t) {
    case FieldType::string:
    case FieldType::text:
    case FieldType::number:
    case FieldType::integer:
    case FieldType::currency:
    case FieldType::date_time:
    case FieldType::yes_no:
    case FieldType::file:
      return true;
    default:
      return false;
  }
}

std::string convert_sql(const std::string& col, FieldType to) {
  switch (to) {
    case FieldType::number:
    case FieldType::currency:
      return "CAST(" + col + " AS REAL)";
    case FieldType::integer:
      return "CAST(" + col + " AS INTEGER)";
    case FieldType::yes_no:
      return "COALESCE(CAST(" + col + " AS INTEGER) <> 0, 0)";
    default:
      return "CAST(" + col + " AS TEXT)";
  }
}

void apply_name(const TableDef& table, FieldChange& change, const nlohmann::json& v,
                const std::string& old_name, const std::string& key) {
  auto name = prop_text(v, key);
  if (!valid_name(name, 32) || iequals(name, "PK_ID")) throw bad_body(key + " is invalid");
  if (!iequals(name, old_name) && table.find(name) != nullptr) {
    throw bad_body("Field '" + name + "' already exists in table '" + table.name + "'");
  }
  change.field.name = name;
}

void apply_type(FieldChange& change, const nlohmann::json& v, const std::string& old_name,
                const std::string& key) {
  auto type = v.is_string() ? parse_type(v.get<std::string>()) : std::nullopt;
  if (!type) throw bad_body(key + " is invalid");
  FieldDef& f = change.field;
  if (*type == f.type) return;
  if (!convertible(f.type) || !convertible(*type) || f.is_formula) {
    throw bad_body(std::string("Cannot change the type of field '") + old_name + "' from " +
                   type_name(f.type) + " to " + type_name(*type));
  }
  change.source = convert_sql(change.source, *type);
  f.type = *type;
}

// The options that only replace a value of the definition, and the list items.
void apply_options(FieldDef& f, const nlohmann::json& body, const std::string& prefix) {
  apply_field_options(f, body, prefix);
  if (const auto* v = find_prop(body, prefix + "ListField")) {
    if (!is_list(f.type)) throw bad_body(prefix + "ListField applies only to list fields");
    apply_new_list(f, *v);
  }
}

}  // namespace

void check_field_update(const nlohmann::json& body, const std::string& prefix) {
  if (!body.is_object() || body.empty()) {
    throw bad_body("The body must be a JSON object of " + prefix + "* field properties");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = std::any_of(std::begin(kUpdateKeys), std::end(kUpdateKeys),
                             [&](const char* k) { return iequals(it.key(), prefix + k); });
    if (known) continue;
    if (prefix.empty()) throw bad_body("Unknown body parameter '" + it.key() + "'");
    throw bad_body("Unknown body parameter '" + it.key() +
                   "': field properties to update must start with '" + prefix + "'");
  }
}

FieldChange field_change(const TableDef& table, const FieldDef& old, const nlohmann::json& body,
                         const std::string& prefix) {
  FieldChange change{old, quote_ident(old.name), std::nullopt};
  if (const auto* v = find_prop(body, prefix + "Name")) {
    apply_name(table, change, *v, old.name, prefix + "Name");
  }
  if (const auto* v = find_prop(body, prefix + "Type")) {
    apply_type(change, *v, old.name, prefix + "Type");
  }
  apply_options(change.field, body, prefix);
  validate_field(change.field);
  if (const auto* v = find_prop(body, prefix + "DisplayOrder")) {
    change.display_order = prop_int(*v, prefix + "DisplayOrder");
  }
  return change;
}

std::string rename_ident(const std::string& sql, const std::string& from, const std::string& to) {
  const std::string needle = quote_ident(from);
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    auto hit = sql.find(needle, pos);
    if (hit == std::string::npos) break;
    out += sql.substr(pos, hit - pos) + quote_ident(to);
    pos = hit + needle.size();
  }
  return out + sql.substr(pos);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
