#include "demo_tables.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "demo_physicians.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

FieldDef field(const std::string& name, FieldType type, bool unique = false,
               const std::string& label = "") {
  FieldDef f;
  f.name = name;
  f.type = type;
  f.unique = unique;
  f.label = label;
  return f;
}

FieldDef random_id(const std::string& name, const std::string& label = "") {
  FieldDef f = field(name, FieldType::random_id, true, label);
  f.format = "0U";
  f.prefix = "";
  f.length = 8;
  return f;
}

FieldDef list_field(const std::string& name, const std::vector<std::string>& items) {
  FieldDef f = field(name, FieldType::list_string);
  int key = 0;
  for (const auto& item : items) {
    f.list_items[++key] = item;
    f.list_history[key] = item;
  }
  return f;
}

TableDef physicians_table() {
  TableDef t;
  t.name = "Demo_Physicians";
  t.fields.push_back(
      random_id("Physician_ID", "Unique, primary key to identify each row in the table"));
  t.fields.push_back(field("Date_Created", FieldType::date_time));
  t.fields.push_back(field("First_Name", FieldType::string));
  t.fields.push_back(field("Last_Name", FieldType::string));
  t.fields.push_back(field("Title", FieldType::string));
  FieldDef full = field("Full_Name", FieldType::string);
  full.is_formula = true;
  full.formula_sql = "\"First_Name\" || ' ' || \"Last_Name\"";
  t.fields.push_back(full);
  t.fields.push_back(field("Gender", FieldType::string));
  t.fields.push_back(field("Email", FieldType::string, true));
  t.fields.push_back(field("Password", FieldType::password));
  t.fields.push_back(field("Account_Status", FieldType::yes_no));
  t.fields.push_back(field("Profile_Status", FieldType::yes_no));
  t.fields.push_back(field("Profile_Photo", FieldType::file));
  t.fields.push_back(list_field(
      "Specialties",
      {"Allergy and Immunology", "Dermatology", "Family Medicine", "Geriatric Medicine",
       "Internal Medicine", "Obstetrics and Gynecology", "Ophthalmology", "Pain Management",
       "Pathology", "Pediatrics", "Physical Medicine and Rehabilitation", "Sleep Medicine",
       "Sports Medicine", "Surgery"}));
  t.fields.push_back(field("Accepting_New_Patients", FieldType::yes_no));
  t.fields.push_back(field("About_Section", FieldType::text));
  t.fields.push_back(field("Affiliations", FieldType::text));
  t.fields.push_back(field("Board_Certifications", FieldType::text));
  t.fields.push_back(field("Education", FieldType::text));
  t.fields.push_back(list_field("Languages", {"Chinese", "English", "Filipino", "French", "German",
                                              "Hindi", "Japanese", "Russian", "Spanish"}));
  for (const char* name : {"Office_Name", "Office_Address", "Office_City", "Office_State",
                           "Office_Zip", "Office_Phone"}) {
    t.fields.push_back(field(name, FieldType::string));
  }
  t.fields.push_back(field("ViewCount", FieldType::number));
  return t;
}

TableDef states_table() {
  TableDef t;
  t.name = "Demo_States_Lookup";
  t.fields.push_back(field("State_ID", FieldType::autonumber, true, "State ID"));
  t.fields.push_back(field("State", FieldType::string, false, "State"));
  return t;
}

TableDef users_table() {
  TableDef t;
  t.name = "Demo_Users";
  t.fields.push_back(random_id("User_ID"));
  t.fields.push_back(field("Name", FieldType::string));
  t.fields.push_back(field("Email", FieldType::string, true));
  t.fields.push_back(field("Password", FieldType::password));
  t.fields.push_back(field("Role", FieldType::string));
  t.fields.push_back(field("Active", FieldType::yes_no));
  return t;
}

const std::vector<std::string>& physician_view_fields() {
  static const std::vector<std::string> fields = {"Physician_ID",
                                                  "Date_Created",
                                                  "First_Name",
                                                  "Last_Name",
                                                  "Full_Name",
                                                  "Gender",
                                                  "Email",
                                                  "Password",
                                                  "Account_Status",
                                                  "Profile_Status",
                                                  "Profile_Photo",
                                                  "Specialties",
                                                  "About_Section",
                                                  "Education",
                                                  "Languages",
                                                  "Office_Address",
                                                  "Office_City",
                                                  "Office_State",
                                                  "Office_Zip",
                                                  "Title",
                                                  "Accepting_New_Patients",
                                                  "Affiliations",
                                                  "Board_Certifications",
                                                  "Office_Name",
                                                  "Office_Phone",
                                                  "ViewCount"};
  return fields;
}

