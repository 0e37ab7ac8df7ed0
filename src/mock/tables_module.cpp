// Routes of tables (design, fields, password fields, records) and views, over a TableStore, for
// REST v2 and v3: the same handlers, with what differs between the versions in an ApiDialect.
#include <atomic>
#include <cctype>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "api_dialect.hpp"
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

/// `q.getPaginationInfo` (v3): true or false, absent or empty = false; anything else is 400.
bool pagination_info(const Call& call) {
  auto value = fragment(call, "q.getPaginationInfo");
  if (value.empty() || iequals(value, "false")) return false;
  if (iequals(value, "true")) return true;
  throw bad_query("Invalid value of q.getPaginationInfo: true or false expected");
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
      : api_(env.options.api),
        unstable_(env.unstable_order),
        store_(env.options.query_timeout, &env.stopping) {
    if (env.options.fixture == Fixture::demo) load_demo_tables(store_, env.options.rows);
  }

  void register_routes(Router& router) override {
    if (api_ != ApiSet::v3) add_routes(router, api_v2());
    if (api_ != ApiSet::v2) add_routes(router, api_v3());
  }

 private:
  void add_routes(Router& router, const ApiDialect& api) {
    add_design_routes(router, api);
    add_field_routes(router, api);
    add_password_routes(router, api);
    add_view_routes(router, api);
    add_record_routes(router, api, false);
    add_record_routes(router, api, true);
  }

  void add_design_routes(Router& router, const ApiDialect& api) {
    const std::string tables = api.base + "/tables";
    router.add("GET", tables, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.table_names()}});
    });
    router.add("POST", tables, [this, api](Call& c) {
      store_.create_table(c.json_body(), api);
      c.reply_empty(201);
    });
    router.add("GET", tables + "/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.table_info(c.params[0])}});
    });
  }

  void add_field_routes(Router& router, const ApiDialect& api) {
    const std::string fields = api.base + "/tables/{}/fields";
    router.add("GET", fields,
               [this, api](Call& c) { reply_ordered(c, store_.fields(c.params[0], api)); });
    router.add("POST", fields, [this](Call& c) {
      store_.table_name(c.params[0]);
      store_.add_field(c.params[0], c.json_body());
      c.reply_empty(201);
    });
    router.add("GET", fields + "/{}", [this, api](Call& c) {
      reply_ordered(c, store_.field(c.params[0], c.params[1], api));
    });
    router.add("PUT", fields + "/{}", [this, api](Call& c) {
      store_.field(c.params[0], c.params[1], api);
      store_.update_field(c.params[0], c.params[1], c.json_body(), api);
      c.reply_empty(api.field_change_status());
    });
    router.add("DELETE", fields + "/{}", [this, api](Call& c) {
      store_.delete_field(c.params[0], c.params[1]);
      c.reply_empty(api.field_change_status());
    });
  }

  void add_password_routes(Router& router, const ApiDialect& api) {
    const std::string passwords = api.base + "/tables/{}/passwordFields";
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

  void add_view_routes(Router& router, const ApiDialect& api) {
    const std::string views = api.base + "/views";
    router.add("GET", views, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.view_names()}});
    });
    router.add("GET", views + "/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.view_info(c.params[0])}});
    });
    if (!api.v3) return;  // view field definitions are new in v3 (spec §3.6)
    router.add("GET", views + "/{}/fields",
               [this](Call& c) { reply_ordered(c, store_.view_fields(c.params[0])); });
    router.add("GET", views + "/{}/fields/{}",
               [this](Call& c) { reply_ordered(c, store_.view_field(c.params[0], c.params[1])); });
  }

  void add_record_routes(Router& router, const ApiDialect& api, bool view) {
    const std::string records = api.base + (view ? "/views" : "/tables") + "/{}/records";
    router.add("GET", records, [this, api, view](Call& c) {
      get_records(c, api, {view, c.params[0]});
    });
    router.add("POST", records, [this, api, view](Call& c) {
      post_record(c, api, {view, c.params[0]});
    });
    router.add("PUT", records, [this, view](Call& c) { put_records(c, {view, c.params[0]}); });
    router.add("DELETE", records, [this, view](Call& c) {
      Target target{view, c.params[0]};
      exists(target);
      auto where = required_where(c);
      c.reply_json(200, {{"RecordsAffected", store_.remove(target, where)}});
    });
  }

  void get_records(Call& c, const ApiDialect& api, const Target& target) {
    const RecordQuery query = record_query(c, unstable_.load());
    // v2 ignores q.getPaginationInfo, as it ignores every unknown parameter.
    const bool paging = api.v3 && pagination_info(c);
    std::int64_t total = 0;
    auto body = store_.read(target, query, "{\"Result\":", paging ? &total : nullptr);
    if (paging) {
      const std::int64_t size = query.limit;
      body += ",\"Pagination\":{\"TotalCount\":" + std::to_string(total) +
              ",\"PageNumber\":" + std::to_string(query.offset / size + 1) +
              ",\"PageSize\":" + std::to_string(size) + "}";
    }
    body += '}';
    reply_text(c, 200, std::move(body));
  }

  void post_record(Call& c, const ApiDialect& api, const Target& target) {
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
    c.res.set_header("Location", api.base + (target.view ? "/views/" : "/tables/") + canonical +
                                     "/records/" + std::to_string(result.pk));
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

  const ApiSet api_;
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
