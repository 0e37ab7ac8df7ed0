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

const char* const kUpdateKeys[] = {
    "NewName",        "NewType",         "NewUnique",   "NewUniqueAllowNulls", "NewLabel",
    "NewDescription", "NewDisplayOrder", "NewOnInsert", "NewOnUpdate",         "NewTimeZone",
    "NewFormat",      "NewPrefix",       "NewLength",   "NewListField"};

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
                const std::string& old_name) {
  auto name = prop_text(v, "NewName");
  if (!valid_name(name, 32) || iequals(name, "PK_ID")) throw bad_body("NewName is invalid");
  if (!iequals(name, old_name) && table.find(name) != nullptr) {
    throw bad_body("Field '" + name + "' already exists in table '" + table.name + "'");
  }
  change.field.name = name;
}

void apply_type(FieldChange& change, const nlohmann::json& v, const std::string& old_name) {
  auto type = v.is_string() ? parse_type(v.get<std::string>()) : std::nullopt;
  if (!type) throw bad_body("NewType is invalid");
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
void apply_options(FieldDef& f, const nlohmann::json& body) {
  apply_field_options(f, body, "New");
  if (const auto* v = find_prop(body, "NewListField")) {
    if (!is_list(f.type)) throw bad_body("NewListField applies only to list fields");
    apply_new_list(f, *v);
  }
}

}  // namespace

void check_field_update(const nlohmann::json& body) {
  if (!body.is_object() || body.empty()) {
    throw bad_body("The body must be a JSON object of New* field properties");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = std::any_of(std::begin(kUpdateKeys), std::end(kUpdateKeys),
                             [&](const char* k) { return iequals(it.key(), k); });
    if (!known) {
      throw bad_body("Unknown body parameter '" + it.key() +
                     "': field properties to update must start with 'New'");
    }
  }
}

FieldChange field_change(const TableDef& table, const FieldDef& old, const nlohmann::json& body) {
  FieldChange change{old, quote_ident(old.name), std::nullopt};
  if (const auto* v = find_prop(body, "NewName")) apply_name(table, change, *v, old.name);
  if (const auto* v = find_prop(body, "NewType")) apply_type(change, *v, old.name);
  apply_options(change.field, body);
  validate_field(change.field);
  if (const auto* v = find_prop(body, "NewDisplayOrder")) {
    change.display_order = prop_int(*v, "NewDisplayOrder");
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
