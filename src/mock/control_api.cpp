// The test-only control API under /__mock: journal, faults, tokens, settings, health.
#include "server_impl.hpp"

namespace caspio {
namespace mock {

void Server::Impl::handle_control(const httplib::Request& req, httplib::Response& res,
                                  const std::string& raw_path) {
  auto reply = [&res](int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
  };
  try {
    if (raw_path == "/__mock/health" && req.method == "GET") {
      return reply(200, {{"ok", true}});
    }
    if (raw_path == "/__mock/journal") {
      if (req.method == "GET") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : journal.entries()) out.push_back(detail::to_json(e));
        return reply(200, out);
      }
      if (req.method == "DELETE") {
        journal.clear();
        return reply(200, {{"ok", true}});
      }
    }
    if (raw_path == "/__mock/faults") {
      if (req.method == "POST") {
        auto body = detail::parse_json_body(req.body);
        if (body.is_array()) {
          for (const auto& f : body) faults.add(detail::fault_from_json(f));
        } else {
          faults.add(detail::fault_from_json(body));
        }
        return reply(200, {{"ok", true}});
      }
      if (req.method == "DELETE") {
        faults.clear();
        return reply(200, {{"ok", true}});
      }
    }
    if (raw_path == "/__mock/datapages" && req.method == "GET") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& d : apps.deployments()) {
        out.push_back({{"ExternalKey", d.external_key},
                       {"AppKey", d.app_key},
                       {"Name", d.name},
                       {"Deployed", d.deployed}});
      }
      return reply(200, out);
    }
    if (raw_path == "/__mock/tokens" && req.method == "GET") {
      return reply(200, {{"issued", tokens.issued()}});
    }
    if (raw_path == "/__mock/tokens/expire" && req.method == "POST") {
      tokens.expire_all();
      return reply(200, {{"ok", true}});
    }
    if (raw_path == "/__mock/settings" && req.method == "POST") {
      auto body = detail::parse_json_body(req.body);
      if (!body.is_object()) throw std::invalid_argument("settings must be a JSON object");
      if (body.contains("unstable_order")) {
        unstable_order = body.at("unstable_order").get<bool>();
      }
      if (body.contains("stale_token_400")) {
        stale_token_400 = body.at("stale_token_400").get<bool>();
      }
      if (body.contains("rate_limit")) {
        const auto& rl = body.at("rate_limit");
        limiter.configure(rl.value("calls", std::size_t{0}),
                          std::chrono::seconds(rl.value("window_seconds", 1)),
                          rl.value("status", 429));
      }
      return reply(200, {{"ok", true}, {"unstable_order", unstable_order.load()}});
    }
    reply(404, {{"error", "unknown control endpoint " + req.method + " " + raw_path}});
  } catch (const std::exception& e) {
    reply(400, {{"error", e.what()}});
  }
}

}  // namespace mock
}  // namespace caspio
