#pragma once
// Caspio's REST v2 limits, in one place (caspio-api-v2.md).

#include <cstddef>

namespace caspio {
namespace detail {

/// Longest URI Caspio accepts.
constexpr std::size_t kMaxUriLength = 2047;
/// Largest `q.limit` and `q.pageSize`.
constexpr int kMaxPageSize = 1000;
/// Smallest `q.pageSize`.
constexpr int kMinPageSize = 5;
/// Smallest `q.limit`.
constexpr int kMinLimit = 1;
/// Page size of fetch-all reads: the largest page.
constexpr int kDefaultPageSize = kMaxPageSize;

}  // namespace detail
}  // namespace caspio
