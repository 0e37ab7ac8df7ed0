#include "support/text.hpp"

#include <cctype>

namespace caspio_cli {

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool iequals(const std::string& a, const std::string& b) {
  return lower_ascii(a) == lower_ascii(b);
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace caspio_cli
