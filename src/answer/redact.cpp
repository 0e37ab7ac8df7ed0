#include "answer/redact.hpp"

#include <cctype>
#include <cstring>
#include <string_view>

namespace caspio {
namespace detail {
namespace {

constexpr const char* kRedacted = "[redacted]";

bool iequal_at(const std::string& text, std::size_t at, std::string_view word) {
  const std::size_t n = word.size();
  if (at + n > text.size()) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

bool is_value_end(char c) {
  return c == '"' || c == '\'' || c == '&' || c == ',' || c == ';' || c == '<' || c == '}' ||
         std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Replaces the value that starts at `from` (up to a delimiter) and returns where it ends.
std::size_t replace_value(std::string& text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && !is_value_end(text[end])) ++end;
  if (end == from) return from;
  text.replace(from, end - from, kRedacted);
  return from + std::strlen(kRedacted);
}

// After `key` at `at`: skips quotes, spaces and one ':' or '=' and returns the value's start, or
// npos when no separator follows.
std::size_t value_start(const std::string& text, std::size_t at) {
  std::size_t i = at;
  while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == ' ')) ++i;
  if (i >= text.size() || (text[i] != ':' && text[i] != '=')) return std::string::npos;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '"' || text[i] == '\'')) ++i;
  return i;
}

}  // namespace

std::string redact_secrets(std::string text) {
  static constexpr std::string_view kKeys[] = {"access_token", "refresh_token", "client_secret",
                                               "password", "authorization"};
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Every rule starts with one of these letters: most characters need no comparison at all.
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (first != 'b' && first != 'a' && first != 'r' && first != 'c' && first != 'p') continue;
    if (iequal_at(text, i, "bearer ") || iequal_at(text, i, "basic ")) {
      std::size_t from = i + (iequal_at(text, i, "bearer ") ? 7 : 6);
      while (from < text.size() && text[from] == ' ') ++from;
      i = replace_value(text, from);
      continue;
    }
    for (const std::string_view key : kKeys) {
      if (!iequal_at(text, i, key)) continue;
      const std::size_t start = value_start(text, i + key.size());
      if (start == std::string::npos) break;
      // "Authorization: Bearer x" is handled by the bearer rule on the next characters.
      if (iequal_at(text, start, "bearer ") || iequal_at(text, start, "basic ")) break;
      i = replace_value(text, start);
      break;
    }
  }
  return text;
}

std::string redact_exact(std::string text, const std::string& secret) {
  if (secret.size() < 8) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + std::strlen(kRedacted))) {
    text.replace(at, secret.size(), kRedacted);
  }
  return text;
}

std::string redact_all(std::string text, const Secrets& secrets) {
  for (const auto& secret : secrets) text = redact_exact(std::move(text), secret);
  return redact_secrets(std::move(text));
}

}  // namespace detail
}  // namespace caspio
