#include "output/record_writer.hpp"

#include "output/cells.hpp"
#include "output/table_render.hpp"

namespace caspio_cli {

RecordWriter::RecordWriter(std::ostream& out, Format format, ColumnOrder order)
    : out_(out), format_(format), order_(std::move(order)) {}

void RecordWriter::write(const nlohmann::json& record) {
  const auto& columns = order_.resolve(record);
  switch (format_) {
    case Format::table:
      buffered_.push_back(record);
      break;
    case Format::json:
      out_ << (count_ == 0 ? "[\n" : ",\n")
           << ordered_object(record, columns, order_.dropped("PK_ID"));
      break;
    case Format::ndjson:
      out_ << ordered_object(record, columns, order_.dropped("PK_ID")) << '\n';
      break;
    case Format::csv:
      write_csv(record);
      break;
  }
  ++count_;
}

void RecordWriter::write_csv(const nlohmann::json& record) {
  const auto& columns = order_.columns();
  std::string line;
  if (count_ == 0) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      line += (i == 0 ? "" : ",") + csv_field(columns[i]);
    }
    out_ << line << '\n';
    line.clear();
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i != 0) line += ',';
    const auto it = record.find(columns[i]);
    if (it != record.end()) line += csv_field(plain_text(*it));
  }
  out_ << line << '\n';
}

void RecordWriter::finish() {
  switch (format_) {
    case Format::table:
      render_table(out_, order_.columns(), buffered_);
      buffered_.clear();
      break;
    case Format::json:
      out_ << (count_ == 0 ? "[]\n" : "\n]\n");
      break;
    case Format::ndjson:
      break;
    case Format::csv:
      if (count_ == 0) {
        std::string header;
        for (const auto& name : order_.columns()) {
          header += (header.empty() ? "" : ",") + csv_field(name);
        }
        out_ << header << '\n';
      }
      break;
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
