#include "records/page_text.hpp"

#include <cstdint>
#include <utility>

#include <nlohmann/json.hpp>

#include "records/page_text_simd.hpp"
#include "records/text_cells.hpp"

namespace caspio {
namespace detail {

namespace {

struct Cell {
  std::string key;
  std::string text;
};

}  // namespace

// The SAX handler. Depths: 1 inside the body object, 2 inside Result, 3 inside a row.
struct PageTextWriter::Impl {
  using json = nlohmann::json;

  explicit Impl(StreamFormat f) : format(f), csv(f == StreamFormat::csv) {}

  // Settings and columns, shared by clones.
  StreamFormat format;
  bool csv;
  CsvColumns cols;
  bool fast = true;  // try simd_page_text first

  // State of one convert().
  PageText* out = nullptr;
  std::string* target = nullptr;
  std::vector<std::pair<bool, bool>> stack;  // (is array, no element yet) of open containers
  std::vector<Cell> cells;
  std::size_t used = 0;
  int depth = 0;
  int skip = 0;  // open containers of a value being skipped
  bool skip_next = false;
  bool expecting_result = false;
  bool found_result = false;
  PageTextError error = PageTextError::none;

  void reset(PageText& page) {
    out = &page;
    stack.clear();
    used = 0;
    depth = skip = 0;
    skip_next = expecting_result = found_result = false;
    error = PageTextError::none;
  }

  bool fail(PageTextError why) {
    error = why;
    return false;
  }

  void value_prefix() {
    if (stack.empty() || !stack.back().first) return;
    if (!stack.back().second) target->push_back(',');
    stack.back().second = false;
  }

  void begin_row() {
    target = &out->text;
    stack.clear();
    used = 0;
    if (format == StreamFormat::json_array) out->text.push_back(',');
  }

  void end_row() {
    ++out->rows;
    if (!csv) {
      if (format == StreamFormat::ndjson) out->text.push_back('\n');
      return;
    }
    if (!cols.known) {
      cols.known = true;
      for (std::size_t i = 0; i < used; ++i) {
        cols.names.push_back(cells[i].key);
        if (i != 0) cols.header.push_back(',');
        append_csv(cols.header, cells[i].key);
      }
      cols.header += "\r\n";
    }
    for (std::size_t i = 0; i < cols.names.size(); ++i) {
      if (i != 0) out->text.push_back(',');
      const Cell* cell = i < used && cells[i].key == cols.names[i] ? &cells[i] : nullptr;
      for (std::size_t j = 0; cell == nullptr && j < used; ++j) {
        if (cells[j].key == cols.names[i]) cell = &cells[j];
      }
      if (cell != nullptr) append_csv(out->text, cell->text);
    }
    out->text += "\r\n";
  }

  // A value is about to start at the current depth; false when it is skipped or refused.
  bool take_value(bool container) {
    if (skip > 0) {
      if (container) ++skip;
      return false;
    }
    if (depth == 0 || (depth == 1 && expecting_result)) {
      error = depth == 0 ? PageTextError::no_result : PageTextError::result_not_array;
      return false;
    }
    if (depth == 1 || skip_next || (csv && depth == 2 && container == false)) {
      skip_next = false;
      if (container) skip = 1;
      return false;
    }
    if (depth == 2) begin_row();
    return true;
  }

  void after_value() {
    if (depth == 2 && error == PageTextError::none) end_row();
  }

  // A scalar value: `write` appends its text (CSV cells take strings and null without quotes).
  template <typename Write>
  bool emit(bool csv_text, Write write) {
    if (!take_value(false)) {
      if (error == PageTextError::none && skip == 0 && depth == 2) ++out->rows;  // CSV: no cells
      return error == PageTextError::none;
    }
    if (!(csv && depth == 3 && csv_text)) value_prefix();
    write(*target);
    after_value();
    return true;
  }

