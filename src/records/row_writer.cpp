#include "caspio/row_writer.hpp"

#include <algorithm>
#include <utility>

#include "answer/errors.hpp"
#include "records/text_cells.hpp"

namespace caspio {
namespace {
constexpr std::size_t kFlushBytes = 64 * 1024;
}  // namespace

struct RowWriter::Impl {
  Sink sink;
  RowWriterOptions options;
  std::string buffer;
  std::size_t rows = 0;
  bool columns_fixed = false;
  bool finished = false;
  // CSV: the positions of the columns in rows named by `mapped` (-1: the row has no such field).
  std::shared_ptr<const FieldNames> mapped;
  std::vector<long> positions;
  const char* eol = "\r\n";

  bool omitted(std::string_view name) const {
    return std::find(options.omit.begin(), options.omit.end(), name) != options.omit.end();
  }

  void flush_if_full() {
    if (buffer.size() >= kFlushBytes) {
      sink(buffer);
      buffer.clear();
    }
  }

  void csv_cell(std::string_view text) {
    const char needs[] = {options.delimiter, '"', '\r', '\n', '\0'};
    if (text.find_first_of(std::string_view(needs, 4)) == std::string_view::npos) {
      buffer.append(text.data(), text.size());
      return;
    }
    buffer.push_back('"');
    for (const char c : text) {
      buffer.push_back(c);
      if (c == '"') buffer.push_back('"');
    }
    buffer.push_back('"');
  }

  void csv_value(const Value& value) {
    switch (value.kind()) {
      case ValueKind::null:
        return;
      case ValueKind::string:
        csv_cell(value.as_string());
        return;
      case ValueKind::list: {
        csv_cell(value.dump());
        return;
      }
      default:
        value.dump_to(buffer);  // numbers and booleans hold no delimiter
        return;
    }
  }

  void csv_header() {
    if (!options.header || options.columns.empty()) return;
    for (std::size_t i = 0; i < options.columns.size(); ++i) {
      if (i != 0) buffer.push_back(options.delimiter);
      csv_cell(options.columns[i]);
    }
    buffer += eol;
  }

  void fix_columns(const Row& first) {
    if (options.columns.empty()) {
      for (const Field field : first) {
        if (!omitted(field.name)) options.columns.emplace_back(field.name);
      }
    } else if (!options.omit.empty()) {
      auto& c = options.columns;
      c.erase(
          std::remove_if(c.begin(), c.end(), [this](const std::string& n) { return omitted(n); }),
          c.end());
    }
    columns_fixed = true;
    csv_header();
  }

  void write_csv(const Row& row) {
    if (!columns_fixed) fix_columns(row);
    if (mapped != row.shared_names() || !mapped) {
      mapped = row.shared_names();
      positions.clear();
      for (const auto& name : options.columns) {
        const auto at = row.index_of(name);
        positions.push_back(at ? static_cast<long>(*at) : -1);
      }
    }
    for (std::size_t i = 0; i < positions.size(); ++i) {
      if (i != 0) buffer.push_back(options.delimiter);
      if (positions[i] >= 0) csv_value(row[static_cast<std::size_t>(positions[i])]);
    }
    buffer += eol;
  }

  void write_object(const Row& row) {
    if (options.omit.empty()) {
      row.dump_to(buffer);
      return;
    }
    buffer.push_back('{');
    bool first = true;
    for (const Field field : row) {
      if (omitted(field.name)) continue;
      if (!first) buffer.push_back(',');
      first = false;
      detail::append_quoted(buffer, field.name);
      buffer.push_back(':');
      field.value.dump_to(buffer);
    }
    buffer.push_back('}');
  }
};

RowWriter::RowWriter(Sink sink, RowWriterOptions options) : impl_(std::make_unique<Impl>()) {
  if (options.delimiter == '"' || options.delimiter == '\r' || options.delimiter == '\n') {
    detail::throw_invalid("a CSV delimiter cannot be a quote or a line break");
  }
  impl_->sink = std::move(sink);
  impl_->options = std::move(options);
  impl_->eol = impl_->options.line_ending == LineEnding::crlf ? "\r\n" : "\n";
  impl_->buffer.reserve(kFlushBytes + 4096);
}

RowWriter::~RowWriter() = default;

void RowWriter::write(const Row& row) {
  Impl& w = *impl_;
  switch (w.options.format) {
    case StreamFormat::json_array:
      if (w.rows == 0) {
        w.buffer += w.options.one_row_per_line ? "[\n" : "[";
      } else {
        w.buffer += w.options.one_row_per_line ? ",\n" : ",";
      }
      w.write_object(row);
      break;
    case StreamFormat::ndjson:
      w.write_object(row);
      w.buffer.push_back('\n');
      break;
    case StreamFormat::csv:
      w.write_csv(row);
      break;
  }
  ++w.rows;
  w.flush_if_full();
}

void RowWriter::finish() {
  Impl& w = *impl_;
  if (w.finished) return;
  w.finished = true;
  switch (w.options.format) {
    case StreamFormat::json_array:
      if (w.rows == 0) {
        w.buffer += "[]\n";
      } else {
        w.buffer += w.options.one_row_per_line ? "\n]\n" : "]\n";
      }
      break;
    case StreamFormat::ndjson:
      break;
    case StreamFormat::csv:
      if (!w.columns_fixed) {
        w.fix_columns(Row{});
      }
      break;
  }
  if (!w.buffer.empty()) w.sink(w.buffer);
  w.buffer.clear();
}

std::size_t RowWriter::rows() const noexcept {
  return impl_->rows;
}

const std::vector<std::string>& RowWriter::columns() const noexcept {
  return impl_->options.columns;
}

}  // namespace caspio
