#include "demo_tables.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

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
  t.fields.push_back(random_id("Physician_ID", "Unique, primary key to identify each row in the table"));
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
  static const std::vector<std::string> fields = {
      "Physician_ID",   "Date_Created",   "First_Name",    "Last_Name",
      "Full_Name",      "Gender",         "Email",         "Password",
      "Account_Status", "Profile_Status", "Profile_Photo", "Specialties",
      "About_Section",  "Education",      "Languages",     "Office_Address",
      "Office_City",    "Office_State",   "Office_Zip",    "Title",
      "Accepting_New_Patients", "Affiliations", "Board_Certifications", "Office_Name",
      "Office_Phone",   "ViewCount"};
  return fields;
}

const char* const kStates[] = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
                               "ID", "IL", "IN", "IA", "KS", "KY", "LA", "MD", "MA", "MI", "MN",
                               "MS", "MO", "NE", "NV", "NJ", "NM", "NY", "NC", "OH", "OK", "OR",
                               "PA", "SC", "TN", "TX", "UT", "VA", "WA", "WI", "ME"};

// Demo_Physicians columns filled by the fixture (Full_Name is computed).
const std::vector<std::string> kPhysicianColumns = {
    "Physician_ID", "Date_Created",   "First_Name",     "Last_Name",     "Title",
    "Gender",       "Email",          "Password",       "Account_Status", "Profile_Status",
    "Profile_Photo", "Specialties",   "Accepting_New_Patients", "About_Section", "Affiliations",
    "Board_Certifications", "Education", "Languages",   "Office_Name",   "Office_Address",
    "Office_City",  "Office_State",   "Office_Zip",     "Office_Phone",  "ViewCount"};

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

