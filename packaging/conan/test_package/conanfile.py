"""Conan test_package: a consumer that finds caspio with find_package and talks to caspio-mock.

With `with_mock` it starts caspio::mock::Server in-process; in any case, when CASPIO_REST_URL and
the other variables caspio-mock prints are set (tests/package/conan_test.sh runs a caspio-mock),
it also reads that emulator through Client::from_environment. With `with_cli` it runs the
packaged `caspio --version`.
"""
import os

from conan import ConanFile
from conan.tools.build import can_run
from conan.tools.cmake import CMake, cmake_layout


class CaspioTestConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeDeps", "CMakeToolchain", "VirtualRunEnv"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def layout(self):
        cmake_layout(self)

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def test(self):
        if not can_run(self):
            return
        self.run(os.path.join(self.cpp.build.bindir, "test_package"), env="conanrun")
        caspio = self.dependencies["caspio"]
        if caspio.options.with_cli:
            tool = os.path.join(caspio.package_folder, "bin", "caspio")
            self.run(f'"{tool}" --version', env="conanrun")
