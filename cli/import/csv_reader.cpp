#include "import/csv_reader.hpp"

namespace caspio_cli {

CsvReader::CsvReader(std::istream& in) : in_(in) {}

int CsvReader::get() {
  const int c = in_.rdbuf()->sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  ++bytes_;
  if (c == '\n') ++line_;
  return c;
}

int CsvReader::peek() {
  const int c = in_.rdbuf()->sgetc();
  return c == std::char_traits<char>::eof() ? -1 : c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  error_.clear();
  if (!started_) {
    started_ = true;
    if (peek() == 0xEF) {
      get();
      if (peek() == 0xBB) get();
      if (peek() == 0xBF) get();
    }
  }
  // Skip blank lines between records.
  while (peek() == '\n' || peek() == '\r') get();
  if (peek() < 0) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  bool after_quote = false;
  for (;;) {
    const int c = get();
    if (quoted) {
      if (c < 0) {
        error_ = "a quoted field is not closed";
        fields.push_back(field);
        return true;
      }
      if (c == '"' && peek() == '"') {
        get();
        field += '"';
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c < 0 || c == '\n' || (c == '\r' && (peek() == '\n' || peek() < 0))) {
      if (c == '\r') get();
      fields.push_back(field);
      return true;
    }
    if (c == ',') {
      fields.push_back(field);
      field.clear();
      after_quote = false;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (after_quote) {
      if (error_.empty()) error_ = "text after a closing quote";
      field += static_cast<char>(c);
    } else {
      field += static_cast<char>(c);
    }
  }
}

}  // namespace caspio_cli
