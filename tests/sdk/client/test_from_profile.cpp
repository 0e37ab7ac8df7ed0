// Client::from_profile and read_profile: the profile file the `caspio` tool reads, against the
// in-process emulator; the refused files (others may read it, a symbolic link) and the errors
// that name what is missing without echoing a value.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "emulator.hpp"

using caspio_test::Emulator;

namespace {

// A scratch XDG_CONFIG_HOME for one test; the old value is put back afterwards.
class ProfileHome {
 public:
  ProfileHome() {
    char pattern[] = "/tmp/caspio-profile-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    const char* old = std::getenv("XDG_CONFIG_HOME");
    if (old != nullptr) saved_ = old;
    ::setenv("XDG_CONFIG_HOME", dir_.c_str(), 1);
    std::filesystem::create_directories(dir_ + "/caspio");
  }
  ~ProfileHome() {
    if (saved_) {
      ::setenv("XDG_CONFIG_HOME", saved_->c_str(), 1);
    } else {
      ::unsetenv("XDG_CONFIG_HOME");
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  ProfileHome(const ProfileHome&) = delete;
  ProfileHome& operator=(const ProfileHome&) = delete;

  std::string path() const { return dir_ + "/caspio/profiles"; }

  // Writes the profile file with `mode`.
  void write(const std::string& text, mode_t mode = 0600) const {
    std::ofstream(path()) << text;
    ::chmod(path().c_str(), mode);
  }

 private:
  std::string dir_;
  std::optional<std::string> saved_;
};

std::string emulator_profile(Emulator& emu, const std::string& name) {
  return "# a comment\n[" + name + "]\nrest_url = " + emu.server().rest_url() +
         "\ntoken_url = " + emu.server().token_url() + "\nclient_id = " + emu.server().client_id() +
         "\nclient_secret = " + emu.server().client_secret() + "\n";
}

// The message of the InvalidArgumentError that from_profile(name) throws, or nullopt.
std::optional<std::string> refusal(const std::string& name) {
  try {
    (void)caspio::Client::from_profile(name);
  } catch (const caspio::InvalidArgumentError& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

}  // namespace

TEST(FromProfile, PathFollowsXdgConfigHome) {
  const ProfileHome home;
  EXPECT_EQ(caspio::profile_file_path(), home.path());
}

TEST(FromProfile, ClientCredentialsProfileReachesTheEmulator) {
  const ProfileHome home;
  Emulator emu(caspio_test::empty_fixture());
  home.write("[default]\naccount = c1other\n\n" + emulator_profile(emu, "mock"));
  const auto client = caspio::Client::from_profile("mock");
  EXPECT_EQ(client.base_url(), emu.server().rest_url());
  EXPECT_TRUE(client.tables().listing().empty());
  EXPECT_EQ(emu.server().tokens_issued(), 1u);
  EXPECT_EQ(emu.only_request().path, "/rest/v2/tables");
}

TEST(FromProfile, TheEnvironmentAddsNothing) {
  const ProfileHome home;
  Emulator emu(caspio_test::empty_fixture());
  home.write(emulator_profile(emu, "mock"));
  // Left over from another emulator: neither may replace or add to the profile's settings.
  ::setenv("CASPIO_TOKEN_URL", "http://127.0.0.1:1/oauth/token", 1);
  ::setenv("CASPIO_REST_URL", "http://127.0.0.1:1/rest/v2", 1);
  const auto client = caspio::Client::from_profile("mock");
  ::unsetenv("CASPIO_TOKEN_URL");
  ::unsetenv("CASPIO_REST_URL");
  EXPECT_EQ(client.base_url(), emu.server().rest_url());
  EXPECT_TRUE(client.tables().listing().empty());
}

TEST(FromProfile, TokenProfileWithAccount) {
  const ProfileHome home;
  home.write("[prod]\naccount = c1abc123\ntoken = tok-123\n");
  EXPECT_EQ(caspio::Client::from_profile("prod").base_url(), "https://c1abc123.caspio.com/rest/v2");
  const auto p = caspio::read_profile("prod");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->token, "tok-123");
  EXPECT_TRUE(p->client_id.empty());
}

TEST(FromProfile, MissingFileOrSectionIsNamed) {
  const ProfileHome home;
  EXPECT_FALSE(caspio::read_profile("default").has_value());
  auto message = refusal("default");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("no profile [default] in " + home.path()), std::string::npos) << *message;
  home.write("[other]\ntoken = t\naccount = a\n");
  EXPECT_FALSE(caspio::read_profile("default").has_value());
  EXPECT_TRUE(refusal("default").has_value());
}

TEST(FromProfile, IncompleteProfileNamesTheKeysNotTheValues) {
  const ProfileHome home;
  home.write("[half]\nclient_id = my-client\nclient_secret = s3cret-value\n");
  const auto message = refusal("half");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("token_url"), std::string::npos) << *message;
  EXPECT_EQ(message->find("s3cret-value"), std::string::npos) << *message;
  EXPECT_EQ(message->find("my-client"), std::string::npos) << *message;
}

TEST(FromProfile, RefusesAFileOthersCanRead) {
  const ProfileHome home;
  home.write("[p]\naccount = a\ntoken = t\n", 0644);
  const auto message = refusal("p");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("chmod 600"), std::string::npos) << *message;
  EXPECT_NE(message->find("0644"), std::string::npos) << *message;
}

TEST(FromProfile, RefusesASymbolicLink) {
  const ProfileHome home;
  const std::string target = home.path() + ".real";
  std::ofstream(target) << "[p]\naccount = a\ntoken = t\n";
  ::chmod(target.c_str(), 0600);
  std::filesystem::create_symlink(target, home.path());
  const auto message = refusal("p");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("symbolic link"), std::string::npos) << *message;
}

TEST(FromProfile, UnknownKeyNamesFileAndLine) {
  const ProfileHome home;
  home.write("[p]\naccount = a\npasword = x\n");
  try {
    (void)caspio::read_profile("p");
    FAIL() << "an unknown key was accepted";
  } catch (const caspio::InvalidArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find(home.path() + ":3: unknown key 'pasword'"),
              std::string::npos)
        << e.what();
  }
}
