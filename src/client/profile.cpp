// caspio::read_profile: the private INI file of named connection settings.
#include "caspio/profile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>

#include "caspio/error.hpp"

namespace caspio {
namespace {

[[noreturn]] void refuse(const std::string& message) {
  ErrorInfo info;
  info.message = message;
  throw InvalidArgumentError(std::move(info));
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// Closes a descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

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
      refuse("refusing to read the profile file " + path + ": its folder " + dir +
             " is owned by another user (uid " + std::to_string(st.st_uid) + ")");
    }
    if ((st.st_mode & S_IWOTH) != 0 && (st.st_mode & S_ISVTX) == 0) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
      refuse("refusing to read the profile file " + path + ": its folder " + dir +
             " is writable by every user (mode " + mode + "); run: chmod o-w " + dir);
    }
    if (dir == home) break;
    dir = dir.substr(0, dir.rfind('/'));
  }
}

// The whole file, or nullopt when it does not exist; refuses one others may access, one another
// user owns, and one in a folder others could write to.
std::optional<std::string> read_private_file(const std::string& path) {
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::nullopt;
    if (errno == ELOOP) refuse("the profile file " + path + " is a symbolic link");
    refuse("cannot read the profile file " + path + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    refuse("the profile file " + path + " is not a regular file");
  }
  if (st.st_uid != ::geteuid()) {
    refuse("refusing to read the profile file " + path + ": it is owned by another user (uid " +
           std::to_string(st.st_uid) + "), not by you (uid " + std::to_string(::geteuid()) + ")");
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    refuse("refusing to read the profile file " + path + ": other users can access it (mode " +
           mode + "); it holds secrets, run: chmod 600 " + path);
  }
  check_folders(path);
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fd.get(), buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (n < 0) refuse("cannot read the profile file " + path + ": " + std::strerror(errno));
  return text;
}

void set_key(Profile& p, const std::string& key, const std::string& value,
             const std::string& where) {
  if (key == "account") {
    p.account = value;
  } else if (key == "rest_url") {
    p.rest_url = value;
  } else if (key == "token") {
    p.token = value;
  } else if (key == "client_id") {
    p.client_id = value;
  } else if (key == "client_secret") {
    p.client_secret = value;
  } else if (key == "token_url") {
    p.token_url = value;
  } else {
    refuse(where + ": unknown key '" + key +
           "' (account, rest_url, token, client_id, client_secret, token_url)");
  }
}

}  // namespace

std::string profile_file_path() {
  const std::string xdg = env("XDG_CONFIG_HOME");
  if (!xdg.empty() && xdg.front() == '/') return xdg + "/caspio/profiles";
  return env("HOME") + "/.config/caspio/profiles";
}

std::optional<Profile> read_profile(const std::string& name, const std::string& path) {
  const auto text = read_private_file(path);
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  Profile p;
  bool in_section = false;
  bool found = false;
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    const std::string t = trim(raw);
    if (t.empty() || t.front() == '#' || t.front() == ';') continue;
    if (t.front() == '[' && t.back() == ']') {
      in_section = trim(t.substr(1, t.size() - 2)) == name;
      found = found || in_section;
      continue;
    }
    if (!in_section) continue;
    const std::string where = path + ":" + std::to_string(line);
    const auto eq = t.find('=');
    if (eq == std::string::npos) refuse(where + ": expected key = value");
    set_key(p, trim(t.substr(0, eq)), trim(t.substr(eq + 1)), where);
  }
  if (!found) return std::nullopt;
  return p;
}

}  // namespace caspio
