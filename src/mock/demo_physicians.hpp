#pragma once
// The demo fixture's hand-written Demo_Physicians rows (pure data).

#include <cstddef>

namespace caspio {
namespace mock {
namespace detail {

/// One hand-written Demo_Physicians row, in the order of the fixture's columns.
struct Physician {
  const char* id;
  const char* created;
  const char* first;
  const char* last;
  const char* title;
  const char* gender;
  const char* email;
  const char* password;
  bool account;
  bool profile;
  const char* photo;
  const char* specialties;
  bool accepting;
  const char* about;
  const char* affiliations;
  const char* boards;
  const char* education;
  const char* languages;
  const char* office;
  const char* address;
  const char* city;
  const char* state;
  const char* zip;
  const char* phone;
  double views;
};

/// The hand-written rows.
extern const Physician kPhysicians[];
/// Their number.
extern const std::size_t kPhysicianCount;

}  // namespace detail
}  // namespace mock
}  // namespace caspio
