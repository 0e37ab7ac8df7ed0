#pragma once
/// @file
/// Which version of Caspio's REST API a client speaks.

namespace caspio {

/// Version of Caspio's REST API (ClientOptions::api_version). The facades are the same over
/// either; they build each version's paths and bodies and hide where the two differ.
enum class ApiVersion {
  v2,  ///< REST v2, under `/rest/v2` (the default).
  v3,  ///< REST v3, under `/integrations/rest/v3`.
};

/// The path of a version's resources on a Caspio host: `/rest/v2` or `/integrations/rest/v3`.
constexpr const char* api_base_path(ApiVersion version) noexcept {
  return version == ApiVersion::v3 ? "/integrations/rest/v3" : "/rest/v2";
}

/// "v2" or "v3".
constexpr const char* api_version_name(ApiVersion version) noexcept {
  return version == ApiVersion::v3 ? "v3" : "v2";
}

}  // namespace caspio
