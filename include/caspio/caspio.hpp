#pragma once
/// @file
/// Umbrella header of the Caspio C++ SDK: include this one.

#include "caspio/api_version.hpp"     // IWYU pragma: export
#include "caspio/app_info.hpp"        // IWYU pragma: export
#include "caspio/apps.hpp"            // IWYU pragma: export
#include "caspio/attempt_event.hpp"   // IWYU pragma: export
#include "caspio/auth.hpp"            // IWYU pragma: export
#include "caspio/cancellation.hpp"    // IWYU pragma: export
#include "caspio/client.hpp"          // IWYU pragma: export
#include "caspio/client_options.hpp"  // IWYU pragma: export
#include "caspio/clock.hpp"           // IWYU pragma: export
#include "caspio/date_time.hpp"       // IWYU pragma: export
#include "caspio/definitions.hpp"     // IWYU pragma: export
#include "caspio/error.hpp"           // IWYU pragma: export
#include "caspio/field_names.hpp"     // IWYU pragma: export
#include "caspio/file_info.hpp"       // IWYU pragma: export
#include "caspio/file_transfer.hpp"   // IWYU pragma: export
#include "caspio/files.hpp"           // IWYU pragma: export
#include "caspio/http_transport.hpp"  // IWYU pragma: export
#include "caspio/profile.hpp"         // IWYU pragma: export
#include "caspio/query.hpp"           // IWYU pragma: export
#include "caspio/record_range.hpp"    // IWYU pragma: export
#include "caspio/row.hpp"             // IWYU pragma: export
#include "caspio/row_mapping.hpp"     // IWYU pragma: export
#include "caspio/row_writer.hpp"      // IWYU pragma: export
#include "caspio/tables.hpp"          // IWYU pragma: export
#include "caspio/task_info.hpp"       // IWYU pragma: export
#include "caspio/tasks.hpp"           // IWYU pragma: export
#include "caspio/token_source.hpp"    // IWYU pragma: export
#include "caspio/typed_range.hpp"     // IWYU pragma: export
#include "caspio/utils.hpp"           // IWYU pragma: export
#include "caspio/value.hpp"           // IWYU pragma: export
#include "caspio/views.hpp"           // IWYU pragma: export
#include "caspio/where.hpp"           // IWYU pragma: export
#include "caspio/write_result.hpp"    // IWYU pragma: export
