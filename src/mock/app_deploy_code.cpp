// Deploy codes modelled on what Caspio's deployment dialog offers for each method.
#include "app_deploy_code.hpp"

#include "error_body.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace caspio {
namespace mock {
namespace detail {
namespace {

std::string normalise(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// A frame name: letters, digits and '_' only.
std::string frame_name(const std::string& in) {
  std::string out;
  for (unsigned char c : in) out += std::isalnum(c) ? static_cast<char>(c) : '_';
  return out;
}

}  // namespace

std::optional<DeployMethod> parse_deploy_method(const std::string& value) {
  static const std::array<std::pair<const char*, DeployMethod>, 26> names = {{
      {"i", DeployMethod::iframe},
      {"iframe", DeployMethod::iframe},
      {"f", DeployMethod::frame},
      {"frame", DeployMethod::frame},
      {"u", DeployMethod::url},
      {"url", DeployMethod::url},
      {"l", DeployMethod::link},
      {"link", DeployMethod::link},
      {"e", DeployMethod::embedded},
      {"embedded", DeployMethod::embedded},
      {"embed", DeployMethod::embedded},
      {"n", DeployMethod::net},
      {"net", DeployMethod::net},
      {".net", DeployMethod::net},
      {"p", DeployMethod::php},
      {"php", DeployMethod::php},
      {"a", DeployMethod::asp},
      {"asp", DeployMethod::asp},
      {"x", DeployMethod::aspx},
      {"aspx", DeployMethod::aspx},
      {"b", DeployMethod::facebook},
      {"facebook", DeployMethod::facebook},
      {"y", DeployMethod::wordpress_frame},
      {"wordpressframe", DeployMethod::wordpress_frame},
      {"z", DeployMethod::wordpress_embed},
      {"wordpressembed", DeployMethod::wordpress_embed},
  }};
  const std::string key = normalise(value);
  for (const auto& entry : names) {
    if (key == entry.first) return entry.second;
  }
  return std::nullopt;
}

bool is_seo_method(DeployMethod method) {
  return method == DeployMethod::php || method == DeployMethod::asp || method == DeployMethod::aspx;
}

bool qualifies_for_seo(const std::string& datapage_type) {
  static const std::array<const char*, 6> report_types = {"WEBAPP",  "REPORT", "TABULAR",
                                                          "GALLERY", "LIST",   "DETAILS"};
  for (const char* type : report_types) {
    if (datapage_type == type) return true;
  }
  return false;
}

std::string deploy_code(DeployMethod method, const DeployTarget& target) {
  const std::string base = "https://" + target.host;
  const std::string url = base + "/dp/" + target.app_key;
  const std::string title = markup_escape(target.name);
  switch (method) {
    case DeployMethod::url:
      return url;
    case DeployMethod::link:
      return "<a href=\"" + url + "\" target=\"_blank\">" + title + "</a>";
    case DeployMethod::iframe:
      return "<iframe name=\"" + frame_name(target.name) + "\" title=\"" + title + "\" src=\"" +
             url +
             "\" style=\"border: none\" width=\"100%\" height=\"400\">Sorry, but your browser "
             "does not support frames.</iframe>";
    case DeployMethod::frame:
      return "<frameset rows=\"100%\"><frame name=\"" + frame_name(target.name) + "\" src=\"" +
             url + "\" frameborder=\"0\" /></frameset>";
    case DeployMethod::embedded:
      return "<script type=\"text/javascript\" src=\"" + url + "/emb\"></script>";
    case DeployMethod::net:
      return "<div id=\"cb" + target.app_key + "\"></div><script type=\"text/javascript\" src=\"" +
             base +
             "/scripts/embed.js\"></script><script type=\"text/javascript\">try{f_cbload(\"" +
             target.app_key + "\",\"https:\");}catch(v_e){;}</script>";
    case DeployMethod::php:
      return "<?php require_once(\"" + base + "/scripts/dpload.php\"); dpload(\"" + base +
             "\", \"" + target.app_key + "\", \"i\"); ?>";
    case DeployMethod::asp:
      return "<!--#include virtual=\"/dpload.asp\"--><% dpload \"" + base + "\", \"" +
             target.app_key + "\", \"i\" %>";
    case DeployMethod::aspx:
      return "<%@ Register TagPrefix=\"caspio\" Namespace=\"Caspio.Seo\" Assembly=\"CaspioSeo\" "
             "%><caspio:DataPage runat=\"server\" Host=\"" +
             base + "\" AppKey=\"" + target.app_key + "\" />";
    case DeployMethod::facebook:
      return url + "?fb=1";
    case DeployMethod::wordpress_frame:
      return "[caspio method=\"iframe\" url=\"" + url + "\" width=\"100%\" height=\"400\"]";
    case DeployMethod::wordpress_embed:
      return "[caspio method=\"embed\" url=\"" + url + "\"]";
  }
  return url;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
