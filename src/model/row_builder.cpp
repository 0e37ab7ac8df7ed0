#include "model/row_builder.hpp"

#include <cstring>
#include <limits>

#include "answer/errors.hpp"

namespace caspio {
namespace detail {

void RowBuilder::add_unsigned(std::uint64_t value) {
  ValueCell& c = cells_.emplace_back();
  c.kind = ValueKind::integer;
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    c.is_unsigned = true;
    c.unsigned_integer = value;
  } else {
    c.integer = static_cast<std::int64_t>(value);
  }
}

void RowBuilder::add_text(ValueKind kind, std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw_invalid("a record value is longer than 4 GiB");
  }
  ValueCell& c = cells_.emplace_back();
  c.kind = kind;
  c.offset = text_.size();
  c.size = static_cast<std::uint32_t>(text.size());
  text_.append(text.data(), text.size());
}

void RowBuilder::end_list(std::size_t start) {
  ValueCell& c = cells_.emplace_back();
  c.kind = ValueKind::list;
  c.offset = start;
  c.size = static_cast<std::uint32_t>(text_.size() - start);
}

void RowBuilder::replace_with_last(std::size_t to) {
  cells_[to] = cells_.back();
  cells_.pop_back();
}

Row RowBuilder::finish(std::shared_ptr<const FieldNames> names) {
  const std::size_t n = cells_.size();
  if (text_.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw_invalid("a record is longer than 4 GiB");
  }
  const std::size_t text_cells = (text_.size() + sizeof(ValueCell) - 1) / sizeof(ValueCell);
  std::unique_ptr<ValueCell[]> block(new ValueCell[n + text_cells]);
  if (n != 0) std::memcpy(static_cast<void*>(block.get()), cells_.data(), n * sizeof(ValueCell));
  if (!text_.empty()) std::memcpy(static_cast<void*>(block.get() + n), text_.data(), text_.size());
  const auto text_size = static_cast<std::uint32_t>(text_.size());
  clear();
  return Row(std::move(names), std::move(block), text_size);
}

}  // namespace detail
}  // namespace caspio
