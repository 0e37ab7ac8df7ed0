// The simdjson readers of small answers (names, field definitions) give exactly what the
// nlohmann path gives, on every table of the demo fixture and on hand-written bodies; a body they
// decline still gets the nlohmann path's result or error.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answer/answer.hpp"
#include "answer/result_parser.hpp"
#include "caspio/error.hpp"
#include "emulator.hpp"

using caspio::FieldDefinition;
using caspio::detail::Answer;
using caspio::detail::convert;
using caspio::detail::parse_result_field;
using caspio::detail::parse_result_fields;
using caspio::detail::parse_result_names;
using caspio::detail::result_as;
using caspio::detail::result_of;
using nlohmann::json;

namespace {

Answer answer_of(const std::string& body) {
  Answer answer;
  answer.url = "http://127.0.0.1/rest/v2/tables/T/fields";
  answer.response.status = 200;
  answer.response.body = body;
  return answer;
}

// Every member of a field definition, the read-only ones to_json leaves out included.
json full(const FieldDefinition& f) {
  json j = f;
  j["(editable)"] = f.editable ? json(*f.editable) : json();
  j["(table_field_name)"] = f.table_field_name ? json(*f.table_field_name) : json();
  return j;
}
json full(const std::vector<FieldDefinition>& fields) {
  json j = json::array();
  for (const auto& f : fields) j.push_back(full(f));
  return j;
}
json full(const std::vector<std::string>& names) {
  return json(names);
}

// What the generic (nlohmann) path gives for `body`, as JSON to compare whole values.
template <typename T>
json slow(const std::string& body) {
  const Answer answer = answer_of(body);
  return full(convert<T>(result_of(answer), answer));
}

// The message of the error the generic path throws for `body`, or "" when it throws none.
template <typename T>
std::string slow_error(const std::string& body) {
  try {
    const Answer answer = answer_of(body);
    (void)convert<T>(result_of(answer), answer);
  } catch (const caspio::Error& e) {
    return e.what();
  }
  return "";
}

// The message result_as throws for `body` (fast path first), or "".
template <typename T>
std::string fast_error(const std::string& body) {
  try {
    (void)result_as<T>(answer_of(body));
  } catch (const caspio::Error& e) {
    return e.what();
  }
  return "";
}

// A transport that keeps the body of the last answer the default transport got.
class KeepingTransport : public caspio::HttpTransport {
 public:
  caspio::HttpResponse send(const caspio::HttpRequest& request) override {
    auto response = inner_->send(request);
    last_body = response.body;
    return response;
  }
  std::string last_body;

 private:
  std::shared_ptr<caspio::HttpTransport> inner_ = caspio::make_curl_transport({});
};

const char* const kField =
    R"({"Name":"Email","Type":"STRING","Unique":true,"UniqueAllowNulls":false,)"
    R"("Label":"E-mail \"work\"","Description":null,"DisplayOrder":3,)"
    R"("OnInsert":false,"OnUpdate":true,"TimeZone":"UTC","Format":"X",)"
    R"("Prefix":"P-","Length":8,"IsFormula":false,"ListField":{"1":"a","2":"b"},)"
    R"("Editable":true,"TableFieldName":"Demo_Users.Email"})";

}  // namespace