// Lelah Hoppe is the seed README's sample record (views.getRecordsPaginated, copyRecord).
const Physician kPhysicians[] = {
    {"6T2C9HW8", "2020-10-07T04:54:19", "Lelah", "Hoppe", "Adolescent Medicine Specialist",
     "Other", "lelah.hoppe@example.com", "Lelah#2020", true, false, "/Demo/LelahHoppe.png",
     "3,6,8,9", true, "Exercitationem ... labore.",
     "American College of Endocrinology\nThe Endocrine Society\nAmerican Diabetes Association",
     "American Board of Pediatrics",
     "David Geffen School of Medicine - MD\nYale - Residency, Ophthalmology\nYale - Fellowship, "
     "Cataracts and Refractive Surgery",
     "2,4,7,9", "Davis Family Medical Group", "0519 Mustafa Via", "New Bradlyhaven", "MI",
     "50198", "967-841-6054", 3654},
    {"K7M2XQ4P", "2020-10-07T05:02:41", "Marcus", "Whitfield", "Family Physician", "Male",
     "marcus.whitfield@example.com", "Marcus#2020", true, true, "/Demo/MarcusWhitfield.png", "3,5",
     true, "Board-certified family physician caring for patients of every age.",
     "American Academy of Family Physicians", "American Board of Family Medicine",
     "University of Michigan Medical School - MD\nBeaumont Hospital - Residency, Family Medicine",
     "2,9", "Lakeside Family Practice", "4410 Harbor Lane", "Ann Arbor", "MI", "48104",
     "734-555-0142", 1289},
    {"P3Z8RT1N", "2020-10-08T09:15:00", "Aiko", "Tanaka", "Dermatologist", "Female",
     "aiko.tanaka@example.com", "", true, true, "/Demo/AikoTanaka.png", "2", true,
     "Treats skin conditions with a focus on early detection of skin cancer.",
     "American Academy of Dermatology", "American Board of Dermatology",
     "Stanford University School of Medicine - MD\nUCSF - Residency, Dermatology", "2,7",
     "Bayview Dermatology", "88 Market Street", "San Francisco", "CA", "94105", "415-555-0178",
     2417},
    {"Q9W4E2LD", "2020-10-09T14:30:12", "Daniel", "Okafor", "Pediatrician", "Male",
     "daniel.okafor@example.com", "", true, false, "", "10", false,
     "Pediatric care from newborns to teenagers.", "American Academy of Pediatrics",
     "American Board of Pediatrics",
     "Johns Hopkins School of Medicine - MD\nChildren's Hospital - Residency, Pediatrics", "2,4",
     "Sunrise Pediatrics", "1200 Oak Avenue", "Houston", "TX", "77002", "713-555-0110", 978},
    {"B5N7Y3HS", "2020-10-12T08:05:33", "Sofia", "Alvarez", "Obstetrician", "Female",
     "sofia.alvarez@example.com", "", false, true, "/Demo/SofiaAlvarez.png", "6", true,
     "Obstetrics and gynecology with bilingual care.", "American College of Obstetricians",
     "American Board of Obstetrics and Gynecology",
     "Baylor College of Medicine - MD\nUT Southwestern - Residency, Obstetrics", "2,9",
     "Hill Country Women's Health", "77 Congress Avenue", "Austin", "TX", "78701",
     "512-555-0133", 1534},
    {"R2D6F8GA", "2020-10-15T16:45:00", "Wei", "Chen", "Geriatrician", "Male",
     "wei.chen@example.com", "", true, true, "/Demo/WeiChen.png", "4,5", false,
     "Focused on healthy aging and complex care for older adults.",
     "American Geriatrics Society", "American Board of Internal Medicine",
     "NYU School of Medicine - MD\nMount Sinai - Fellowship, Geriatric Medicine", "1,2",
     "Riverside Senior Care", "350 West 57th Street", "New York", "NY", "10019", "212-555-0191",
     3120},
    {"T4H1J9KC", "2020-11-02T10:20:45", "Priya", "Raman", "Sleep Medicine Specialist", "Female",
     "priya.raman@example.com", "", true, true, "", "12", true,
     "Diagnoses and treats sleep disorders.", "American Academy of Sleep Medicine",
     "American Board of Internal Medicine",
     "University of Washington - MD\nHarborview - Fellowship, Sleep Medicine", "2,6",
     "Cascade Sleep Center", "901 Pine Street", "Seattle", "WA", "98101", "206-555-0125", 845},
    {"V8C3M5ZB", "2020-11-10T07:55:10", "Ethan", "Brooks", "Orthopedic Surgeon", "Male",
     "ethan.brooks@example.com", "", false, false, "/Demo/EthanBrooks.png", "13,14", true,
     "Sports injuries and joint replacement.", "American Academy of Orthopaedic Surgeons",
     "American Board of Orthopaedic Surgery",
     "Duke University School of Medicine - MD\nDuke - Residency, Orthopaedic Surgery", "2",
     "Peak Performance Orthopedics", "2200 Blake Street", "Denver", "CO", "80205",
     "303-555-0164", 2210},
    {"X1L7Q2WE", "2020-12-01T13:10:00", "Amelie", "Laurent", "Ophthalmologist", "Female",
     "amelie.laurent@example.com", "", true, true, "/Demo/AmelieLaurent.png", "7", true,
     "Cataract and refractive surgery.", "American Academy of Ophthalmology",
     "American Board of Ophthalmology",
     "Harvard Medical School - MD\nMass Eye and Ear - Residency, Ophthalmology", "2,4",
     "Back Bay Eye Associates", "15 Newbury Street", "Boston", "MA", "02116", "617-555-0107",
     1902},
    {"Z6K9P4RT", "2021-01-05T09:00:00", "Hiroshi", "Sato", "Pathologist", "Male",
     "hiroshi.sato@example.com", "", true, false, "", "9", false,
     "Laboratory medicine and diagnostic pathology.", "College of American Pathologists",
     "American Board of Pathology",
     "University of Chicago Pritzker - MD\nNorthwestern - Residency, Pathology", "2,7",
     "Lakeshore Diagnostics", "600 North Lake Shore Drive", "Chicago", "IL", "60611",
     "312-555-0188", 402},
    {"C2V5B8NM", "2021-02-14T11:25:30", "Grace", "O'Neill", "Internist", "Female",
     "grace.oneill@example.com", "", true, true, "/Demo/GraceONeill.png", "5", true,
     "Primary care for adults with a focus on prevention.", "American College of Physicians",
     "American Board of Internal Medicine",
     "Oregon Health & Science University - MD\nOHSU - Residency, Internal Medicine", "2",
     "Willamette Internal Medicine", "1010 SW Morrison Street", "Portland", "OR", "97205",
     "503-555-0156", 1377},
    {"D9F3G6HJ", "2021-03-03T15:40:00", "Rafael", "Mendes", "Pain Management Specialist", "Male",
     "rafael.mendes@example.com", "", false, true, "", "8,11", true,
     "Interventional pain management and rehabilitation.", "American Academy of Pain Medicine",
     "American Board of Physical Medicine and Rehabilitation",
     "University of Miami Miller School of Medicine - MD\nJackson Memorial - Residency, PM&R",
     "2,9", "Coral Gables Spine & Pain", "300 Alhambra Circle", "Miami", "FL", "33134",
     "305-555-0119", 688},
    {"E4R7T1YU", "2021-04-20T08:30:00", "Nadia", "Petrova", "Allergist", "Female",
     "nadia.petrova@example.com", "", true, true, "/Demo/NadiaPetrova.png", "1", false,
     "Allergy and immunology for children and adults.",
     "American Academy of Allergy, Asthma & Immunology",
     "American Board of Allergy and Immunology",
     "University of Pennsylvania - MD\nCHOP - Fellowship, Allergy and Immunology", "2,8",
     "Liberty Allergy Clinic", "1500 Walnut Street", "Philadelphia", "PA", "19102",
     "215-555-0172", 1120},
    {"F8U2I5OP", "2021-06-11T12:00:00", "Samuel", "Adeyemi", "Surgeon", "Male",
     "samuel.adeyemi@example.com", "", true, false, "", "14", true,
     "General and minimally invasive surgery.", "American College of Surgeons",
     "American Board of Surgery",
     "Emory University School of Medicine - MD\nEmory - Residency, General Surgery", "2,4",
     "Peachtree Surgical Associates", "1800 Peachtree Street", "Atlanta", "GA", "30309",
     "404-555-0135", 1765},
    {"G3A6S9DF", "2021-08-30T17:15:00", "Maria", "Santos", "Rehabilitation Physician", "Female",
     "maria.santos@example.com", "", true, true, "/Demo/MariaSantos.png", "11,13", true,
     "Physical medicine and rehabilitation after injury.",
     "American Academy of Physical Medicine and Rehabilitation",
     "American Board of Physical Medicine and Rehabilitation",
     "University of Arizona - MD\nMayo Clinic - Residency, PM&R", "2,3,9",
     "Desert Rehab Partners", "45 East Camelback Road", "Phoenix", "AZ", "85012",
     "602-555-0148", 934},
};

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

