#include "output/record_writer.hpp"

#include <string_view>

#include "commands/command_tree.hpp"
#include "output/cells.hpp"
#include "output/table_render.hpp"

namespace caspio_cli {
namespace {

TextStyle& style() {
  static TextStyle s;
  return s;
}

// `record`'s members with the columns first, in their order, then the others.
nlohmann::ordered_json in_column_order(const nlohmann::json& record,
                                       const std::vector<std::string>& columns, bool drop_pk_id) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& key : columns) {
    const auto it = record.find(key);
    if (it != record.end()) out[key] = nlohmann::ordered_json::parse(it->dump());
  }
  for (const auto& item : record.items()) {
    if (drop_pk_id && item.key() == "PK_ID") continue;
    if (!out.contains(item.key()))
      out[item.key()] = nlohmann::ordered_json::parse(item.value().dump());
  }
  return out;
}

}  // namespace

void set_text_style(const TextStyle& s) {
  style() = s;
}

void add_text_style_options(CLI::App& app) {
  app.add_flag_callback(
      "--no-header", [] { style().header = false; }, "CSV and TSV: no header line");
  app.add_option_function<std::string>(
         "--line-ending",
         [](const std::string& ending) {
           style().line_ending = ending == "lf" ? caspio::LineEnding::lf : caspio::LineEnding::crlf;
         },
         "CSV and TSV line ends: crlf (RFC 4180, the default) or lf")
      ->check(CLI::IsMember(option_choices("--line-ending")));
}

RecordWriter::RecordWriter(std::ostream& out, Format format, ColumnOrder order)
    : out_(out), format_(format), order_(std::move(order)) {}

RecordWriter::~RecordWriter() = default;

void RecordWriter::start() {
  caspio::RowWriterOptions options;
  switch (format_) {
    case Format::json:
      options.format = caspio::StreamFormat::json_array;
      options.one_row_per_line = true;
      break;
    case Format::ndjson:
      options.format = caspio::StreamFormat::ndjson;
      break;
    case Format::csv:
    case Format::tsv:
      options.format = caspio::StreamFormat::csv;
      options.delimiter = format_ == Format::tsv ? '\t' : ',';
      options.columns = order_.columns();
      break;
    case Format::table:
      return;
  }
  options.header = style().header;
  options.line_ending = style().line_ending;
  if (order_.dropped("PK_ID")) options.omit = {"PK_ID"};
  std::ostream& out = out_;
  text_ = std::make_unique<caspio::RowWriter>(
      [&out](std::string_view text) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
      },
      std::move(options));
}

void RecordWriter::write(const caspio::Row& record) {
  if (count_ == 0) {
    order_.resolve(record.to_ordered_json());
    start();
  }
  if (format_ == Format::table) {
    buffered_.push_back(record.to_json());
  } else {
    text_->write(record);
  }
  ++count_;
}

void RecordWriter::write(const nlohmann::json& record) {
  const auto& columns = order_.resolve(record);
  write(caspio::Row::from_json(in_column_order(record, columns, order_.dropped("PK_ID"))));
}

void RecordWriter::finish() {
  if (format_ == Format::table) {
    render_table(out_, order_.columns(), buffered_);
    buffered_.clear();
  } else {
    if (!text_) start();  // no record: `[]`, or the CSV header of the preferred columns
    text_->finish();
  }
  out_.flush();
}

void print_rows(std::ostream& out, Format format, const std::vector<std::string>& columns,
                const std::vector<nlohmann::json>& rows) {
  // Columns of every row, not only the first one's: rows of a listing may differ in shape.
  ColumnOrder order(columns);
  nlohmann::json keys = nlohmann::json::object();
  for (const auto& row : rows) {
    for (const auto& item : row.items()) keys[item.key()] = nullptr;
  }
  if (!rows.empty()) order.resolve(keys);
  RecordWriter writer(out, format, std::move(order));
  for (const auto& row : rows) writer.write(row);
  writer.finish();
}

void print_object(std::ostream& out, Format format, const std::vector<std::string>& keys,
                  const nlohmann::json& object) {
  if (format == Format::json) {
    out << ordered_object(object, keys) << '\n';
    return;
  }
  if (format != Format::table) {
    print_rows(out, format, keys, {object});
    return;
  }
  ColumnOrder order(keys);
  std::vector<nlohmann::json> rows;
  for (const auto& key : order.resolve(object)) {
    rows.push_back({{"Field", key}, {"Value", object.at(key)}});
  }
  render_table(out, {"Field", "Value"}, rows);
}

}  // namespace caspio_cli
