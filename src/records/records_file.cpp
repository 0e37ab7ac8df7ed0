// get_records_stream_to_file: the rows of the fetch-all read (one page in memory at a time, or
// `prefetch` pages ahead) written by the one RowWriter into a file that appears only when
// complete. CSV columns are the first row's fields; an empty read still gets a header, from the
// query's select list or the table's fields.
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

// The CSV header of an empty read: the select list's names, else a table's readable fields
// (one request, only then); a view read with `*` has none to give.
std::vector<std::string> empty_read_columns(const ClientState& state, const RecordSource& source,
                                            const Query& query) {
  std::vector<std::string> names = query.select_names();
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