TEST(ResultParser, EveryDemoTableDefinitionIsTheNlohmannOne) {
  caspio_test::Emulator emu;
  auto keeping = std::make_shared<KeepingTransport>();
  caspio::ClientOptions options = emu.options();
  options.transport = keeping;
  const caspio::Client client(emu.credentials(), options);
  const auto tables = client.tables().listing();
  EXPECT_EQ(json(tables), slow<std::vector<std::string>>(keeping->last_body));
  ASSERT_GE(tables.size(), 3u);
  std::size_t fields = 0;
  for (const auto& table : tables) {
    const auto definition = client.tables().definition(table);
    ASSERT_TRUE(parse_result_fields(keeping->last_body).has_value()) << table;
    EXPECT_EQ(full(definition), slow<std::vector<FieldDefinition>>(keeping->last_body)) << table;
    fields += definition.size();
    for (const auto& field : definition) {
      const auto one = client.tables().field_definition(table, field.name);
      ASSERT_TRUE(parse_result_field(keeping->last_body).has_value()) << field.name;
      EXPECT_EQ(full(one), slow<FieldDefinition>(keeping->last_body)) << field.name;
    }
  }
  EXPECT_GT(fields, 20u);
  const auto views = client.views().listing();
  EXPECT_EQ(json(views), slow<std::vector<std::string>>(keeping->last_body));
}

TEST(ResultParser, EveryMemberAndValueKind) {
  const std::string one = std::string(R"({"Result":)") + kField + "}";
  const auto field = parse_result_field(one);
  ASSERT_TRUE(field.has_value());
  EXPECT_EQ(full(*field), slow<FieldDefinition>(one));
  EXPECT_EQ(field->label, "E-mail \"work\"");
  EXPECT_FALSE(field->description.has_value());
  EXPECT_EQ(field->list_field, json::parse(R"({"1":"a","2":"b"})"));
  EXPECT_EQ(field->editable, true);
  EXPECT_EQ(field->table_field_name, "Demo_Users.Email");

  const std::string many = std::string(R"({"Result":[)") + kField +
                           R"(,{"Name":"N","Type":"LIST-NUMBER","ListField":[1,2.5]},{}]})";
  const auto fields = parse_result_fields(many);
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(full(*fields), slow<std::vector<FieldDefinition>>(many));
  ASSERT_EQ(fields->size(), 3u);
  EXPECT_EQ((*fields)[2].name, "");  // as j.value("Name", "")

  // A repeated member: the last value, as nlohmann's object keeps it.
  const std::string repeated =
      R"({"Result":{"Name":"A","Type":"STRING","Unique":true,"Unique":null,"Name":"B"}})";
  ASSERT_TRUE(parse_result_field(repeated).has_value());
  EXPECT_EQ(full(*parse_result_field(repeated)), slow<FieldDefinition>(repeated));
  // Members FieldDefinition does not keep are skipped.
  const std::string extra =
      R"({"Result":[{"Name":"A","Type":"FILE","Attachment":{"x":[1,{"y":null}]}}]})";
  ASSERT_TRUE(parse_result_fields(extra).has_value());
  EXPECT_EQ(full(*parse_result_fields(extra)), slow<std::vector<FieldDefinition>>(extra));

  const std::string names = R"({"Result":["Demo_Users","Caf\u00e9 \"x\"",""]})";
  ASSERT_TRUE(parse_result_names(names).has_value());
  EXPECT_EQ(json(*parse_result_names(names)), slow<std::vector<std::string>>(names));
  EXPECT_EQ((*parse_result_names(names))[1], "Caf\xc3\xa9 \"x\"");
}

