// Routes of tables (design, fields, password fields, records) and views, over a TableStore.
#include <atomic>
#include <cctype>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "demo_tables.hpp"
#include "module.hpp"
#include "table_store.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

const char* const kJson = "application/json; charset=utf-8";

/// A q.* value, "" when absent, empty or only blanks.
std::string fragment(const Call& call, const char* name) {
  auto value = call.query(name);
  if (!value || value->find_first_not_of(" \t\r\n") == std::string::npos) return {};
  return *value;
}

std::optional<std::int64_t> query_int(const Call& call, const char* name) {
  auto value = call.query(name);
  if (!value) return std::nullopt;
  std::string s = *value;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
  if (s.empty()) return std::nullopt;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size() || s.size() > 18) throw bad_query(std::string("Invalid value of ") + name);
  for (std::size_t j = i; j < s.size(); ++j) {
    if (!std::isdigit(static_cast<unsigned char>(s[j]))) {
      throw bad_query(std::string("Invalid value of ") + name);
    }
  }
  return std::stoll(s);
}

/// q.* parameters with Caspio's defaults and ranges (spec §4.2).
RecordQuery record_query(const Call& call, bool unstable) {
  RecordQuery q;
  q.select = fragment(call, "q.select");
  q.where = fragment(call, "q.where");
  q.group_by = fragment(call, "q.groupBy");
  q.order_by = fragment(call, "q.orderBy");
  auto page_number = query_int(call, "q.pageNumber");
  auto page_size = query_int(call, "q.pageSize");
  if (page_number || page_size) {
    std::int64_t size = page_size.value_or(25);
    if (size < 5 || size > 1000) {
      throw bad_query("q.pageSize must be between 5 and 1000");
    }
    std::int64_t number = page_number.value_or(1);
    if (number < 1) throw bad_query("q.pageNumber must be 1 or more");
    q.limit = size;
    const std::int64_t max_page = std::numeric_limits<std::int64_t>::max() / 1000;
    q.offset = (std::min(number, max_page) - 1) * size;
  } else {
    auto limit = query_int(call, "q.limit");
    if (limit && *limit <= 0) throw bad_query("q.limit must be 1 or more");
    q.limit = limit ? std::min<std::int64_t>(*limit, 1000) : 100;
  }
  q.shuffle = unstable && q.order_by.empty();
  return q;
}

std::string required_where(const Call& call) {
  auto where = fragment(call, "q.where");
  if (where.empty()) throw bad_query("Required query parameter 'q.where' is absent or empty");
  return where;
}

bool wants_rows(const Call& call) {
  auto response = call.query("response");
  return response && iequals(*response, "rows");
}

void reply_text(Call& call, int status, std::string json) {
  call.reply_bytes(status, std::move(json), kJson);
}

const std::string kTables = "/rest/v2/tables";
const std::string kViews = "/rest/v2/views";

/// The `Value` of a password body; throws 400 when absent or not a string.
std::string password_value(const nlohmann::json& body) {
  const nlohmann::json* value = nullptr;
  if (body.is_object()) {
    for (auto it = body.begin(); it != body.end(); ++it) {
      if (iequals(it.key(), "Value")) value = &it.value();
    }
  }
  if (value == nullptr || !value->is_string()) {
    throw bad_body("Required body parameter 'Value' is absent or not a string");
  }
  return value->get<std::string>();
}

void reply_ordered(Call& call, nlohmann::ordered_json result) {
  nlohmann::ordered_json body;
  body["Result"] = std::move(result);
  reply_text(call, 200, body.dump());
}

class TablesModule final : public Module {
 public:
  explicit TablesModule(const ModuleEnv& env)
      : unstable_(env.unstable_order), store_(env.options.query_timeout, &env.stopping) {
    if (env.options.fixture == Fixture::demo) load_demo_tables(store_, env.options.rows);
  }

  void register_routes(Router& router) override {
    add_design_routes(router);
    add_field_routes(router);
    add_password_routes(router);
    add_view_routes(router);
    add_record_routes(router, false);
    add_record_routes(router, true);
  }

