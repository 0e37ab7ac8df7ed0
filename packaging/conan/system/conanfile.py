"""A Conan 2 wrapper for a library installed by the system's package manager (Debian here).

It packages no files: its package_info() only tells consumers the names Conan's generators
should give the library (CMake file and target, pkg-config name) and what to link, so that a
recipe can declare `requires` and component `requires` on it. One recipe for every dependency
of caspio; the name and version are given when it is exported:

    conan export packaging/conan/system --name fmt --version 9.1.0

(tests/package/conan_test.sh exports each with the version of the installed Debian package.)
"""
from conan import ConanFile
from conan.errors import ConanInvalidConfiguration

# name -> (package type, CMake file name, CMake target, pkg-config name, system libs, defines)
SYSTEM_LIBRARIES = {
    "nlohmann_json": ("header-library", "nlohmann_json", "nlohmann_json::nlohmann_json",
                      "nlohmann_json", [], []),
    "fmt": ("shared-library", "fmt", "fmt::fmt", "fmt", ["fmt"], []),
    "libcurl": ("shared-library", "CURL", "CURL::libcurl", "libcurl", ["curl"], []),
    "simdjson": ("shared-library", "simdjson", "simdjson::simdjson", "simdjson", ["simdjson"], []),
    "zlib": ("shared-library", "ZLIB", "ZLIB::ZLIB", "zlib", ["z"], []),
    "sqlite3": ("shared-library", "SQLite3", "SQLite::SQLite3", "sqlite3", ["sqlite3"], []),
    "cpp-httplib": ("shared-library", "httplib", "httplib::httplib", "cpp-httplib",
                    ["cpp-httplib"],
                    ["CPPHTTPLIB_OPENSSL_SUPPORT", "CPPHTTPLIB_ZLIB_SUPPORT",
                     "CPPHTTPLIB_BROTLI_SUPPORT"]),
    "cli11": ("header-library", "CLI11", "CLI11::CLI11", "CLI11", [], []),
}


class SystemLibraryConan(ConanFile):
    description = "A library the system provides (headers in /usr/include, libraries on the " \
                  "linker's default path)"
    license = "MIT"
    settings = "os", "arch", "compiler", "build_type"

    def set_name(self):
        if not self.name:
            raise ConanInvalidConfiguration("give the name: conan export --name NAME")

    def configure(self):
        if self.name not in SYSTEM_LIBRARIES:
            raise ConanInvalidConfiguration(
                f"no system wrapper for '{self.name}' (known: {', '.join(SYSTEM_LIBRARIES)})")
        self.package_type = SYSTEM_LIBRARIES[self.name][0]

    def package_id(self):
        self.info.clear()  # the same system library whatever the settings

    def package_info(self):
        _, file_name, target, pc_name, libs, defines = SYSTEM_LIBRARIES[self.name]
        self.cpp_info.set_property("cmake_file_name", file_name)
        self.cpp_info.set_property("cmake_target_name", target)
        self.cpp_info.set_property("pkg_config_name", pc_name)
        # Nothing in the package folder: the compiler's and linker's default paths find them.
        self.cpp_info.includedirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.bindirs = []
        self.cpp_info.system_libs = libs
        self.cpp_info.defines = defines
