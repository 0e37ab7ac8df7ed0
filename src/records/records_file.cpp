// get_records_stream_to_file: one page in memory, the file appears only when complete.
#include <string>
#include <vector>

#include "records/records.hpp"
#include "transport/atomic_file.hpp"

namespace caspio {
namespace detail {
namespace {

std::string csv_field(const nlohmann::json& value) {
  std::string text;
  if (value.is_null()) return text;
  text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

}  // namespace

std::size_t write_records_file(RecordRange& range, const std::string& path, StreamFormat format) {
  AtomicFile file(path);
  std::size_t count = 0;
  std::vector<std::string> columns;
  if (format == StreamFormat::json_array) file.write("[");
  for (auto it = range.begin(); it != range.end(); ++it) {
    nlohmann::json row = *it;
    if (row.is_object()) row.erase("PK_ID");
    switch (format) {
      case StreamFormat::json_array:
        if (count != 0) file.write(",");
        file.write(row.dump());
        break;
      case StreamFormat::ndjson:
        file.write(row.dump());
        file.write("\n");
        break;
      case StreamFormat::csv: {
        if (count == 0) {
          std::string header;
          for (const auto& item : row.items()) {
            columns.push_back(item.key());
            if (!header.empty()) header += ',';
            header += csv_field(item.key());
          }
          file.write(header + "\r\n");
        }
        std::string line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
          if (i != 0) line += ',';
          const auto cell = row.find(columns[i]);
          if (cell != row.end()) line += csv_field(*cell);
        }
        file.write(line + "\r\n");
        break;
      }
    }
    ++count;
  }
  if (format == StreamFormat::json_array) file.write("]\n");
  file.commit();
  return count;
}

}  // namespace detail
}  // namespace caspio
