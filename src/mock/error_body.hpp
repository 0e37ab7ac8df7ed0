#pragma once
// Caspio's error bodies, JSON or XML as the client's Accept header asks.

#include <string>

namespace caspio {
namespace mock {
namespace detail {

/// Escapes `& < > "` for XML and HTML text and attribute values.
std::string markup_escape(const std::string& in);

/// True when the Accept header asks for XML (application/xml or text/xml) before JSON.
bool wants_xml(const std::string& accept);

/// `{"Code","Message","Resource","RequestId"}`, in that order.
std::string json_error(const std::string& code, const std::string& message,
                       const std::string& resource, const std::string& request_id);

/// The `<ErrorResult>` shape captured from real v2.
std::string xml_error(const std::string& code, const std::string& message,
                      const std::string& resource, const std::string& request_id);

/// IIS's HTML "not found" page, as Caspio's front end answers unknown paths outside the API.
std::string iis_not_found_page();

}  // namespace detail
}  // namespace mock
}  // namespace caspio