const char* const kStates[] = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
                               "ID", "IL", "IN", "IA", "KS", "KY", "LA", "MD", "MA", "MI", "MN",
                               "MS", "MO", "NE", "NV", "NJ", "NM", "NY", "NC", "OH", "OK", "OR",
                               "PA", "SC", "TN", "TX", "UT", "VA", "WA", "WI", "ME"};

// Demo_Physicians columns filled by the fixture (Full_Name is computed).
const std::vector<std::string> kPhysicianColumns = {"Physician_ID",
                                                    "Date_Created",
                                                    "First_Name",
                                                    "Last_Name",
                                                    "Title",
                                                    "Gender",
                                                    "Email",
                                                    "Password",
                                                    "Account_Status",
                                                    "Profile_Status",
                                                    "Profile_Photo",
                                                    "Specialties",
                                                    "Accepting_New_Patients",
                                                    "About_Section",
                                                    "Affiliations",
                                                    "Board_Certifications",
                                                    "Education",
                                                    "Languages",
                                                    "Office_Name",
                                                    "Office_Address",
                                                    "Office_City",
                                                    "Office_State",
                                                    "Office_Zip",
                                                    "Office_Phone",
                                                    "ViewCount"};

struct User {
  const char* id;
  const char* name;
  const char* email;
  const char* password;
  const char* role;
  bool active;
};

// 7NQC2PHT is the user the seed README updates ("Eddy Rath", Role Admin, Active false).
const User kUsers[] = {
    {"7NQC2PHT", "Eddie Rath", "eddy.rath@example.com", "Rath!2020", "Admin", false},
    {"A1B2C3D4", "Alice Monroe", "alice.monroe@example.com", "Alice!2020", "Admin", true},
    {"F5R3D9KU", "Fred Kuhn", "fred.kuhn@example.com", "Fred!2020", "Admin", true},
    {"N0R4B1AK", "Nora Blake", "nora.blake@example.com", "", "Admin", false},
    {"J3D1D1AH", "Jedidiah Stone", "jedidiah.stone@example.com", "", "Editor", true},
    {"M1LD2RED", "Mildred Ortiz", "mildred.ortiz@example.com", "", "Editor", false},
    {"N3DC4RVR", "Ned Carver", "ned.carver@example.com", "", "User", true},
    {"B7R1AN5C", "Brian Cho", "brian.cho@example.com", "Brian!2020", "User", true},
    {"C4RL4D1Z", "Carla Diaz", "carla.diaz@example.com", "", "User", true},
    {"T0M8K9LE", "Tom Keller", "tom.keller@example.com", "", "User", false},
    {"W1N5T0NW", "Winifred Wu", "winifred.wu@example.com", "", "Editor", true},
    {"H4NN4HLM", "Hannah Lim", "hannah.lim@example.com", "", "User", true},
};

SqlValue text(const char* s) {
  if (s == nullptr || *s == '\0') return std::monostate{};
  return std::string(s);
}

SqlValue flag(bool b) {
  return std::int64_t{b ? 1 : 0};
}

std::string base36(std::size_t n, std::size_t width) {
  static const char* digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string out;
  while (n > 0) {
    out.insert(out.begin(), digits[n % 36]);
    n /= 36;
  }
  if (out.size() < width) out.insert(0, width - out.size(), '0');
  return out;
}