TEST(ResultParser, DeclinedBodiesGetTheNlohmannResultOrError) {
  // Each is declined by the fast path; result_as then gives what the generic path gives.
  // NULs inside a member that is skipped: nlohmann refuses the body, so must the fast path.
  // One has NULs inside a skipped member (fuzz_pages): nlohmann refuses it, so must the fast path.
  const std::vector<std::string> field_bodies = {
      R"({"Result":[{"Name":"A","Type":"STRING","DisplayOrder":2.0}]})",   // nlohmann truncates
      R"({"Result":[{"Name":"A","Type":"STRING","DisplayOrder":true}]})",  // nlohmann: 1
      R"({"Result":[{"Name":"A","Type":"STRING","Length":4294967296}]})",  // out of int
      R"({"Result":[{"Name":"A","Type":"STRING","Unique":1}]})",           // type error
      R"({"Result":[{"Name":null,"Type":"STRING"}]})",                     // type error
      R"({"Result":[{"Name":"A","Type":"STRING","Label":7}]})",            // type error
      R"({"Result":[{"Name":"A","Type":"STRING"}],"Other":1})",            // another member
      R"({"Result":[],"Result":[{"Name":"A","Type":"STRING"}]})",          // repeated Result
      R"({"Result":[{"Name":"A","Type":"STRING"}]} x)",                    // trailing text
      R"({"Result":[{"Name":"A","Type":"STRING"},5]})",                    // not an object
      R"({"Result":{"Name":"A"}})",                                        // not an array
      R"({"Result":[{"Name":"A","Type":"STRING","ListField":{"1":}}]})",   // invalid JSON
      std::string(R"({"Result":[{"Big":1844)") + std::string(3, '\0') + "67}]}",  // fuzz_pages
      R"(["Result"])",                                                            // not an object
      R"({"NotResult":[]})",                                                      // no Result
      "",                                                                         // empty
  };
  for (const auto& body : field_bodies) {
    EXPECT_FALSE(parse_result_fields(body).has_value()) << body;
    const std::string error = slow_error<std::vector<FieldDefinition>>(body);
    EXPECT_EQ(fast_error<std::vector<FieldDefinition>>(body), error) << body;
    if (error.empty()) {
      EXPECT_EQ(full(result_as<std::vector<FieldDefinition>>(answer_of(body))),
                slow<std::vector<FieldDefinition>>(body))
          << body;
    }
  }
  for (const std::string body : {R"({"Result":["a",1]})", R"({"Result":["a",null]})",
                                 R"({"Result":"a"})", R"({"Result":["a"],"Pagination":{}})"}) {
    EXPECT_FALSE(parse_result_names(body).has_value()) << body;
    const std::string error = slow_error<std::vector<std::string>>(body);
    EXPECT_EQ(fast_error<std::vector<std::string>>(body), error) << body;
  }
  // The generic path's value where it has one (a rounded DisplayOrder, a bool Length).
  EXPECT_EQ(result_as<std::vector<FieldDefinition>>(answer_of(field_bodies[0]))[0].display_order,
            2);
  EXPECT_EQ(result_as<std::vector<FieldDefinition>>(answer_of(field_bodies[1]))[0].display_order,
            1);
  EXPECT_NE(fast_error<std::vector<FieldDefinition>>(field_bodies[3]), "");
}

TEST(ResultParser, EveryV3ViewDefinitionIsTheNlohmannOne) {
  caspio_test::Emulator emu;
  auto keeping = std::make_shared<KeepingTransport>();
  caspio::ClientOptions options = emu.options();
  options.api_version = caspio::ApiVersion::v3;
  options.base_url = emu.server().rest_v3_url();
  options.transport = keeping;
  const caspio::Client client(emu.credentials(), options);
  std::size_t fields = 0;
  for (const auto& table : client.tables().listing()) {
    const auto definition = client.tables().definition(table);
    ASSERT_TRUE(parse_result_fields(keeping->last_body).has_value()) << table;
    EXPECT_EQ(full(definition), slow<std::vector<FieldDefinition>>(keeping->last_body)) << table;
    for (const auto& field : definition) EXPECT_TRUE(field.editable.has_value()) << field.name;
  }
  const auto views = client.views().listing();
  ASSERT_FALSE(views.empty());
  for (const auto& view : views) {
    const auto definition = client.views().definition(view);
    ASSERT_TRUE(parse_result_fields(keeping->last_body).has_value()) << view;
    EXPECT_EQ(full(definition), slow<std::vector<FieldDefinition>>(keeping->last_body)) << view;
    for (const auto& field : definition) {
      EXPECT_TRUE(field.table_field_name.has_value()) << view << "." << field.name;
    }
    fields += definition.size();
  }
  EXPECT_GT(fields, 5u);
}
