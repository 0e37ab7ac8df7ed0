#include "import/row_reader.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <vector>

#include "import/csv_reader.hpp"
#include "support/cli_error.hpp"

namespace caspio_cli {
namespace {

class CsvRows : public RowReader {
 public:
  CsvRows(std::istream& in, const FieldConverter& converter) : csv_(in), converter_(converter) {
    if (!csv_.next(header_)) throw CliError(exit_usage, "the input is empty (no header row)");
    if (!csv_.error().empty()) {
      throw CliError(exit_usage, fmt::format("header row: {}", csv_.error()));
    }
    for (const auto& name : header_) {
      const ColumnUse use = converter_.use_of(name);
      if (use == ColumnUse::unknown) {
        throw CliError(exit_usage, fmt::format("column '{}' is not a field of the table", name));
      }
      if (use == ColumnUse::skip) skipped_.insert(name);
    }
  }

  bool next(InputRow& row) override {
    std::vector<std::string> cells;
    if (!csv_.next(cells)) return false;
    row = InputRow{};
    row.line = csv_.line();
    if (!csv_.error().empty()) {
      row.error = csv_.error();
    } else if (cells.size() != header_.size()) {
      row.error = fmt::format("{} fields, the header has {}", cells.size(), header_.size());
    } else {
      convert(cells, row);
    }
    return true;
  }

  std::uint64_t bytes() const override { return csv_.bytes(); }

 private:
  void convert(const std::vector<std::string>& cells, InputRow& row) const {
    try {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].empty() || converter_.use_of(header_[i]) != ColumnUse::write) continue;
        row.record[converter_.field_name(header_[i])] = converter_.from_text(header_[i], cells[i]);
      }
    } catch (const std::invalid_argument& e) {
      row.error = e.what();
    }
  }

  CsvReader csv_;
  const FieldConverter& converter_;
  std::vector<std::string> header_;
};

class NdjsonRows : public RowReader {
 public:
  NdjsonRows(std::istream& in, const FieldConverter& converter) : in_(in), converter_(converter) {}

  bool next(InputRow& row) override {
    std::string text;
    for (;;) {
      if (!std::getline(in_, text)) return false;
      ++line_;
      bytes_ += text.size() + 1;
      if (text.find_first_not_of(" \t\r") != std::string::npos) break;
    }
    row = InputRow{};
    row.line = line_;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      row.error = "not a JSON object";
      return true;
    }
    try {
      for (const auto& item : parsed.items()) {
        const ColumnUse use = converter_.use_of(item.key());
        if (use == ColumnUse::unknown) {
          throw std::invalid_argument(fmt::format("'{}' is not a field of the table", item.key()));
        }
        if (use == ColumnUse::skip) {
          skipped_.insert(item.key());
          continue;
        }
        row.record[converter_.field_name(item.key())] =
            converter_.from_json(item.key(), item.value());
      }
    } catch (const std::invalid_argument& e) {
      row.error = e.what();
    }
    return true;
  }

  std::uint64_t bytes() const override { return bytes_; }

 private:
  std::istream& in_;
  const FieldConverter& converter_;
  std::size_t line_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<RowReader> make_csv_reader(std::istream& in, const FieldConverter& converter) {
  return std::make_unique<CsvRows>(in, converter);
}

std::unique_ptr<RowReader> make_ndjson_reader(std::istream& in, const FieldConverter& converter) {
  return std::make_unique<NdjsonRows>(in, converter);
}

}  // namespace caspio_cli
