// Routes of applications and DataPages (A1-A9): listings, deploy codes and (un)deployment.
//
// Emulator decisions where Caspio's v2 behaviour is unknown:
// - Deployment state is kept per DataPage but never answered (DataPageInfo has no such member in
//   v2); tests read it through Server::datapage_deployments() or GET /__mock/datapages. PUT/DELETE
//   set it and stamp the DataPage's DateModified; the app's own DateModified is left alone.
// - The `method` value is checked before the app and DataPage are looked up (a missing or unknown
//   method is 400 even for unknown keys). SEO methods P, A, X work only on report DataPages
//   (see qualifies_for_seo); others get 400 IncorrectQueryParameter.
// - Deploy codes point at https://<the Host the request was sent to>/dp/<AppKey>, as Caspio serves
//   DataPages from the account's own host.
#include <memory>
#include <string>

#include "app_store.hpp"
#include "module.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

class AppsModule final : public Module {
 public:
  AppsModule(const ModuleEnv& env, AppStore& store)
      : fallback_host_(env.options.host + ":" + std::to_string(env.options.port)), store_(store) {}

  void register_routes(Router& router) override {
    const std::string apps = "/rest/v2/applications";
    router.add("GET", apps, [this](Call& c) {
      c.reply_json(200, {{"Result", store_.list_apps()}});
    });
    router.add("GET", apps + "/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.app(c.params[0])}});
    });
    router.add("GET", apps + "/{}/datapages", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.datapages(c.params[0])}});
    });
    router.add("GET", apps + "/{}/datapages/{}", [this](Call& c) {
      c.reply_json(200, {{"Result", store_.datapage(c.params[0], c.params[1])}});
    });
    router.add("GET", apps + "/{}/datapages/{}/deployment", [this](Call& c) { deploy_code(c); });
    router.add("PUT", apps + "/{}/datapages/{}/deployment", [this](Call& c) {
      store_.set_deployed(c.params[0], c.params[1], true);
      c.reply_empty(200);
    });
    router.add("DELETE", apps + "/{}/datapages/{}/deployment", [this](Call& c) {
      store_.set_deployed(c.params[0], c.params[1], false);
      c.reply_empty(200);
    });
    router.add("PUT", apps + "/{}/datapages/deployment", [this](Call& c) {
      store_.set_all_deployed(c.params[0], true);
      c.reply_empty(200);
    });
    router.add("DELETE", apps + "/{}/datapages/deployment", [this](Call& c) {
      store_.set_all_deployed(c.params[0], false);
      c.reply_empty(200);
    });
  }

 private:
  // A5: the body is a bare JSON string.
  void deploy_code(Call& c) {
    const auto method = c.query_nonempty("method");
    if (!method) throw bad_query("Required query parameter 'method' is absent.");
    c.reply_json(200, store_.deploy_code(c.params[0], c.params[1], *method, serving_host(c)));
  }

  // DataPages are served from the account's own host: the host this request was sent to.
  std::string serving_host(const Call& c) const {
    std::string host = c.req.get_header_value("Host");
    return host.empty() ? fallback_host_ : host;
  }

  std::string fallback_host_;
  AppStore& store_;
};

}  // namespace

std::unique_ptr<Module> make_apps_module(const ModuleEnv& env, AppStore& store) {
  return std::make_unique<AppsModule>(env, store);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
