#!/usr/bin/env python3
"""Checks the vcpkg port and the Conan recipe against the CMake build, without vcpkg or Conan.

    check_packaging.py <repository root>

- vcpkg.json and both conanfile.py parse (JSON; Python syntax tree, not executed);
- they name the version in `project(caspio VERSION ...)`;
- they depend on exactly the packages the top-level CMakeLists.txt finds (the SDK's always, the
  emulator's under the mock feature / with_mock option), with Conan's lower bounds no lower than
  the versions CMake asks for; parts they do not package (the command-line tool) are turned off;
- every CASPIO_* CMake variable the port or the recipe sets is an option() of the build.
Prints one line per check; exits 1 on the first failure.
"""
import ast
import json
import re
import sys
from pathlib import Path

# find_package/pkg_check_modules name in CMakeLists.txt -> (vcpkg port, Conan reference name).
KNOWN = {
    "nlohmann_json": ("nlohmann-json", "nlohmann_json"),
    "fmt": ("fmt", "fmt"),
    "CURL": ("curl", "libcurl"),
    "simdjson": ("simdjson", "simdjson"),
    "SQLite3": ("sqlite3", "sqlite3"),
    "cpp-httplib": ("cpp-httplib", "cpp-httplib"),
    "CLI11": ("cli11", "cli11"),
}
NOT_PACKAGES = {"Threads", "PkgConfig", "GTest", "Doxygen"}  # system, tools, or tests only


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def ok(message):
    print(f"ok: {message}")


def cmake_facts(root):
    text = (root / "CMakeLists.txt").read_text()
    version = re.search(r"project\(caspio\s+VERSION\s+([0-9.]+)", text).group(1)
    options = set(re.findall(r"^\s*option\((CASPIO_\w+)", text, re.M))
    core, mock, unpackaged = {}, {}, {}
    section = core
    for line in text.splitlines():
        if re.match(r"\s*if\(CASPIO_BUILD_MOCK OR CASPIO_BUILD_TESTS\)", line):
            section = mock
        elif re.match(r"\s*if\(CASPIO_BUILD_\w+\)", line):  # a part with its own dependencies
            section = unpackaged.setdefault(re.match(r"\s*if\((\w+)\)", line).group(1), {})
        elif re.match(r"\s*endif\(\)", line):
            section = core
        found = re.match(r"\s*find_package\((\w+)(?:\s+([0-9.]+))?", line)
        module = re.match(r"\s*pkg_check_modules\(\w+.*?\s([\w-]+)\)\s*$", line)
        if found and found.group(1) not in NOT_PACKAGES:
            section[found.group(1)] = found.group(2)
        elif module:
            section[module.group(1)] = None
    for name in list(core) + list(mock):
        if name not in KNOWN:
            fail(f"CMakeLists.txt finds '{name}': add it to KNOWN here and to both manifests")
    return version, options, core, mock, sorted(k for k, deps in unpackaged.items() if deps)


def check_vcpkg(port, version, core, mock):
    manifest = json.loads((port / "vcpkg.json").read_text())
    ok("vcpkg.json parses")
    if manifest.get("name") != "caspio" or manifest.get("version") != version:
        fail(f"vcpkg.json names {manifest.get('name')} {manifest.get('version')}, CMake caspio {version}")
    ok(f"vcpkg.json: caspio {version}")

    def names(deps):
        return {d for d in deps if isinstance(d, str)} | {
            d["name"] for d in deps if isinstance(d, dict) and not d.get("host")}

    want_core = {KNOWN[n][0] for n in core}
    want_mock = {KNOWN[n][0] for n in mock}
    have_core = names(manifest.get("dependencies", []))
    have_mock = names(manifest.get("features", {}).get("mock", {}).get("dependencies", []))
    if have_core != want_core:
        fail(f"vcpkg.json dependencies {sorted(have_core)}, CMake needs {sorted(want_core)}")
    if have_mock != want_mock:
        fail(f"vcpkg.json mock feature {sorted(have_mock)}, CMake needs {sorted(want_mock)}")
    ok(f"vcpkg.json dependencies {sorted(have_core)}, feature mock {sorted(have_mock)}")


