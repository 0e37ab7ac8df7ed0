#include "table_values.hpp"

#include "common/json_escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "call.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

[[noreturn]] void mismatch(const FieldDef& field) {
  throw bad_body(
      "Cannot perform operation because the value doesn't match the data type of the following "
      "field(s): " +
      field.name);
}

bool read_digits(const std::string& s, std::size_t& pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < count; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  pos += count;
  return true;
}

// Keys of a list value: [1,2], ["1","2"] or "[1], [2]".
std::set<int> list_keys(const FieldDef& field, const nlohmann::json& value) {
  std::set<int> keys;
  auto add = [&](long long k) {
    if (field.list_items.count(static_cast<int>(k)) == 0) mismatch(field);
    keys.insert(static_cast<int>(k));
  };
  auto add_text = [&](const std::string& text) {
    std::string digits;
    for (char c : text) {
      if (c == '[' || c == ']' || std::isspace(static_cast<unsigned char>(c))) continue;
      digits += c;
    }
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      mismatch(field);
    }
    add(std::stoll(digits));
  };
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_number_integer()) {
        add(item.get<long long>());
      } else if (item.is_number_float() && std::floor(item.get<double>()) == item.get<double>()) {
        add(static_cast<long long>(item.get<double>()));
      } else if (item.is_string()) {
        add_text(item.get<std::string>());
      } else {
        mismatch(field);
      }
    }
  } else if (value.is_string()) {
    std::string text = value.get<std::string>();
    std::size_t start = 0;
    while (start <= text.size()) {
      auto comma = text.find(',', start);
      if (comma == std::string::npos) comma = text.size();
      std::string part = text.substr(start, comma - start);
      bool blank = std::all_of(part.begin(), part.end(),
                               [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      if (!blank) add_text(part);
      start = comma + 1;
    }
  } else if (value.is_number_integer()) {
    add(value.get<long long>());
  } else {
    mismatch(field);
  }
  return keys;
}

void append_double(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
  } else if (std::floor(d) == d && std::fabs(d) < 1e15) {
    fmt::format_to(std::back_inserter(out), "{}", static_cast<long long>(d));
  } else {
    fmt::format_to(std::back_inserter(out), "{}", d);
  }
}

void append_raw(std::string& out, sqlite3_stmt* stmt, int col) {
  switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_NULL:
      out += "null";
      break;
    case SQLITE_INTEGER:
      fmt::format_to(std::back_inserter(out), "{}", sqlite3_column_int64(stmt, col));
      break;
    case SQLITE_FLOAT:
      append_double(out, sqlite3_column_double(stmt, col));
      break;
    default:
      append_json_string(out, reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
      break;
  }
}

void append_list(std::string& out, const FieldDef& field, const char* text, std::size_t n) {
  out += '{';
  bool first = true;
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t end = pos;
    while (end < n && text[end] != ',') ++end;
    int key = std::atoi(std::string(text + pos, end - pos).c_str());
    auto it = field.list_items.find(key);
    if (it != field.list_items.end()) {
      if (!first) out += ',';
      first = false;
      out += '"';
      out += std::to_string(key);
      out += "\":";
      out += it->second.dump();
    }
    pos = end + 1;
  }
  out += '}';
}

}  // namespace

std::optional<double> parse_number(const std::string& text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<std::string> normalize_date(const std::string& text) {
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!read_digits(text, pos, 4, y) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, mo) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, d)) {
    return std::nullopt;
  }
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    if (!read_digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' ||
        !read_digits(text, pos, 2, mi)) {
      return std::nullopt;
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!read_digits(text, pos, 2, s)) return std::nullopt;
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      }
    }
    if (pos < text.size() && text[pos] == 'Z') {
      ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      ++pos;
      int zh = 0, zm = 0;
      if (!read_digits(text, pos, 2, zh)) return std::nullopt;
      if (pos < text.size() && text[pos] == ':') ++pos;
      if (!read_digits(text, pos, 2, zm)) return std::nullopt;
    }
  }
  if (pos != text.size()) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 1753) {
    return std::nullopt;
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, mo, d, h, mi, s);
}

