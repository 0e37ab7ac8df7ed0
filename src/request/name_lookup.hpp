#pragma once
// Turning a name into a key: case-insensitive matching and "did you mean" lists.

#include <string>
#include <vector>

namespace caspio {
namespace detail {

/// ASCII lower case.
std::string ascii_lower(std::string text);

/// True when `a` and `b` are equal ignoring ASCII case.
bool iequals(const std::string& a, const std::string& b);

/// Up to `max` of `candidates` that look like `wanted` (same first letter, containment or a small
/// edit distance, all ignoring case), closest first.
std::vector<std::string> near_names(const std::string& wanted,
                                    const std::vector<std::string>& candidates,
                                    std::size_t max = 5);

/// Throws NotFoundError (nothing further sent; http_status 0, code "NameNotFound") saying that
/// `what` `wanted` does not exist `where`, listing the near names or, when none is near, the
/// first few names there are.
[[noreturn]] void throw_name_not_found(const std::string& what, const std::string& wanted,
                                       const std::vector<std::string>& candidates,
                                       const std::string& where = "");

/// The item of `items` called `wanted` (`name_of(item)`, compared ignoring ASCII case when
/// `ignore_case`); otherwise throw_name_not_found(what, wanted, all names, where).
template <typename Item, typename NameOf>
Item find_named(std::vector<Item> items, const std::string& wanted, NameOf name_of,
                bool ignore_case, const std::string& what, const std::string& where = "") {
  std::vector<std::string> names;
  for (auto& item : items) {
    const std::string& name = name_of(item);
    if (ignore_case ? iequals(name, wanted) : name == wanted) return std::move(item);
    names.push_back(name);
  }
  throw_name_not_found(what, wanted, names, where);
}

}  // namespace detail
}  // namespace caspio
