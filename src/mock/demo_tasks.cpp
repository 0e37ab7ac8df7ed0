// Demo tasks. Demo_Physicians_Export is the seed README's sample, property for property.
#include "demo_tasks.hpp"

namespace caspio {
namespace mock {
namespace detail {

std::vector<Task> demo_tasks() {
  std::vector<Task> tasks;

  Task exporter;
  exporter.name = "Demo_Physicians_Export";
  exporter.external_key = "b7c3b7d5-4fa5-4725-86a2-6ca5ca797157";
  exporter.status = "Ready";
  exporter.time_zone = "UTC";
  exporter.frequency = "1 of the month";
  exporter.last_run = Task::LastRun{"2022-01-29T06:49:07", "2022-01-29T06:49:07", true};
  tasks.push_back(exporter);

  Task importer;
  importer.name = "Demo_Physicians_Import";
  importer.external_key = "3d9e6a41-8f2b-4c57-a0e3-6b1f9c2d7e84";
  importer.status = "Busy";
  importer.time_zone = "UTC";
  importer.frequency = "Every day";
  importer.note = "Nightly import of new physician sign-ups";
  importer.last_run = Task::LastRun{"2022-01-30T02:00:04", "2022-01-30T02:00:04", false};
  tasks.push_back(importer);

  Task named_name;
  named_name.name = "Name";
  named_name.external_key = "a41f0c6e-2b7d-4e93-8c15-d06b3f8a92e1";
  named_name.status = "Ready";
  named_name.time_zone = "UTC";
  named_name.frequency = "On demand";
  tasks.push_back(named_name);

  Task weekly;
  weekly.name = "Demo_Specialties_Export";
  weekly.external_key = "e8b25d7c-1f4a-4d06-b93e-5c7a0f1d2b68";
  weekly.status = "Ready";
  weekly.time_zone = "India Standard Time";
  weekly.utc_offset_minutes = 330;
  weekly.frequency = "Monday";
  weekly.last_run = Task::LastRun{"2022-01-24T03:30:00", "2022-01-24T09:00:00", true};
  tasks.push_back(weekly);

  return tasks;
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
