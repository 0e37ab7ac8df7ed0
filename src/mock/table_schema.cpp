#include "table_schema.hpp"

#include <algorithm>
#include <cctype>

#include "call.hpp"
#include "json_props.hpp"
#include "table_values.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

struct TypeName {
  FieldType type;
  const char* name;
};

constexpr TypeName kTypeNames[] = {
    {FieldType::autonumber, "AUTONUMBER"},
    {FieldType::prefixed_autonumber, "PREFIXED AUTONUMBER"},
    {FieldType::guid, "GUID"},
    {FieldType::random_id, "RANDOM ID"},
    {FieldType::string, "STRING"},
    {FieldType::text, "TEXT"},
    {FieldType::password, "PASSWORD"},
    {FieldType::number, "NUMBER"},
    {FieldType::integer, "INTEGER"},
    {FieldType::currency, "CURRENCY"},
    {FieldType::date_time, "DATE/TIME"},
    {FieldType::yes_no, "YES/NO"},
    {FieldType::file, "FILE"},
    {FieldType::timestamp, "TIMESTAMP"},
    {FieldType::list_string, "LIST-STRING"},
    {FieldType::list_number, "LIST-NUMBER"},
    {FieldType::list_date_time, "LIST-DATE/TIME"},
};

const char* const kCreateKeys[] = {"Name",     "Type",        "Unique",       "UniqueAllowNulls",
                                   "Label",    "Description", "DisplayOrder", "OnInsert",
                                   "OnUpdate", "TimeZone",    "Format",       "Prefix",
                                   "Length",   "IsFormula",   "ListField"};

}  // namespace

void validate_field(const FieldDef& f) {
  if (is_generated(f.type) && !f.unique) {
    throw bad_body("Field '" + f.name + "' of type " + type_name(f.type) + " must be unique");
  }
  if (f.type == FieldType::random_id) {
    if (f.format != "0" && f.format != "U" && f.format != "0U") {
      throw bad_body("Format of a RANDOM ID field must be '0', 'U' or '0U'");
    }
    int min_len = f.format == "0" ? 8 : 6;
    if (f.length < min_len || f.length > 12) {
      throw bad_body("Length of a RANDOM ID field is out of range");
    }
  }
  if (f.type == FieldType::prefixed_autonumber) {
    bool ok = !f.format.empty() && f.format.size() <= 7 && f.format.back() == '1' &&
              std::all_of(f.format.begin(), f.format.end() - 1, [](char c) { return c == '0'; });
    if (!ok) throw bad_body("Format of a PREFIXED AUTONUMBER field must be '1' … '0000001'");
  }
  if (f.prefix.size() >= 50) throw bad_body("Prefix must be shorter than 50 characters");
  if (f.label.size() > 255) throw bad_body("Label must be at most 255 characters");
  if (f.description.size() > 4000) throw bad_body("Description must be at most 4000 characters");
}

const char* type_name(FieldType type) {
  for (const auto& t : kTypeNames) {
    if (t.type == type) return t.name;
  }
  return "STRING";
}

std::optional<FieldType> parse_type(const std::string& name) {
  std::string n = name;
  std::replace(n.begin(), n.end(), '_', ' ');
  for (const auto& t : kTypeNames) {
    if (iequals(n, t.name)) return t.type;
  }
  return std::nullopt;
}

bool is_list(FieldType type) {
  return type == FieldType::list_string || type == FieldType::list_number ||
         type == FieldType::list_date_time;
}

bool is_generated(FieldType type) {
  return type == FieldType::autonumber || type == FieldType::prefixed_autonumber ||
         type == FieldType::guid || type == FieldType::random_id;
}

FieldDef* TableDef::find(const std::string& field_name) {
  for (auto& f : fields) {
    if (iequals(f.name, field_name)) return &f;
  }
  return nullptr;
}

const FieldDef* TableDef::find(const std::string& field_name) const {
  return const_cast<TableDef*>(this)->find(field_name);
}