def class_attributes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            values = {}
            for item in node.body:
                if isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name):
                    try:
                        values[item.targets[0].id] = ast.literal_eval(item.value)
                    except ValueError:
                        pass
            return node, values
    fail("no recipe class")


def conan_requires(cls):
    """(unconditional, under `if self.options.with_mock`) requires of requirements()."""
    plain, mock = {}, {}

    def visit(nodes, target):
        for node in nodes:
            if isinstance(node, ast.If):
                visit(node.body, mock if "with_mock" in ast.unparse(node.test) else target)
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and ast.unparse(call.func) == "self.requires":
                    reference = ast.literal_eval(call.args[0])
                    name, _, versions = reference.partition("/")
                    target[name] = versions

    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "requirements":
            visit(item.body, plain)
    return plain, mock


def lower_bound(versions):
    match = re.match(r"\[>=([0-9.]+)", versions)
    return tuple(int(p) for p in match.group(1).split(".")) if match else None


def check_conan(conan, version, options, core, mock):
    tree = ast.parse((conan / "conanfile.py").read_text())
    ast.parse((conan / "test_package" / "conanfile.py").read_text())
    ok("conanfile.py and test_package/conanfile.py parse")
    cls, values = class_attributes(tree)
    if values.get("name") != "caspio" or values.get("version") != version:
        fail(f"conanfile.py names {values.get('name')} {values.get('version')}, CMake caspio {version}")
    ok(f"conanfile.py: caspio {version}")
    for option in ("shared", "fPIC", "with_mock"):
        if option not in values.get("options", {}) or option not in values.get("default_options", {}):
            fail(f"conanfile.py has no option '{option}' with a default")
    plain, with_mock = conan_requires(cls)
    for wanted, have, what in ((core, plain, "requires"), (mock, with_mock, "with_mock requires")):
        names = {KNOWN[n][1] for n in wanted}
        if set(have) != names:
            fail(f"conanfile.py {what} {sorted(have)}, CMake needs {sorted(names)}")
        for cmake_name, minimum in wanted.items():
            if minimum is None:
                continue
            bound = lower_bound(have[KNOWN[cmake_name][1]])
            if bound is None or bound < tuple(int(p) for p in minimum.split(".")):
                fail(f"conanfile.py allows {KNOWN[cmake_name][1]} below {minimum}, which CMake needs")
    ok(f"conanfile.py requires {sorted(plain)}, with_mock {sorted(with_mock)}")


def check_unpackaged(root, unpackaged):
    """Parts the packages leave out must be switched off, or vcpkg/Conan would build them."""
    port = (root / "packaging/vcpkg/ports/caspio/portfile.cmake").read_text()
    recipe = (root / "packaging/conan/conanfile.py").read_text()
    for option in unpackaged:
        if f"-D{option}=OFF" not in port:
            fail(f"portfile.cmake does not pass -D{option}=OFF")
        if f'toolchain.variables["{option}"] = False' not in recipe:
            fail(f"conanfile.py does not set {option} to False")
    ok(f"both turn off what they do not package: {', '.join(unpackaged) or 'nothing'}")


def check_options(root, options):
    texts = {
        "portfile.cmake": (root / "packaging/vcpkg/ports/caspio/portfile.cmake").read_text(),
        "conanfile.py": (root / "packaging/conan/conanfile.py").read_text(),
    }
    for where, text in texts.items():
        used = set(re.findall(r"(CASPIO_[A-Z_]+)\b", text))
        unknown = used - options
        if not used or unknown:
            fail(f"{where} sets {sorted(unknown) or 'no'} CASPIO_* option(s) CMakeLists.txt does not define")
        ok(f"{where} options exist: {', '.join(sorted(used))}")


def main():
    root = Path(sys.argv[1]).resolve()
    version, options, core, mock, unpackaged = cmake_facts(root)
    ok(f"CMakeLists.txt: caspio {version}, SDK needs {sorted(core)}, emulator {sorted(mock)}")
    check_vcpkg(root / "packaging/vcpkg/ports/caspio", version, core, mock)
    check_conan(root / "packaging/conan", version, options, core, mock)
    check_unpackaged(root, unpackaged)
    check_options(root, options)


if __name__ == "__main__":
    main()
