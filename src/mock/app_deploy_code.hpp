#pragma once
// DataPage deployment methods (the `method` query value) and the deploy code each one yields.

#include <optional>
#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// The v2 deployment methods, by their one-letter codes I F U L E N P A X B Y Z.
enum class DeployMethod {
  iframe,           ///< I
  frame,            ///< F
  url,              ///< U
  link,             ///< L
  embedded,         ///< E
  net,              ///< N (.NET: SharePoint, aspx, C#, VB.Net pages)
  php,              ///< P (SEO)
  asp,              ///< A (SEO)
  aspx,             ///< X (SEO)
  facebook,         ///< B
  wordpress_frame,  ///< Y
  wordpress_embed,  ///< Z
};

/// Parses a `method` value: one letter or a full name ("iFrame", "Embedded", "WordPress Embed"…),
/// case-insensitively, ignoring spaces, '-' and '_'. std::nullopt when unknown.
std::optional<DeployMethod> parse_deploy_method(const std::string& value);

/// True for the SEO methods P, A and X.
bool is_seo_method(DeployMethod method);

/// Whether a DataPage of this `Type` can be deployed with the SEO methods. Emulator rule: only
/// pages that render records as plain HTML (reports: WEBAPP, REPORT, TABULAR, GALLERY, LIST,
/// DETAILS) qualify; forms, charts, password recovery and the like do not.
bool qualifies_for_seo(const std::string& datapage_type);

/// What a deploy code is built from.
struct DeployTarget {
  std::string host;     ///< Host that serves the DataPage, e.g. "c1abc123.caspio.com".
  std::string app_key;  ///< DataPage ID.
  std::string name;     ///< DataPage name (used for link text and frame titles).
};

/// The deploy code for one method (https URLs only, as Caspio offers).
std::string deploy_code(DeployMethod method, const DeployTarget& target);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
