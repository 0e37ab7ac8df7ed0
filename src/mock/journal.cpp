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

void Journal::record(JournalEntry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_;
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
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