  bool scalar(const char* text, std::size_t size) {
    return emit(false, [&](std::string& t) { t.append(text, size); });
  }

  bool open(bool is_array) {
    if (depth == 0 && !is_array) {
      depth = 1;
      return true;
    }
    if (depth == 1 && expecting_result && is_array && skip == 0) {
      expecting_result = false;
      found_result = true;
      depth = 2;
      return true;
    }
    if (!take_value(true)) return error == PageTextError::none;
    const bool row = depth == 2;
    ++depth;
    if (csv && row) return true;  // a CSV row is cells, not text
    value_prefix();
    target->push_back(is_array ? '[' : '{');
    stack.emplace_back(is_array, true);
    return true;
  }

  bool close() {
    if (skip > 0) {
      --skip;
      return true;
    }
    --depth;
    if (depth <= 1) return true;  // Result or the body ended
    if (!(csv && depth == 2)) {
      target->push_back(stack.back().first ? ']' : '}');
      stack.pop_back();
    }
    after_value();
    return true;
  }

  bool key(const std::string& name) {
    if (skip > 0) return true;
    if (depth == 1) {
      expecting_result = name == "Result";
      return true;
    }
    if (depth == 3 && name == "PK_ID") {
      skip_next = true;
      return true;
    }
    if (csv && depth == 3) {
      if (used == cells.size()) cells.emplace_back();
      Cell& cell = cells[used++];
      cell.key = name;
      cell.text.clear();
      target = &cell.text;
      stack.clear();
      return true;
    }
    if (!stack.back().second) target->push_back(',');
    stack.back().second = false;
    append_quoted(*target, name);
    target->push_back(':');
    return true;
  }

  // nlohmann::json's SAX interface.
  bool null() {
    return emit(true, [&](std::string& t) {
      if (!(csv && depth == 3)) t += "null";
    });
  }
  bool boolean(bool value) { return value ? scalar("true", 4) : scalar("false", 5); }
  bool number_integer(json::number_integer_t value) { return number(value); }
  bool number_unsigned(json::number_unsigned_t value) { return number(value); }
  bool number_float(json::number_float_t value, const std::string&) {
    scratch.clear();
    append_double(scratch, value);
    return scalar(scratch.data(), scratch.size());
  }
  bool string(std::string& value) {
    return emit(true, [&](std::string& t) {
      if (csv && depth == 3) {
        t += value;
      } else {
        append_quoted(t, value);
      }
    });
  }
  bool binary(json::binary_t&) { return fail(PageTextError::not_json); }
  bool start_object(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(true); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return fail(PageTextError::not_json);
  }

  template <typename Number>
  bool number(Number value) {
    scratch.clear();
    append_integer(scratch, value);
    return scalar(scratch.data(), scratch.size());
  }

  std::string scratch;
};

PageTextWriter::PageTextWriter(StreamFormat format, bool fast)
    : impl_(std::make_unique<Impl>(format)) {
  impl_->fast = fast;
}
PageTextWriter::~PageTextWriter() = default;

PageTextError PageTextWriter::convert(const std::string& body, PageText& out) {
  Impl& impl = *impl_;
  if (impl.fast && simd_page_text(body, impl.format, impl.cols, out)) return PageTextError::none;
  impl.reset(out);
  const bool parsed = nlohmann::json::sax_parse(body, &impl);
  if (impl.error != PageTextError::none) return impl.error;
  if (!parsed) return PageTextError::not_json;
  return impl.found_result ? PageTextError::none : PageTextError::no_result;
}

const std::string& PageTextWriter::header() const noexcept {
  return impl_->cols.header;
}

std::unique_ptr<PageTextWriter> PageTextWriter::clone() const {
  auto copy = std::make_unique<PageTextWriter>(impl_->format, impl_->fast);
  copy->impl_->cols = impl_->cols;
  return copy;
}

}  // namespace detail
}  // namespace caspio
