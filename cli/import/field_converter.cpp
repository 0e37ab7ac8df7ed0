#include "import/field_converter.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "support/text.hpp"

namespace caspio_cli {
namespace {

bool read_only(const caspio::FieldDefinition& f) {
  static const char* const kTypes[] = {"AUTONUMBER", "PREFIXED AUTONUMBER", "GUID", "RANDOM ID",
                                       "TIMESTAMP"};
  if (f.is_formula.value_or(false)) return true;
  for (const char* t : kTypes) {
    if (f.type == t) return true;
  }
  return false;
}

[[noreturn]] void refuse(const caspio::FieldDefinition& f, const std::string& text,
                         const std::string& want) {
  throw std::invalid_argument(f.name + ": '" + text + "' is not " + want + " (" + f.type + ")");
}

nlohmann::json number(const caspio::FieldDefinition& f, const std::string& text, bool integer) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  if (integer) {
    const long long v = std::strtoll(begin, &end, 10);
    if (end == begin || *end != '\0' || errno != 0) refuse(f, text, "an integer");
    return v;
  }
  const double v = std::strtod(begin, &end);
  if (end == begin || *end != '\0' || errno != 0 || !std::isfinite(v)) refuse(f, text, "a number");
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<long long>(v);
  return v;
}

nlohmann::json yes_no(const caspio::FieldDefinition& f, const std::string& text) {
  const std::string t = lower_ascii(text);
  if (t == "true" || t == "yes" || t == "1" || t == "y") return true;
  if (t == "false" || t == "no" || t == "0" || t == "n") return false;
  refuse(f, text, "yes or no");
}

}  // namespace

FieldConverter::FieldConverter(const std::vector<caspio::FieldDefinition>& fields) {
  for (const auto& f : fields) fields_[lower_ascii(f.name)] = f;
}

bool FieldConverter::is_unique(const std::string& name) const {
  const auto it = fields_.find(lower_ascii(name));
  return it != fields_.end() && it->second.unique.value_or(false);
}

ColumnUse FieldConverter::use_of(const std::string& name) const {
  if (lower_ascii(name) == "pk_id") return ColumnUse::skip;
  const auto it = fields_.find(lower_ascii(name));
  if (it == fields_.end()) return ColumnUse::unknown;
  return read_only(it->second) ? ColumnUse::skip : ColumnUse::write;
}

const std::string& FieldConverter::field_name(const std::string& name) const {
  return fields_.at(lower_ascii(name)).name;
}

nlohmann::json FieldConverter::list_keys(const caspio::FieldDefinition& f,
                                         const nlohmann::json& items) const {
  nlohmann::json keys = nlohmann::json::array();
  const auto key_of = [&](const nlohmann::json& item) -> nlohmann::json {
    if (item.is_number_integer()) return item;
    const std::string text = item.is_string() ? item.get<std::string>() : item.dump();
    if (f.list_field.is_object()) {
      for (const auto& entry : f.list_field.items()) {
        const auto& value = entry.value();
        const std::string v = value.is_string() ? value.get<std::string>() : value.dump();
        if (v == text) return std::stoll(entry.key());
      }
      if (f.list_field.contains(text)) return std::stoll(text);
    }
    refuse(f, text, "an item of the list");
  };
  if (items.is_object()) {
    for (const auto& entry : items.items()) keys.push_back(key_of(entry.key()));
  } else if (items.is_array()) {
    for (const auto& item : items) keys.push_back(key_of(item));
  } else if (!items.is_null()) {
    keys.push_back(key_of(items));
  }
  return keys;
}

nlohmann::json FieldConverter::from_text(const std::string& name, const std::string& text) const {
  const caspio::FieldDefinition& f = fields_.at(lower_ascii(name));
  if (f.type == "NUMBER" || f.type == "CURRENCY") return number(f, text, false);
  if (f.type == "INTEGER") return number(f, text, true);
  if (f.type == "YES/NO") return yes_no(f, text);
  if (f.type.rfind("LIST-", 0) == 0) {
    if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
      const auto parsed = nlohmann::json::parse(text, nullptr, false);
      if (parsed.is_discarded()) refuse(f, text, "a JSON list");
      return list_keys(f, parsed);
    }
    return list_keys(f, text);
  }
  return text;
}

nlohmann::json FieldConverter::from_json(const std::string& name,
                                         const nlohmann::json& value) const {
  const caspio::FieldDefinition& f = fields_.at(lower_ascii(name));
  if (f.type.rfind("LIST-", 0) == 0) return list_keys(f, value);
  if (value.is_string() && f.type != "STRING" && f.type != "TEXT") {
    return from_text(name, value.get<std::string>());
  }
  return value;
}

}  // namespace caspio_cli