void load_physicians(TableStore& store, std::size_t synthetic) {
  const std::size_t hand = kPhysicianCount;
  static const char* const firsts[] = {
      "James", "Mary", "John",  "Linda", "Robert", "Emma", "Lucas", "Olivia", "Noah", "Ava",
      "Liam",  "Mia",  "Ethan", "Zoe",   "Omar",   "Leah", "Ivan",  "Nina",   "Ravi", "Yuki"};
  static const char* const lasts[] = {"Smith",  "Johnson", "Garcia", "Miller", "Davis",
                                      "Lopez",  "Wilson",  "Moore",  "Taylor", "Clark",
                                      "Lewis",  "Walker",  "Hall",   "Young",  "King",
                                      "Wright", "Scott",   "Nguyen", "Patel",  "Kim"};
  static const char* const titles[] = {"Family Physician", "Internist", "Pediatrician",
                                       "Dermatologist",    "Surgeon",   "Ophthalmologist"};
  static const char* const genders[] = {"Female", "Male", "Other"};
  std::size_t i = 0;
  store.load_rows("Demo_Physicians", kPhysicianColumns, [&](std::vector<SqlValue>& row) {
    if (i < hand) {
      const auto& p = kPhysicians[i++];
      row = {text(p.id),        text(p.created),   text(p.first),        text(p.last),
             text(p.title),     text(p.gender),    text(p.email),        text(p.password),
             flag(p.account),   flag(p.profile),   text(p.photo),        text(p.specialties),
             flag(p.accepting), text(p.about),     text(p.affiliations), text(p.boards),
             text(p.education), text(p.languages), text(p.office),       text(p.address),
             text(p.city),      text(p.state),     text(p.zip),          text(p.phone),
             SqlValue{p.views}};
      return true;
    }
    std::size_t n = i++ - hand + 1;
    if (n > synthetic) return false;
    const std::size_t spec_a = n % 14 + 1;
    const std::size_t spec_b = (n * 5 + 3) % 14 + 1;
    std::string specialties = spec_a == spec_b ? std::to_string(spec_a)
                                               : std::to_string(std::min(spec_a, spec_b)) + "," +
                                                     std::to_string(std::max(spec_a, spec_b));
    const std::size_t lang = n % 9 + 1;
    std::string languages = lang == 2 ? "2" : (lang < 2 ? "1,2" : "2," + std::to_string(lang));
    const char* first = firsts[n % 20];
    const char* last = lasts[(n / 20) % 20];
    row = {std::string("S") + base36(n, 7),
           fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", 2021 + n % 3, n % 12 + 1, n % 28 + 1,
                       n % 24, n % 60, (n * 7) % 60),
           std::string(first),
           std::string(last),
           std::string(titles[n % 6]),
           std::string(genders[n % 3]),
           fmt::format("physician{:06}@example.com", n),
           std::monostate{},
           flag(n % 3 != 0),
           flag(n % 2 == 0),
           std::monostate{},
           specialties,
           flag(n % 4 != 0),
           fmt::format("Synthetic physician number {}.", n),
           std::monostate{},
           std::monostate{},
           std::monostate{},
           languages,
           fmt::format("{} {} Clinic", last, titles[n % 6]),
           fmt::format("{} Main Street", n % 9000 + 100),
           fmt::format("Springfield {}", n % 50),
           std::string(kStates[n % 42]),
           fmt::format("{:05}", (n * 37) % 99999),
           fmt::format("555-{:03}-{:04}", n % 1000, n % 10000),
           SqlValue{static_cast<double>((n * 7) % 5000)}};
    return true;
  });
}

}  // namespace

void load_demo_tables(TableStore& store, std::size_t synthetic_rows) {
  store.add_table(physicians_table());
  store.add_table(states_table());
  store.add_table(users_table());

  load_physicians(store, synthetic_rows);

  std::size_t s = 0;
  store.load_rows("Demo_States_Lookup", {"State"}, [&](std::vector<SqlValue>& row) {
    if (s == 42) return false;
    row[0] = std::string(kStates[s++]);
    return true;
  });

  std::size_t u = 0;
  store.load_rows("Demo_Users", {"User_ID", "Name", "Email", "Password", "Role", "Active"},
                  [&](std::vector<SqlValue>& row) {
                    if (u == sizeof(kUsers) / sizeof(kUsers[0])) return false;
                    const auto& x = kUsers[u++];
                    row = {text(x.id),       text(x.name), text(x.email),
                           text(x.password), text(x.role), flag(x.active)};
                    return true;
                  });

  ViewDef admins;
  admins.name = "Demo_Admins_Active";
  admins.base = "Demo_Users";
  admins.fields = {"User_ID", "Name", "Email", "Password", "Role", "Active"};
  admins.condition_sql = "\"Role\" = 'Admin' AND \"Active\" = 1";
  store.add_view(admins);

  ViewDef active;
  active.name = "Demo_Physicians_Active";
  active.base = "Demo_Physicians";
  active.fields = physician_view_fields();
  active.condition_sql = "\"Account_Status\" = 1";
  store.add_view(active);

  ViewDef published = active;
  published.name = "Demo_Physicians_Published";
  published.condition_sql = "\"Profile_Status\" = 1";
  store.add_view(published);
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
