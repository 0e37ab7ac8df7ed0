#pragma once
/// @file
/// Small ASCII text helpers shared by the tool.

#include <string>

namespace caspio_cli {

/// `text` with ASCII letters in lower case.
std::string lower_ascii(std::string text);

/// True when `a` and `b` are equal ignoring ASCII case.
bool iequals(const std::string& a, const std::string& b);

/// `text` without leading and trailing spaces, tabs, CR and LF.
std::string trim(const std::string& text);

}  // namespace caspio_cli