 private:
  void add_design_routes(Router& router) {
    router.add("GET", kTables, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.table_names()}});
    });
    router.add("POST", kTables, [this](Call& c) {
      store_.create_table(c.json_body());
      c.reply_empty(201);
    });
    router.add("GET", kTables + "/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.table_info(c.params[0])}});
    });
  }

  void add_field_routes(Router& router) {
    const std::string fields = kTables + "/{}/fields";
    router.add("GET", fields, [this](Call& c) { reply_ordered(c, store_.fields(c.params[0])); });
    router.add("POST", fields, [this](Call& c) {
      store_.table_name(c.params[0]);
      store_.add_field(c.params[0], c.json_body());
      c.reply_empty(201);
    });
    router.add("GET", fields + "/{}",
               [this](Call& c) { reply_ordered(c, store_.field(c.params[0], c.params[1])); });
    router.add("PUT", fields + "/{}", [this](Call& c) {
      store_.field(c.params[0], c.params[1]);
      store_.update_field(c.params[0], c.params[1], c.json_body());
      c.reply_empty(200);
    });
    router.add("DELETE", fields + "/{}", [this](Call& c) {
      store_.delete_field(c.params[0], c.params[1]);
      c.reply_empty(200);
    });
  }

  void add_password_routes(Router& router) {
    const std::string passwords = kTables + "/{}/passwordFields";
    router.add("GET", passwords, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.password_fields(c.params[0])}});
    });
    router.add("PUT", passwords + "/{}", [this](Call& c) {
      store_.table_name(c.params[0]);
      auto where = required_where(c);
      auto value = password_value(c.json_body());
      auto n = store_.set_password(c.params[0], c.params[1], where, value);
      c.reply_json(200, {{"RecordsAffected", n}});
    });
    router.add("DELETE", passwords + "/{}", [this](Call& c) {
      store_.table_name(c.params[0]);
      auto where = required_where(c);
      auto n = store_.set_password(c.params[0], c.params[1], where, std::nullopt);
      c.reply_json(200, {{"RecordsAffected", n}});
    });
  }

  void add_view_routes(Router& router) {
    router.add("GET", kViews, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.view_names()}});
    });
    router.add("GET", kViews + "/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.view_info(c.params[0])}});
    });
  }

  void add_record_routes(Router& router, bool view) {
    const std::string records = (view ? kViews : kTables) + "/{}/records";
    router.add("GET", records, [this, view](Call& c) { get_records(c, {view, c.params[0]}); });
    router.add("POST", records, [this, view](Call& c) { post_record(c, {view, c.params[0]}); });
    router.add("PUT", records, [this, view](Call& c) { put_records(c, {view, c.params[0]}); });
    router.add("DELETE", records, [this, view](Call& c) {
      Target target{view, c.params[0]};
      exists(target);
      auto where = required_where(c);
      c.reply_json(200, {{"RecordsAffected", store_.remove(target, where)}});
    });
  }

  void get_records(Call& c, const Target& target) {
    auto body = store_.read(target, record_query(c, unstable_.load()), "{\"Result\":");
    body += '}';
    reply_text(c, 200, std::move(body));
  }

  void post_record(Call& c, const Target& target) {
    exists(target);
    const bool rows = wants_rows(c);
    auto result = store_.insert(target, c.json_body(), rows);
    if (rows) {
      reply_text(c, 201, "{\"Result\":" + result.rows_json + "}");
    } else {
      c.reply_empty(201);
    }
    std::string canonical = target.view ? store_.view_info(target.name)["Name"].get<std::string>()
                                        : store_.table_name(target.name);
    c.res.set_header("Location", std::string("/rest/v2/") + (target.view ? "views/" : "tables/") +
                                     canonical + "/records/" + std::to_string(result.pk));
  }

  void put_records(Call& c, const Target& target) {
    exists(target);
    auto where = required_where(c);
    const bool rows = wants_rows(c);
    auto result = store_.update(target, where, c.json_body(), rows);
    reply_text(c, 200,
               "{\"RecordsAffected\":" + std::to_string(result.affected) +
                   ",\"Result\":" + (rows ? result.rows_json : std::string("[]")) + "}");
  }

  void exists(const Target& target) {
    if (target.view) {
      store_.view_info(target.name);
    } else {
      store_.table_name(target.name);
    }
  }

  const std::atomic<bool>& unstable_;
  TableStore store_;
};

}  // namespace

std::unique_ptr<Module> make_tables_module(const ModuleEnv& env) {
  return std::make_unique<TablesModule>(env);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
