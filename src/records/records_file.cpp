// get_records_stream_to_file: the rows of the fetch-all read (one page in memory at a time, or
// `prefetch` pages ahead) written by the one RowWriter into a file that appears only when
// complete. CSV columns are the first row's fields; an empty read still gets a header, from the
// query's select list or the table's fields.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "caspio/definitions.hpp"
#include "caspio/row_writer.hpp"
#include "records/page_loader.hpp"
#include "records/records.hpp"
#include "request/validate.hpp"
#include "transport/atomic_file.hpp"

namespace caspio {
namespace detail {
namespace {

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// The output name of one select item: its alias after a top-level AS, else the item without
// brackets or a table prefix.
std::string output_name(const std::string& item) {
  std::string low = item;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto as = low.rfind(" as ");
  std::string name =
      as == std::string::npos ? item : trimmed(std::string_view(item).substr(as + 4));
  if (name.size() >= 2 && ((name.front() == '[' && name.back() == ']') ||
                           (name.front() == '"' && name.back() == '"'))) {
    name = name.substr(1, name.size() - 2);
  }
  const auto dot = name.rfind('.');
  if (as == std::string::npos && dot != std::string::npos && name.find('(') == std::string::npos) {
    name = name.substr(dot + 1);
  }
  return name;
}

// The output names of a `q.select` list, in order; {} for "" or one with `*`.
std::vector<std::string> select_names(const std::string& select) {
  std::vector<std::string> names;
  std::string item;
  int depth = 0;
  char quote = 0;
  bool star = false;
  const auto flush = [&] {
    const std::string t = trimmed(item);
    if (t == "*" || (t.size() > 2 && t.compare(t.size() - 2, 2, ".*") == 0)) star = true;
    if (!t.empty()) names.push_back(output_name(t));
    item.clear();
  };
  for (const char c : select) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      flush();
      continue;
    }
    item += c;
  }
  flush();
  if (star) names.clear();
  return names;
}

// The CSV header of an empty read: the select list's names, else a table's readable fields
// (one request, only then); a view read with `*` has none to give.
std::vector<std::string> empty_read_columns(const ClientState& state, const RecordSource& source,
                                            const Query& query) {
  std::vector<std::string> names = select_names(query.select());
  if (!names.empty() || !query.select().empty() || source.collection != "tables") return names;
  const auto fields = get_result<std::vector<FieldDefinition>>(
      state, state.url({source.collection, source.name, "fields"}));
  for (const auto& field : fields) {
    if (field.type != "PASSWORD") names.push_back(field.name);
  }
  return names;
}

}  // namespace

std::size_t stream_to_file(const std::shared_ptr<const ClientState>& state,
                           const RecordSource& source, const Query& query, const std::string& path,
                           StreamFormat format) {
  require_name(path, "file path");
  PagePlan plan = checked_plan(*state, source, query);
  const int page_size = plan.page_size;
  AtomicFile file(path);
  RecordRange rows(row_loader(state, std::move(plan), query.prefetch()), page_size);
  auto it = rows.begin();
  RowWriterOptions options;
  options.format = format;
  options.omit = {"PK_ID"};
  if (it == rows.end() && format == StreamFormat::csv) {
    options.columns = empty_read_columns(*state, source, query);
  }
  RowWriter writer([&file](std::string_view text) { file.write(text); }, std::move(options));
  for (; it != rows.end(); ++it) writer.write(*it);
  writer.finish();
  rows = RecordRange({}, 0);  // stops any prefetch threads before the file is committed
  file.commit();
  return writer.rows();
}

}  // namespace detail
}  // namespace caspio
