// Fuzzes Where formatting (include/caspio/where.hpp): a fuzzed format and up to three values of
// fuzzed kinds (strings, numbers, bools, NULL, optionals, lists for IN). Checks: only
// InvalidArgumentError is thrown; every value renders as a closed literal; and no value can open or
// close a quote of the clause: with a format without quotes, the clause splits into exactly as many
// quoted literals as the values hold strings, and ends outside any quote.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "caspio/error.hpp"
#include "caspio/where.hpp"

namespace {

void require(bool ok, const char* what, const std::string& detail) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_where: %s: %s\n", what, detail.c_str());
  std::abort();
}

// Scans `text` as T-SQL: counts the quoted literals ('' inside one is an escaped quote) and
// returns false when a literal is left open.
bool scan_literals(const std::string& text, std::size_t& literals) {
  literals = 0;
  bool inside = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (!inside) {
      inside = true;
      ++literals;
    } else if (i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;
    } else {
      inside = false;
    }
  }
  return !inside;
}

struct Value {
  caspio::SqlValue sql;
  std::size_t strings;  // quoted literals it should render as
};

Value make_value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 8)) {
    case 0:
      return {caspio::SqlValue(in.ConsumeRandomLengthString(40)), 1};
    case 1:
      return {caspio::SqlValue(in.ConsumeIntegral<std::int64_t>()), 0};
    case 2:
      return {caspio::SqlValue(in.ConsumeFloatingPoint<double>()), 0};
    case 3:
      return {caspio::SqlValue(in.ConsumeBool()), 0};
    case 4:
      return {caspio::SqlValue(nullptr), 0};
    case 5: {
      std::optional<std::string> v;
      if (in.ConsumeBool()) v = in.ConsumeRandomLengthString(40);
      return {caspio::SqlValue(v), v ? 1u : 0u};
    }
    case 6: {
      std::vector<std::string> list(in.ConsumeIntegralInRange<std::size_t>(0, 4));
      for (auto& item : list) item = in.ConsumeRandomLengthString(20);
      return {caspio::SqlValue(list), list.size()};
    }
    case 7: {
      std::vector<int> list(in.ConsumeIntegralInRange<std::size_t>(0, 4));
      for (auto& item : list) item = in.ConsumeIntegral<int>();
      return {caspio::SqlValue(list), 0};
    }
    default:
      return {caspio::SqlValue(in.ConsumeIntegral<char>()), 1};
  }
}

caspio::Where format(const std::string& text, const std::vector<Value>& v) {
  switch (v.size()) {
    case 0:
      return caspio::Where(text);
    case 1:
      return caspio::Where(text, v[0].sql);
    case 2:
      return caspio::Where(text, v[0].sql, v[1].sql);
    default:
      return caspio::Where(text, v[0].sql, v[1].sql, v[2].sql);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string text = in.ConsumeRandomLengthString(200);
  std::vector<Value> values;
  std::size_t strings = 0;
  try {
    const int count = in.ConsumeIntegralInRange<int>(0, 3);
    for (int i = 0; i < count; ++i) {
      values.push_back(make_value(in));
      std::size_t literals = 0;
      const std::string& literal = values.back().sql.text();
      require(scan_literals(literal, literals), "value leaves a quote open", literal);
      require(literals == values.back().strings, "value is not one literal per string", literal);
      strings += literals;
    }
  } catch (const caspio::InvalidArgumentError&) {
    return 0;  // NUL in a string, NaN, an empty list: refused
  }
  std::string clause;
  try {
    clause = format(text, values).str();
  } catch (const caspio::InvalidArgumentError&) {
    return 0;  // placeholders and values disagree, or an unmatched brace
  }
  // Two placeholders side by side make adjacent literals ('a''b' reads as one): not checked.
  if (text.find('\'') == std::string::npos && text.find("{}{}") == std::string::npos) {
    std::size_t literals = 0;
    require(scan_literals(clause, literals), "clause leaves a quote open", clause);
    require(literals == strings, "a value split or merged the clause's literals", clause);
  }
  return 0;
}
