"""Conan 2 recipe for caspio, the C++ client SDK for the Caspio REST API v2.

Builds the checkout this file lives in (packaging/conan/ -> the repository root) with the SDK's
own CMake build, tests, examples, benchmarks and docs off. Options: `with_mock` (caspio::mock and
the caspio-mock tool), `with_cli` (the caspio command-line tool, in bin/).

Tested by tests/package/conan_test.sh (part of the test command) with Debian's libraries wrapped
by packaging/conan/system; against ConanCenter the same version ranges apply.
"""
import os

from conan import ConanFile
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy
from conan.tools.gnu import PkgConfigDeps


class CaspioConan(ConanFile):
    name = "caspio"
    version = "0.2.0"
    description = "C++ client SDK for the Caspio REST API v2"
    license = "MIT"
    homepage = "https://github.com/caspio-cpp/caspio"
    url = "https://github.com/caspio-cpp/caspio"
    topics = ("caspio", "rest", "sdk", "http-client")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False], "with_mock": [True, False],
               "with_cli": [True, False]}
    default_options = {"shared": False, "fPIC": True, "with_mock": False, "with_cli": False}

    def export_sources(self):
        root = os.path.join(self.recipe_folder, "..", "..")
        for pattern in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*", "cli/*"):
            copy(self, pattern, src=root, dst=self.export_sources_folder)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # The SDK (component `sdk`); nlohmann_json is in its public headers.
        self.requires("nlohmann_json/[>=3.10 <4]", transitive_headers=True)
        self.requires("fmt/[>=9 <11]")
        self.requires("libcurl/[>=7.74 <9]")
        self.requires("simdjson/[>=3.0 <4]")
        if self.options.with_mock:
            # The emulator library (component `mock`).
            self.requires("sqlite3/[>=3.40 <4]")
            self.requires("cpp-httplib/[>=0.11 <1]")
            self.requires("zlib/[>=1.2.11 <2]")
        if self.options.with_mock or self.options.with_cli:
            # Only the caspio-mock and caspio executables parse their command line with CLI11: a
            # header library used while building, invisible to consumers, in no component.
            self.requires("cli11/[>=2.1 <3]", visible=False)

    def generate(self):
        toolchain = CMakeToolchain(self)
        toolchain.variables["CASPIO_BUILD_TESTS"] = False
        toolchain.variables["CASPIO_BUILD_EXAMPLES"] = False
        toolchain.variables["CASPIO_BUILD_BENCH"] = False
        toolchain.variables["CASPIO_BUILD_DOCS"] = False
        toolchain.variables["CASPIO_BUILD_CLI"] = bool(self.options.with_cli)
        toolchain.variables["CASPIO_INSTALL"] = True
        toolchain.variables["CASPIO_BUILD_MOCK"] = bool(self.options.with_mock)
        toolchain.generate()
        CMakeDeps(self).generate()
        if self.options.with_mock:
            PkgConfigDeps(self).generate()  # the emulator finds cpp-httplib with pkg-config

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        CMake(self).install()

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "caspio")
        # pkg-config: `caspio` is the SDK alone, as the caspio.pc of `cmake --install`; the root
        # (every component) gets its own name so that no two .pc files claim one name.
        self.cpp_info.set_property("pkg_config_name", "caspio-all")
        sdk = self.cpp_info.components["sdk"]
        sdk.set_property("cmake_target_name", "caspio::caspio")
        sdk.set_property("pkg_config_name", "caspio")
        sdk.libs = ["caspio"]
        sdk.requires = [
            "nlohmann_json::nlohmann_json", "fmt::fmt", "libcurl::libcurl", "simdjson::simdjson"]
        if self.settings.os in ("Linux", "FreeBSD"):
            sdk.system_libs = ["pthread"]
        if self.options.with_mock:
            mock = self.cpp_info.components["mock"]
            mock.set_property("cmake_target_name", "caspio::mock")
            mock.set_property("pkg_config_name", "caspio-mock")
            mock.libs = ["caspio-mock-lib"]
            mock.requires = ["nlohmann_json::nlohmann_json", "fmt::fmt", "sqlite3::sqlite3",
                             "cpp-httplib::cpp-httplib", "zlib::zlib"]
            if self.settings.os in ("Linux", "FreeBSD"):
                mock.system_libs = ["pthread"]
