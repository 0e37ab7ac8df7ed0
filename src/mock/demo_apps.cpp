// Demo applications. The physician directory app and its DataPages come from
// shared/demo-app/schema.json (names, DataPage IDs, kinds, folders) and the seed README's sample
// output (app key and dates, and every property of "Physician Registration"). DataPage dates are
// the import-time dates the REST API showed after the seed imported the app; their order follows
// the export's DateCreated order.
#include "demo_apps.hpp"

namespace caspio {
namespace mock {
namespace detail {
namespace {

DataPage page(const char* name, const char* app_key, const char* folder, const char* type,
              const char* created, const char* modified, bool deployed) {
  DataPage p;
  p.name = name;
  p.app_key = app_key;
  p.path = std::string("/") + folder;
  p.type = type;
  p.date_created = created;
  p.date_modified = modified;
  p.created_by = "user@user.com";
  p.deployed = deployed;
  return p;
}

App physician_directory() {
  App app;
  app.name = "Demo - Physician Directory - Caspio SDK";
  app.external_key = "09d18152-7c45-44f1-a0e6-5ffe18881b60";
  app.date_created = "2022-01-25T15:17:10.607";
  app.date_modified = "2022-01-25T15:20:44.850";
  // Order as the export lists them. "Manage Physicians" is an admin page and starts disabled.
  app.pages = {
      page("Manage Physicians", "4095500022cf1022fe0d4c84b30d", "Admin", "CHART",
           "2022-01-25T15:20:41.910", "2022-01-25T15:20:41.967", false),
      page("Physician Directory", "409550001c931937562949d18d21", "Public Interfaces", "WEBAPP",
           "2022-01-25T15:20:42.653", "2022-01-25T15:20:42.720", true),
      page("Physician Registration", "409550008f83dc4dd4554a07b7bf", "Public Interfaces", "WEBFORM",
           "2022-01-25T15:20:43.787", "2022-01-25T15:20:43.837", true),
      page("Reset Password", "409550003fb78249e8d743528a51", "Public Interfaces",
           "PASSWORDRECOVERY", "2022-01-25T15:20:43.990", "2022-01-25T15:20:44.040", true),
      page("Update Profile", "4095500037d52e1ae3414759b45b", "Physician Profile", "WEBFORM",
           "2022-01-25T15:20:44.603", "2022-01-25T15:20:44.657", true),
  };
  return app;
}

App app_named_app_name() {
  App app;
  app.name = "AppName";
  app.external_key = "5f0c2a7e-3b1d-4c8e-9a6f-2d4e8b1c7a30";
  app.date_created = "2022-02-03T09:12:45.120";
  app.date_modified = "2022-02-03T09:30:02.377";
  app.pages = {
      page("Contact Form", "40955000a1b2c3d4e5f60718293a", "", "WEBFORM", "2022-02-03T09:20:11.503",
           "2022-02-03T09:20:11.560", true),
      page("Staff List", "40955000b7c6d5e4f3a2918070ab", "Reports", "WEBAPP",
           "2022-02-03T09:29:58.207", "2022-02-03T09:30:02.377", false),
  };
  return app;
}

App empty_app() {
  App app;
  app.name = "Sandbox - No DataPages";
  app.external_key = "c3e1f7a2-6d4b-4f0e-8b2a-91d5e6c4b8f7";
  app.date_created = "2022-02-10T17:05:33.480";
  app.date_modified = "2022-02-10T17:05:33.480";
  return app;
}

}  // namespace

std::vector<App> demo_apps() {
  return {physician_directory(), app_named_app_name(), empty_app()};
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