bool valid_name(const std::string& name, std::size_t max_len) {
  if (name.empty() || name.size() > max_len) return false;
  if (!std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

nlohmann::json list_item_value(FieldType type, const nlohmann::json& value) {
  if (type == FieldType::list_number) {
    if (value.is_number()) return value;
    if (value.is_string()) {
      if (auto d = parse_number(value.get<std::string>())) return *d;
    }
    throw bad_body("List items of a LIST-NUMBER field must be numbers");
  }
  if (type == FieldType::list_date_time) {
    if (value.is_string()) {
      if (auto d = normalize_date(value.get<std::string>())) return *d;
    }
    throw bad_body("List items of a LIST-DATE/TIME field must be dates");
  }
  if (value.is_string()) return value;
  if (value.is_number()) return value.dump();
  throw bad_body("List items of a LIST-STRING field must be strings");
}

void apply_new_list(FieldDef& field, const nlohmann::json& values) {
  if (!values.is_array()) throw bad_body("ListField must be an array of values");
  int max_key = 0;
  for (const auto& [key, v] : field.list_history) max_key = std::max(max_key, key);
  std::map<int, nlohmann::json> next;
  for (const auto& raw : values) {
    auto value = list_item_value(field.type, raw);
    int key = 0;
    for (const auto& [k, v] : field.list_items) {
      if (v == value) key = k;
    }
    if (key == 0) {
      for (const auto& [k, v] : field.list_history) {
        if (v == value) key = k;
      }
    }
    if (key == 0) key = ++max_key;
    if (next.count(key) == 0) next[key] = value;
    field.list_history[key] = value;
  }
  field.list_items = std::move(next);
}

void apply_field_options(FieldDef& f, const nlohmann::json& body, const std::string& prefix) {
  auto get = [&](const char* key, auto assign) {
    const std::string name = prefix + key;
    if (const auto* v = find_prop(body, name.c_str())) assign(*v, name);
  };
  get("Unique", [&](const nlohmann::json& v, const std::string& k) { f.unique = prop_bool(v, k); });
  get("UniqueAllowNulls", [&](const nlohmann::json& v, const std::string& k) {
    f.unique_allow_nulls = prop_bool(v, k);
  });
  get("Label", [&](const nlohmann::json& v, const std::string& k) { f.label = prop_text(v, k); });
  get("Description",
      [&](const nlohmann::json& v, const std::string& k) { f.description = prop_text(v, k); });
  get("OnInsert",
      [&](const nlohmann::json& v, const std::string& k) { f.on_insert = prop_bool(v, k); });
  get("OnUpdate",
      [&](const nlohmann::json& v, const std::string& k) { f.on_update = prop_bool(v, k); });
  get("TimeZone",
      [&](const nlohmann::json& v, const std::string& k) { f.time_zone = prop_text(v, k); });
  get("Format", [&](const nlohmann::json& v, const std::string& k) { f.format = prop_text(v, k); });
  get("Prefix", [&](const nlohmann::json& v, const std::string& k) { f.prefix = prop_text(v, k); });
  get("Length", [&](const nlohmann::json& v, const std::string& k) { f.length = prop_int(v, k); });
}

FieldDef field_from_json(const nlohmann::json& body) {
  if (!body.is_object()) throw bad_body("A field definition must be a JSON object");
  auto get = [&](const char* key) { return find_prop(body, key); };
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = std::any_of(std::begin(kCreateKeys), std::end(kCreateKeys),
                             [&](const char* k) { return iequals(it.key(), k); });
    if (!known) throw bad_body("Unknown field property '" + it.key() + "'");
  }
  FieldDef f;
  const auto* name = get("Name");
  if (name == nullptr || !name->is_string() || !valid_name(name->get<std::string>(), 32) ||
      iequals(name->get<std::string>(), "PK_ID")) {
    throw bad_body("Field 'Name' is missing or invalid");
  }
  f.name = name->get<std::string>();
  const auto* type = get("Type");
  if (type == nullptr || !type->is_string() || !parse_type(type->get<std::string>())) {
    throw bad_body("Field 'Type' is missing or invalid");
  }
  f.type = *parse_type(type->get<std::string>());
  if (f.type == FieldType::random_id) {
    f.format = "0U";
    f.length = 12;
  }
  if (f.type == FieldType::prefixed_autonumber) f.format = "1";
  apply_field_options(f, body, "");
  if (const auto* v = get("IsFormula")) f.is_formula = prop_bool(*v, "IsFormula");
  if (f.is_formula && (f.type == FieldType::password || is_list(f.type) || is_generated(f.type) ||
                       f.type == FieldType::timestamp)) {
    throw bad_body("A formula field cannot have type " + std::string(type_name(f.type)));
  }
  if (is_list(f.type)) {
    if (const auto* v = get("ListField")) {
      if (!v->is_null()) apply_new_list(f, *v);
    }
  } else if (const auto* v = get("ListField"); v != nullptr && !v->is_null()) {
    throw bad_body("ListField applies only to list fields");
  }
  validate_field(f);
  return f;
}

nlohmann::ordered_json field_to_json(const FieldDef& f, int display_order, bool v3) {
  nlohmann::ordered_json j;
  if (f.type == FieldType::random_id || f.type == FieldType::prefixed_autonumber) {
    j["Format"] = f.format;
    j["Prefix"] = f.prefix;
    if (f.type == FieldType::random_id) j["Length"] = f.length;
  }
  if (f.type == FieldType::timestamp) {
    j["OnInsert"] = f.on_insert;
    j["OnUpdate"] = f.on_update;
    j["TimeZone"] = f.time_zone;
  }
  j["Name"] = f.name;
  j["Type"] = type_name(f.type);
  j["Unique"] = f.unique;
  if (v3) j["Editable"] = !f.read_only();
  j["Description"] = f.description;
  j["DisplayOrder"] = display_order;
  j["Label"] = f.label;
  j["UniqueAllowNulls"] = f.unique_allow_nulls;
  j["IsFormula"] = f.is_formula;
  if (is_list(f.type)) {
    nlohmann::ordered_json items = nlohmann::ordered_json::object();
    for (const auto& [key, value] : f.list_items) items[std::to_string(key)] = value;
    j["ListField"] = items;
  }
  return j;
}

std::string column_sql(const FieldDef& f) {
  std::string decl;
  switch (f.type) {
    case FieldType::autonumber:
    case FieldType::integer:
      decl = "INTEGER";
      break;
    case FieldType::yes_no:
      decl = f.is_formula ? "INTEGER" : "INTEGER NOT NULL DEFAULT 0";
      break;
    case FieldType::number:
    case FieldType::currency:
      decl = "REAL";
      break;
    default:
      decl = "TEXT COLLATE NOCASE";
      break;
  }
  if (f.is_formula) decl += " GENERATED ALWAYS AS (" + f.formula_sql + ") VIRTUAL";
  return decl;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
