#include "output/table_render.hpp"

#include <algorithm>

#include "output/cells.hpp"
#include "output/text_width.hpp"

namespace caspio_cli {

void render_table(std::ostream& out, const std::vector<std::string>& columns,
                  const std::vector<nlohmann::json>& rows) {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size() + 1);
  cells.emplace_back();
  for (const auto& name : columns) cells.back().push_back(fit_cell(name, kMaxCellWidth));
  for (const auto& row : rows) {
    cells.emplace_back();
    for (const auto& name : columns) {
      const auto it = row.find(name);
      cells.back().push_back(
          fit_cell(it == row.end() ? std::string() : table_text(*it), kMaxCellWidth));
    }
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(line[i]));
    }
  }
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text.append(widths[i] - display_width(line[i]) + 2, ' ');
    }
    text.erase(text.find_last_not_of(' ') + 1);
    out << text << '\n';
  }
}

}  // namespace caspio_cli
