#include "error_body.hpp"

#include <nlohmann/json.hpp>

namespace caspio {
namespace mock {
namespace detail {

std::string markup_escape(const std::string& in) {
  std::string out;
  for (char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool wants_xml(const std::string& accept) {
  auto xml = accept.find("/xml");
  if (xml == std::string::npos) return false;
  auto json = accept.find("/json");
  return json == std::string::npos || xml < json;
}

std::string json_error(const std::string& code, const std::string& message,
                       const std::string& resource, const std::string& request_id) {
  // Built in this order on purpose: Caspio documents Code, Message, Resource, RequestId.
  nlohmann::ordered_json j;
  j["Code"] = code;
  j["Message"] = message;
  j["Resource"] = resource;
  j["RequestId"] = request_id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string xml_error(const std::string& code, const std::string& message,
                      const std::string& resource, const std::string& request_id) {
  return "<ErrorResult xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Error>" +
         markup_escape(code) + "</Error><Description>" + markup_escape(message) +
         "</Description><Resource>" + markup_escape(resource) + "</Resource><RequestId>" +
         markup_escape(request_id) + "</RequestId></ErrorResult>";
}

std::string iis_not_found_page() {
  return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
         "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\r\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\">\r\n<head>\r\n"
         "<title>404 - File or directory not found.</title>\r\n</head>\r\n<body>\r\n"
         "<div id=\"header\"><h1>Server Error</h1></div>\r\n<div id=\"content\">\r\n"
         "<h2>404 - File or directory not found.</h2>\r\n"
         "<h3>The resource you are looking for might have been removed, had its name changed, "
         "or is temporarily unavailable.</h3>\r\n</div>\r\n</body>\r\n</html>\r\n";
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
