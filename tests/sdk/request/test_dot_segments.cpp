// Names that are dot segments would change the target once libcurl or a server resolves them
// ("." and ".."): they are refused before anything is sent, for every facade that takes names.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"

using caspio::InvalidArgumentError;
using caspio::testing::FakeTransport;

TEST(DotSegments, AreRefusedBeforeSending) {
  auto fake = std::make_shared<FakeTransport>();
  caspio::ClientOptions options;
  options.transport = fake;
  const caspio::Client client{"c1abc123", "tok", options};
  for (const std::string dots : {".", ".."}) {
    SCOPED_TRACE(dots);
    EXPECT_THROW(client.apps().dp_disable_by_keys("APP", dots), InvalidArgumentError);
    EXPECT_THROW(client.apps().dp_properties_by_app_key(dots), InvalidArgumentError);
    EXPECT_THROW(client.tables().field_definition("Demo_Users", dots), InvalidArgumentError);
    EXPECT_THROW(client.tables().description(dots), InvalidArgumentError);
    EXPECT_THROW(client.tables().get_records(dots), InvalidArgumentError);
    EXPECT_THROW(client.views().records(dots), InvalidArgumentError);
    EXPECT_THROW(client.files().delete_by_key(dots), InvalidArgumentError);
    EXPECT_THROW(client.tasks().run_by_key(dots), InvalidArgumentError);
  }
  EXPECT_TRUE(fake->requests().empty());
  // A dot inside a name is an ordinary character and is sent as it is.
  fake->push(200, R"({"Result":{"Name":"a.b","Type":"STRING"}})");
  client.tables().field_definition("T", "a.b");
  ASSERT_EQ(fake->requests().size(), 1u);
  EXPECT_EQ(fake->requests()[0].url, "https://c1abc123.caspio.com/rest/v2/tables/T/fields/a.b");
}
