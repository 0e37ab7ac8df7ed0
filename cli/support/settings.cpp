#include "support/settings.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "support/cli_error.hpp"
#include "support/text.hpp"

namespace caspio_cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Refuses a profile in a folder that another user could swap it in: like ssh, every folder from
// the file's up to the home folder (or the root) must be owned by the user or root and not be
// writable by others (a world-writable folder with the sticky bit, such as /tmp, is allowed:
// others cannot rename or remove the user's entries there).
void check_folders(const std::string& path) {
  const std::string home = env("HOME");
  const uid_t me = ::geteuid();
  std::string dir = path.substr(0, path.rfind('/'));
  while (!dir.empty()) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) break;
    if (st.st_uid != me && st.st_uid != 0) {
      throw CliError(exit_usage,
                     fmt::format("refusing to read the profile file {}: its folder {} is owned by "
                                 "another user (uid {})",
                                 path, dir, st.st_uid));
    }
    if ((st.st_mode & S_IWOTH) != 0 && (st.st_mode & S_ISVTX) == 0) {
      throw CliError(exit_usage,
                     fmt::format("refusing to read the profile file {}: its folder {} is writable "
                                 "by every user (mode {:04o}); run: chmod o-w {}",
                                 path, dir, st.st_mode & 07777, dir));
    }
    if (dir == home) break;
    dir = dir.substr(0, dir.rfind('/'));
  }
}

// The whole file, refusing one that group or others can read or write, that another user owns,
// or whose folder others could write to.
std::string read_private_file(const std::string& path, bool required) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT && !required) return {};
    throw CliError(exit_usage,
                   fmt::format("cannot read the profile file {}: {}", path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw CliError(exit_usage, "the profile file " + path + " is not a regular file");
  }
  if (st.st_uid != ::geteuid()) {
    ::close(fd);
    throw CliError(exit_usage,
                   fmt::format("refusing to read the profile file {}: it is owned by another user "
                               "(uid {}), not by you (uid {})",
                               path, st.st_uid, ::geteuid()));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(fd);
    throw CliError(exit_usage,
                   fmt::format("refusing to read the profile file {}: other users can access it "
                               "(mode {:04o}); it holds secrets, run: chmod 600 {}",
                               path, st.st_mode & 07777, path));
  }
  try {
    check_folders(path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  if (n < 0) throw CliError(exit_usage, "cannot read the profile file " + path);
  return text;
}

void set_key(Settings& s, const std::string& key, const std::string& value, int line,
             const std::string& path) {
  if (key == "account") {
    s.account = value;
  } else if (key == "rest_url") {
    s.rest_url = value;
  } else if (key == "token") {
    s.token = value;
  } else if (key == "client_id") {
    s.client_id = value;
  } else if (key == "client_secret") {
    s.client_secret = value;
  } else if (key == "token_url") {
    s.token_url = value;
  } else {
    throw CliError(exit_usage, fmt::format("{}:{}: unknown key '{}' (account, rest_url, token, "
                                           "client_id, client_secret, token_url)",
                                           path, line, key));
  }
}

}  // namespace

void fill_missing(Settings& into, const Settings& from) {
  for (auto member : {&Settings::account, &Settings::rest_url, &Settings::token,
                      &Settings::client_id, &Settings::client_secret, &Settings::token_url}) {
    if ((into.*member).empty()) into.*member = from.*member;
  }
}

Settings settings_from_environment() {
  Settings s;
  s.account = env("CASPIO_ACCOUNT");
  s.rest_url = env("CASPIO_REST_URL");
  s.token = env("CASPIO_TOKEN");
  s.client_id = env("CASPIO_CLIENT_ID");
  s.client_secret = env("CASPIO_CLIENT_SECRET");
  s.token_url = env("CASPIO_TOKEN_URL");
  return s;
}

bool complete(const Settings& s) {
  if (!s.token.empty()) return !s.account.empty() || !s.rest_url.empty();
  return !s.client_id.empty() && !s.client_secret.empty() &&
         (!s.token_url.empty() || !s.account.empty());
}

std::string profile_path() {
  const std::string xdg = env("XDG_CONFIG_HOME");
  if (!xdg.empty() && xdg.front() == '/') return xdg + "/caspio/profiles";
  return env("HOME") + "/.config/caspio/profiles";
}

Settings read_profile(const std::string& name, bool required) {
  const std::string path = profile_path();
  std::istringstream in(read_private_file(path, required));
  Settings s;
  bool in_section = false;
  bool found = false;
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    const std::string text = trim(raw);
    if (text.empty() || text.front() == '#' || text.front() == ';') continue;
    if (text.front() == '[' && text.back() == ']') {
      in_section = trim(text.substr(1, text.size() - 2)) == name;
      found = found || in_section;
      continue;
    }
    if (!in_section) continue;
    const auto eq = text.find('=');
    if (eq == std::string::npos) {
      throw CliError(exit_usage, fmt::format("{}:{}: expected key = value", path, line));
    }
    set_key(s, trim(text.substr(0, eq)), trim(text.substr(eq + 1)), line, path);
  }
  if (!found && required) {
    throw CliError(exit_usage, fmt::format("no profile [{}] in {}", name, path));
  }
  return s;
}

Settings resolve_settings(const Settings& flags, const std::string& profile) {
  Settings s = flags;
  fill_missing(s, settings_from_environment());
  const std::string named = profile.empty() ? env("CASPIO_PROFILE") : profile;
  if (!named.empty()) {
    fill_missing(s, read_profile(named, true));
  } else if (!complete(s)) {
    fill_missing(s, read_profile("default", false));
  }
  return s;
}

}  // namespace caspio_cli
