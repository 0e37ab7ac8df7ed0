#pragma once
// Files on the wire: reading multipart uploads and describing downloads.

#include <httplib.h>

#include <string>
#include <vector>

#include "file_store.hpp"

namespace caspio {
namespace mock {
namespace detail {

/// The file parts of a multipart/form-data request, whatever their part names: every part with a
/// non-empty `filename`, in arrival order per part name. A part without a Content-Type gets one
/// guessed from the file name. Throws 400 IncorrectBodyParameter when the request is not
/// multipart, holds no file part, or names a file with characters Caspio does not allow.
std::vector<FileContent> uploaded_files(const httplib::Request& req);

/// `attachment; filename="name"`, plus an RFC 5987 `filename*` when the name is not plain ASCII.
std::string attachment_disposition(const std::string& name);

}  // namespace detail
}  // namespace mock
}  // namespace caspio