SqlValue to_column_value(const std::string& table, const FieldDef& field,
                         const nlohmann::json& value) {
  switch (field.type) {
    case FieldType::string:
    case FieldType::text:
    case FieldType::password:
    case FieldType::file: {
      if (value.is_null()) return std::monostate{};
      std::string s;
      if (value.is_string()) {
        s = value.get<std::string>();
      } else if (value.is_number() || value.is_boolean()) {
        s = value.dump();
      } else {
        mismatch(field);
      }
      std::size_t max = field.type == FieldType::text ? 64000 : 255;
      if (s.size() > max) {
        throw sql_error("String or binary data would be truncated in table 'dbo." + table +
                        "', column '" + field.name + "'.");
      }
      return s;
    }
    case FieldType::number:
    case FieldType::currency:
      if (value.is_null()) return std::monostate{};
      if (value.is_number()) return value.get<double>();
      if (value.is_string()) {
        if (auto d = parse_number(value.get<std::string>())) return *d;
      }
      mismatch(field);
    case FieldType::integer:
      if (value.is_null()) return std::monostate{};
      if (value.is_number_integer()) return value.get<std::int64_t>();
      if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>()) {
        return static_cast<std::int64_t>(value.get<double>());
      }
      if (value.is_string()) {
        auto d = parse_number(value.get<std::string>());
        if (d && std::floor(*d) == *d) return static_cast<std::int64_t>(*d);
      }
      mismatch(field);
    case FieldType::date_time:
      if (value.is_null()) return std::monostate{};
      if (value.is_string()) {
        if (value.get<std::string>().empty()) return std::monostate{};
        if (auto d = normalize_date(value.get<std::string>())) return *d;
      }
      mismatch(field);
    case FieldType::yes_no:
      if (value.is_null()) return std::int64_t{0};
      if (value.is_boolean()) return std::int64_t{value.get<bool>() ? 1 : 0};
      if (value.is_number_integer() &&
          (value.get<long long>() == 0 || value.get<long long>() == 1)) {
        return value.get<std::int64_t>();
      }
      if (value.is_string()) {
        auto s = value.get<std::string>();
        if (iequals(s, "true") || iequals(s, "yes") || s == "1") return std::int64_t{1};
        if (iequals(s, "false") || iequals(s, "no") || s == "0") return std::int64_t{0};
      }
      mismatch(field);
    case FieldType::list_string:
    case FieldType::list_number:
    case FieldType::list_date_time: {
      if (value.is_null()) return std::monostate{};
      auto keys = list_keys(field, value);
      if (keys.empty()) return std::monostate{};
      std::string stored;
      for (int k : keys) {
        if (!stored.empty()) stored += ',';
        stored += std::to_string(k);
      }
      return stored;
    }
    default:
      mismatch(field);
  }
}

std::string make_random_id(const FieldDef& field, std::mt19937_64& rng) {
  static const std::string digits = "0123456789";
  static const std::string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string alphabet = field.format == "0"   ? digits
                         : field.format == "U" ? upper
                                               : digits + upper;
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out = field.prefix;
  for (int i = 0; i < field.length; ++i) out += alphabet[pick(rng)];
  return out;
}

std::string make_prefixed(const FieldDef& field, std::int64_t n) {
  std::string number = std::to_string(n);
  std::size_t width = field.format.empty() ? 1 : field.format.size();
  if (number.size() < width) number.insert(0, width - number.size(), '0');
  return field.prefix + number;
}

void append_json_string(std::string& out, const char* s, std::size_t n) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s + run, i - run);
    run = i + 1;
    common::append_json_escape(out, static_cast<char>(c));
  }
  out.append(s + run, n - run);
  out += '"';
}

void append_value(std::string& out, sqlite3_stmt* stmt, int col, RenderKind kind,
                  const FieldDef* field) {
  if (kind == RenderKind::pk_string) {
    auto text = std::to_string(sqlite3_column_int64(stmt, col));
    append_json_string(out, text);
    return;
  }
  if (kind != RenderKind::field || field == nullptr) {
    append_raw(out, stmt, col);
    return;
  }
  int sql_type = sqlite3_column_type(stmt, col);
  switch (field->type) {
    case FieldType::string:
    case FieldType::text:
      if (sql_type == SQLITE_NULL) {
        out += "\"\"";
        return;
      }
      break;
    case FieldType::yes_no:
      if (sql_type == SQLITE_NULL) {
        out += "false";
      } else {
        out += sqlite3_column_int64(stmt, col) != 0 ? "true" : "false";
      }
      return;
    case FieldType::autonumber:
    case FieldType::integer:
      if (sql_type == SQLITE_FLOAT) {
        append_double(out, sqlite3_column_double(stmt, col));
        return;
      }
      break;
    case FieldType::list_string:
    case FieldType::list_number:
    case FieldType::list_date_time:
      if (sql_type == SQLITE_TEXT) {
        append_list(out, *field, reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)),
                    static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
        return;
      }
      break;
    default:
      break;
  }
  append_raw(out, stmt, col);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
