#pragma once
// Small valid PNG images generated in code, for the demo Files area.

#include <cstddef>
#include <cstdint>
#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// A 16x16 RGB PNG whose pixels depend on `seed` (so two seeds give different bytes). When
/// `exact_size` is larger than the natural size, a tEXt chunk pads the file to exactly that many
/// bytes (the seed README's sample files are 1449 bytes).
std::string make_png(std::uint32_t seed, std::size_t exact_size = 0);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
