#include "journal.hpp"

#include <cctype>

#include "call.hpp"

namespace caspio {
namespace mock {

std::string JournalEntry::header(const std::string& name) const {
  auto it = headers.find(detail::ascii_lower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> JournalEntry::param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

namespace detail {

std::size_t entry_bytes(const JournalEntry& e) {
  std::size_t n = e.method.size() + e.target.size() + e.path.size() + e.query.size() +
                  e.body.size() + e.request_id.size();
  for (const auto& [name, value] : e.params) n += name.size() + value.size();
  for (const auto& [name, value] : e.headers) n += name.size() + value.size();
  for (const auto& part : e.parts) {
    n += part.name.size() + part.filename.size() + part.content_type.size() + part.content.size();
  }
  return n;
}

void Journal::record(JournalEntry entry) {
  if (max_entries_ == 0) return;
  std::size_t size = entry_bytes(entry);
  if (size > max_bytes_) {  // kept, without what makes it large
    entry.body.clear();
    entry.parts.clear();
    size = entry_bytes(entry);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  while (!entries_.empty() && (entries_.size() >= max_entries_ || bytes_ + size > max_bytes_)) {
    bytes_ -= entry_bytes(entries_.front());
    entries_.pop_front();
  }
  bytes_ += size;
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  bytes_ = 0;
}

namespace {

const char* const kRedacted = "(redacted)";

bool secret_name(const std::string& name) {
  for (const char* s :
       {"client_secret", "refresh_token", "access_token", "password", "assertion"}) {
    if (iequals(name, s)) return true;
  }
  return false;
}

// `a=1&client_secret=x` → `a=1&client_secret=(redacted)`; other text is kept as it is.
std::string redact_form(const std::string& form) {
  std::string out;
  std::size_t start = 0;
  while (start <= form.size()) {
    auto end = form.find('&', start);
    if (end == std::string::npos) end = form.size();
    std::string pair = form.substr(start, end - start);
    auto eq = pair.find('=');
    if (eq != std::string::npos && secret_name(percent_decode(pair.substr(0, eq)))) {
      pair = pair.substr(0, eq + 1) + kRedacted;
    }
    out += pair;
    if (end < form.size()) out += '&';
    start = end + 1;
  }
  return out;
}

}  // namespace

void redact_credentials(JournalEntry& e) {
  for (auto& h : e.headers) {
    if (h.first != "authorization" && h.first != "proxy-authorization") continue;
    auto space = h.second.find(' ');
    h.second = space == std::string::npos ? kRedacted : h.second.substr(0, space + 1) + kRedacted;
  }
  for (auto& p : e.params) {
    if (secret_name(p.first)) p.second = kRedacted;
  }
  if (!e.query.empty()) {
    e.query = redact_form(e.query);
    e.target = e.path + "?" + e.query;
  }
  if (e.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0 ||
      e.path == "/oauth/token") {
    e.body = redact_form(e.body);
  }
}

nlohmann::json to_json(const JournalEntry& e) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& h : e.headers) headers[h.first] = h.second;
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : e.params) params.push_back({p.first, p.second});
  return {{"method", e.method},
          {"target", e.target},
          {"path", e.path},
          {"query", e.query},
          {"params", params},
          {"headers", headers},
          {"body",
           nlohmann::json(e.body).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)},
          {"status", e.status},
          {"request_id", e.request_id}};
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