SqlValue flag(bool b) { return std::int64_t{b ? 1 : 0}; }

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
  const std::size_t hand = sizeof(kPhysicians) / sizeof(kPhysicians[0]);
  static const char* const firsts[] = {"James", "Mary",  "John",   "Linda", "Robert",
                                       "Emma",  "Lucas", "Olivia", "Noah",  "Ava",
                                       "Liam",  "Mia",   "Ethan",  "Zoe",   "Omar",
                                       "Leah",  "Ivan",  "Nina",   "Ravi",  "Yuki"};
  static const char* const lasts[] = {"Smith", "Johnson", "Garcia",  "Miller", "Davis",
                                      "Lopez", "Wilson",  "Moore",   "Taylor", "Clark",
                                      "Lewis", "Walker",  "Hall",    "Young",  "King",
                                      "Wright", "Scott",  "Nguyen",  "Patel",  "Kim"};
  static const char* const titles[] = {"Family Physician", "Internist", "Pediatrician",
                                       "Dermatologist", "Surgeon", "Ophthalmologist"};
  static const char* const genders[] = {"Female", "Male", "Other"};
  std::size_t i = 0;
  store.load_rows("Demo_Physicians", kPhysicianColumns, [&](std::vector<SqlValue>& row) {
    if (i < hand) {
      const auto& p = kPhysicians[i++];
      row = {text(p.id),        text(p.created),     text(p.first),   text(p.last),
             text(p.title),     text(p.gender),      text(p.email),   text(p.password),
             flag(p.account),   flag(p.profile),     text(p.photo),   text(p.specialties),
             flag(p.accepting), text(p.about),       text(p.affiliations), text(p.boards),
             text(p.education), text(p.languages),   text(p.office),  text(p.address),
             text(p.city),      text(p.state),       text(p.zip),     text(p.phone),
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
           fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", 2021 + n % 3, n % 12 + 1,
                       n % 28 + 1, n % 24, n % 60, (n * 7) % 60),
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
                    row = {text(x.id),   text(x.name), text(x.email), text(x.password),
                           text(x.role), flag(x.active)};
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
