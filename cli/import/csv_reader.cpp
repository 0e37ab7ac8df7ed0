#include "import/csv_reader.hpp"

#include <string>

namespace caspio_cli {
namespace {

// The lines after the first of `text` (read inside a quote opened on line `first`) that hold
// more than blanks and a CR: each was meant as a row of its own.
std::vector<std::size_t> non_blank_lines(const std::string& text, std::size_t first) {
  std::vector<std::size_t> out;
  std::size_t line = first;
  bool blank = true;
  for (std::size_t i = text.find('\n'); i != std::string::npos && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (!blank) out.push_back(line);
      ++line;
      blank = true;
    } else if (c != '\r' && c != ' ' && c != '\t') {
      blank = false;
    }
  }
  if (!blank) out.push_back(line);
  return out;
}

}  // namespace

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
  if (swallowed_next_ < swallowed_.size()) {
    record_line_ = swallowed_[swallowed_next_++];
    error_ = "not imported: inside the quoted field left open on line " +
             std::to_string(open_quote_line_);
    return true;
  }
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
        swallowed_ = non_blank_lines(field, open_quote_line_);
        swallowed_next_ = 0;
        error_ = "a quoted field is not closed";
        if (!swallowed_.empty()) {
          error_ += "; not imported either: the " + std::to_string(swallowed_.size()) +
                    " non-blank line(s) after it";
        }
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
      open_quote_line_ = line_;
    } else if (after_quote) {
      if (error_.empty()) error_ = "text after a closing quote";
      field += static_cast<char>(c);
    } else {
      field += static_cast<char>(c);
    }
  }
}

}  // namespace caspio_cli
