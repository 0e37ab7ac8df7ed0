// Client::from_environment against the in-process emulator: both forms, precedence, and the
// errors that name what is missing without echoing a value.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "emulator.hpp"

using caspio_test::Emulator;

namespace {

constexpr const char* kVariables[] = {"CASPIO_ACCOUNT",   "CASPIO_TOKEN",
                                      "CASPIO_CLIENT_ID", "CASPIO_CLIENT_SECRET",
                                      "CASPIO_TOKEN_URL", "CASPIO_REST_URL"};

// Clears every CASPIO_* variable for one test and puts the old values back afterwards.
class CleanEnvironment {
 public:
  CleanEnvironment() {
    for (const char* name : kVariables) {
      const char* value = std::getenv(name);
      if (value != nullptr) saved_[name] = value;
      ::unsetenv(name);
    }
  }
  ~CleanEnvironment() {
    for (const char* name : kVariables) {
      const auto it = saved_.find(name);
      if (it == saved_.end()) {
        ::unsetenv(name);
      } else {
        ::setenv(name, it->second.c_str(), 1);
      }
    }
  }
  CleanEnvironment(const CleanEnvironment&) = delete;
  CleanEnvironment& operator=(const CleanEnvironment&) = delete;

  static void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

 private:
  std::map<std::string, std::string> saved_;
};

// The message of the InvalidArgumentError that from_environment() throws, or nullopt.
std::optional<std::string> refusal(caspio::ClientOptions options = {}) {
  try {
    (void)caspio::Client::from_environment(std::move(options));
  } catch (const caspio::InvalidArgumentError& e) {
    EXPECT_EQ(e.info().attempts, 0);
    return std::string(e.what());
  }
  return std::nullopt;
}

}  // namespace

TEST(FromEnvironment, ClientCredentialsFetchATokenAndReachTheRestUrl) {
  CleanEnvironment env;
  Emulator emu(caspio_test::empty_fixture());
  env.set("CASPIO_CLIENT_ID", emu.server().client_id());
  env.set("CASPIO_CLIENT_SECRET", emu.server().client_secret());
  env.set("CASPIO_TOKEN_URL", emu.server().token_url());
  env.set("CASPIO_REST_URL", emu.server().rest_url());
  const auto client = caspio::Client::from_environment();
  EXPECT_EQ(client.base_url(), emu.server().rest_url());
  EXPECT_TRUE(client.tables().listing().empty());
  EXPECT_EQ(emu.server().tokens_issued(), 1u);
  const auto sent = emu.only_request();
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.path, "/rest/v2/tables");
  EXPECT_EQ(sent.header("authorization").rfind("Bearer ", 0), 0u);
}

TEST(FromEnvironment, AccessTokenIsSentAsIs) {
  CleanEnvironment env;
  Emulator emu(caspio_test::empty_fixture());
  const auto token = caspio::fetch_access_token(emu.credentials());
  env.set("CASPIO_TOKEN", token.access_token);
  env.set("CASPIO_REST_URL", emu.server().rest_url());
  const auto client = caspio::Client::from_environment();
  EXPECT_TRUE(client.tables().listing().empty());
  EXPECT_EQ(emu.only_request().header("authorization"), "Bearer " + token.access_token);
  EXPECT_EQ(emu.server().tokens_issued(), 1u);  // only the one fetched above
}

TEST(FromEnvironment, AccountNamesTheCaspioHost) {
  CleanEnvironment env;
  env.set("CASPIO_ACCOUNT", "c1abc123");
  env.set("CASPIO_TOKEN", "tok-123");
  EXPECT_EQ(caspio::Client::from_environment().base_url(), "https://c1abc123.caspio.com/rest/v2");
}

TEST(FromEnvironment, OptionsBaseUrlWinsOverTheVariable) {
  CleanEnvironment env;
  env.set("CASPIO_TOKEN", "tok-123");
  env.set("CASPIO_REST_URL", "http://127.0.0.1:1/rest/v2");
  caspio::ClientOptions options;
  options.base_url = "https://c9other.caspio.com/rest/v2";
  EXPECT_EQ(caspio::Client::from_environment(options).base_url(), options.base_url);
}

TEST(FromEnvironment, NamesTheMissingCredentialWithoutTheSecret) {
  CleanEnvironment env;
  env.set("CASPIO_CLIENT_ID", "my-client");
  env.set("CASPIO_CLIENT_SECRET", "s3cret-value");
  env.set("CASPIO_TOKEN_URL", "");  // empty counts as unset
  const auto message = refusal();
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("needs CASPIO_TOKEN_URL"), std::string::npos) << *message;
  EXPECT_EQ(message->find("s3cret-value"), std::string::npos) << *message;
  EXPECT_EQ(message->find("my-client"), std::string::npos) << *message;
}

TEST(FromEnvironment, NamesBothTokenVariablesWhenNothingIsSet) {
  CleanEnvironment env;
  const auto message = refusal();
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("needs CASPIO_ACCOUNT, CASPIO_TOKEN"), std::string::npos) << *message;
}

TEST(FromEnvironment, TokenFormWithRestUrlNeedsOnlyTheToken) {
  CleanEnvironment env;
  env.set("CASPIO_REST_URL", "http://127.0.0.1:1/rest/v2");
  const auto message = refusal();
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("needs CASPIO_TOKEN ("), std::string::npos) << *message;
}
