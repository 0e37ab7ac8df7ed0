#!/usr/bin/env python3
"""Checks the vcpkg port and the Conan recipe against the CMake build, without vcpkg or Conan.

    check_packaging.py <repository root>

- every CMakeLists.txt of the repository is read (not only the top one): a find_package or
  pkg_check_modules in a packaged part (the top level, src/ for the SDK, src/mock/ for the
  emulator, cli/ for the command-line tool) must be known here and in both manifests; the
  others (tests/, examples/, bench/, docs/, fuzz/, the consumers under tests/package and
  packaging/) belong to parts the packages turn off;
- vcpkg.json and both conanfile.py parse (JSON; Python syntax tree, not executed);
- they name the version in `project(caspio VERSION ...)`;
- they depend on exactly the packages CMake finds: the SDK's always, the emulator's under the
  vcpkg feature `mock` / the Conan option `with_mock`, the tools' CLI11 under `mock` and `cli` /
  a non-visible Conan requirement; vcpkg's mock feature has the host `pkgconf` that
  pkg_check_modules needs; Conan's lower bounds are no lower than what CMake asks for;
- the Conan components use every visible requirement, no two pkg-config names are the same;
- vcpkg's `supports` excludes Windows (POSIX-only sources);
- the parts the packages do not ship are turned off, the ones they do follow a feature/option;
- every CASPIO_* CMake variable the port or the recipe sets is an option() of the build.
Prints one line per check; exits 1 on the first failure.
"""
import ast
import json
import re
import sys
from pathlib import Path

# find_package/pkg_check_modules name in CMake -> (vcpkg port, Conan reference name).
KNOWN = {
    "nlohmann_json": ("nlohmann-json", "nlohmann_json"),
    "fmt": ("fmt", "fmt"),
    "CURL": ("curl", "libcurl"),
    "simdjson": ("simdjson", "simdjson"),
    "SQLite3": ("sqlite3", "sqlite3"),
    "ZLIB": ("zlib", "zlib"),
    "cpp-httplib": ("cpp-httplib", "cpp-httplib"),
    "CLI11": ("cli11", "cli11"),
}
NOT_PACKAGES = {"Threads", "PkgConfig", "GTest", "Doxygen", "Python3", "caspio"}
TOOL_ONLY = {"CLI11"}  # used by the executables (caspio-mock, caspio), by no library
# Directory of a CMakeLists.txt -> the packaged part its dependencies belong to.
PACKAGED_DIRS = {"src": "core", "src/mock": "mock", "cli": "cli"}
# Options the packages must turn off (parts they do not ship) and the ones a feature/option sets.
OFF = ("CASPIO_BUILD_TESTS", "CASPIO_BUILD_EXAMPLES", "CASPIO_BUILD_BENCH", "CASPIO_BUILD_DOCS")
FEATURES = {"CASPIO_BUILD_MOCK": ("mock", "with_mock"), "CASPIO_BUILD_CLI": ("cli", "with_cli")}


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def ok(message):
    print(f"ok: {message}")


def finds(line):
    """(name, minimum version or None) a CMake line looks for, or None."""
    found = re.match(r"\s*find_package\(([\w-]+)(?:\s+([0-9.]+))?", line)
    module = re.match(r"\s*pkg_check_modules\(\w+.*?\s([\w-]+)\)\s*$", line)
    if found and found.group(1) not in NOT_PACKAGES:
        return found.group(1), found.group(2)
    if module:
        return module.group(1), None
    return None


def cmake_facts(root):
    """version, options, {part: {name: minimum}}, pkg-config parts, files read."""
    top = (root / "CMakeLists.txt").read_text()
    version = re.search(r"project\(caspio\s+VERSION\s+([0-9.]+)", top).group(1)
    options = set(re.findall(r"^\s*option\((CASPIO_\w+)", top, re.M))
    parts = {"core": {}, "mock": {}, "cli": {}}
    pkg_config = set()
    # The top level: sections by the if() they are in.
    section = "core"
    for line in top.splitlines():
        if re.match(r"\s*if\(CASPIO_BUILD_MOCK OR CASPIO_BUILD_TESTS\)", line):
            section = "mock"
        elif re.match(r"\s*if\(CASPIO_BUILD_CLI\)", line):
            section = "cli"
        elif re.match(r"\s*if\(CASPIO_BUILD_\w+\)", line):
            section = "unpackaged"
        elif re.match(r"\s*endif\(\)", line):
            section = "core"
        name = finds(line)
        if name and section != "unpackaged":
            parts[section][name[0]] = name[1]
            if "pkg_check_modules" in line:
                pkg_config.add(section)
    files = ["CMakeLists.txt"]
    for path in sorted(root.rglob("CMakeLists.txt")):
        rel = path.parent.relative_to(root).as_posix()
        if rel == "." or rel.startswith("build") or "/." in f"/{rel}":
            continue
        files.append(f"{rel}/CMakeLists.txt")
        part = PACKAGED_DIRS.get(rel)
        for line in path.read_text().splitlines():
            name = finds(line)
            if not name:
                continue
            if part is None:
                continue  # tests, examples, bench, docs, fuzz, consumers: turned off in packages
            parts[part][name[0]] = name[1]
            if "pkg_check_modules" in line:
                pkg_config.add(part)
    for part, deps in parts.items():
        for name in deps:
            if name not in KNOWN:
                fail(f"the {part} part finds '{name}': add it to KNOWN here and to both manifests")
    return version, options, parts, pkg_config, files


def check_vcpkg(port, version, parts, pkg_config):
    manifest = json.loads((port / "vcpkg.json").read_text())
    ok("vcpkg.json parses")
    if manifest.get("name") != "caspio" or manifest.get("version") != version:
        fail(f"vcpkg.json names {manifest.get('name')} {manifest.get('version')}, CMake caspio {version}")
    ok(f"vcpkg.json: caspio {version}")
    supports = manifest.get("supports", "")
    if "!windows" not in supports.replace(" ", ""):
        fail(f"vcpkg.json supports '{supports}': must exclude windows (atomic_file.cpp and "
             "multipart.cpp are POSIX-only)")
    ok(f"vcpkg.json supports '{supports}'")

    def names(deps, host=False):
        return {d for d in deps if isinstance(d, str) and not host} | {
            d["name"] for d in deps if isinstance(d, dict) and bool(d.get("host")) == host}

    features = manifest.get("features", {})
    # The mock feature builds caspio-mock too (CLI11); the cli feature builds caspio.
    want = {
        "dependencies": {KNOWN[n][0] for n in parts["core"]},
        "feature mock": {KNOWN[n][0] for n in parts["mock"]},
        "feature cli": {KNOWN[n][0] for n in parts["cli"]},
    }
    have = {
        "dependencies": names(manifest.get("dependencies", [])),
        "feature mock": names(features.get("mock", {}).get("dependencies", [])),
        "feature cli": names(features.get("cli", {}).get("dependencies", [])),
    }
    for what in want:
        if have[what] != want[what]:
            fail(f"vcpkg.json {what} {sorted(have[what])}, CMake needs {sorted(want[what])}")
    ok("vcpkg.json " + ", ".join(f"{what} {sorted(have[what])}" for what in want))
    for part in sorted(pkg_config):
        deps = manifest.get("dependencies", []) if part == "core" else \
            features.get(part, {}).get("dependencies", [])
        if "pkgconf" not in names(deps, host=True):
            fail(f"vcpkg.json: the {part} part calls pkg_check_modules, so it needs "
                 '{"name": "pkgconf", "host": true}')
        ok(f"vcpkg.json: {part} has the host pkgconf its pkg_check_modules needs")


def recipe_class(tree):
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


def method(cls, name):
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == name:
            return item
    fail(f"conanfile.py has no {name}()")


def conan_requires(cls):
    """{condition: {name: (versions, visible)}} of requirements(); condition "" = always."""
    found = {}

    def visit(nodes, condition):
        for node in nodes:
            if isinstance(node, ast.If):
                visit(node.body, ast.unparse(node.test))
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and ast.unparse(call.func) == "self.requires":
                    name, _, versions = ast.literal_eval(call.args[0]).partition("/")
                    visible = all(not (k.arg == "visible" and ast.unparse(k.value) == "False")
                                  for k in call.keywords)
                    found.setdefault(condition, {})[name] = (versions, visible)

    visit(method(cls, "requirements").body, "")
    return found


def lower_bound(versions):
    match = re.match(r"\[>=([0-9.]+)", versions)
    return tuple(int(p) for p in match.group(1).split(".")) if match else None


def check_conan(conan, version, parts):
    tree = ast.parse((conan / "conanfile.py").read_text())
    ast.parse((conan / "test_package" / "conanfile.py").read_text())
    ast.parse((conan / "system" / "conanfile.py").read_text())
    ok("conanfile.py, test_package/conanfile.py and system/conanfile.py parse")
    cls, values = recipe_class(tree)
    if values.get("name") != "caspio" or values.get("version") != version:
        fail(f"conanfile.py names {values.get('name')} {values.get('version')}, CMake caspio {version}")
    ok(f"conanfile.py: caspio {version}")
    for option in ("shared", "fPIC", "with_mock", "with_cli"):
        if option not in values.get("options", {}) or option not in values.get("default_options", {}):
            fail(f"conanfile.py has no option '{option}' with a default")
    requires = conan_requires(cls)
    by_condition = {
        "": {KNOWN[n][1] for n in parts["core"]},
        "self.options.with_mock": {KNOWN[n][1] for n in parts["mock"] if n not in TOOL_ONLY},
        "self.options.with_mock or self.options.with_cli":
            {KNOWN[n][1] for n in list(parts["mock"]) + list(parts["cli"]) if n in TOOL_ONLY},
    }
    for condition, wanted in by_condition.items():
        have = requires.get(condition, {})
        if set(have) != wanted:
            fail(f"conanfile.py requires under '{condition or 'always'}' {sorted(have)}, "
                 f"CMake needs {sorted(wanted)}")
    extra = set(requires) - set(by_condition)
    if extra:
        fail(f"conanfile.py requires under unexpected conditions: {sorted(extra)}")
    minimums = {KNOWN[n][1]: m for deps in parts.values() for n, m in deps.items() if m}
    for condition, have in requires.items():
        for name, (versions, visible) in have.items():
            if name in minimums:
                bound = lower_bound(versions)
                if bound is None or bound < tuple(int(p) for p in minimums[name].split(".")):
                    fail(f"conanfile.py allows {name} below {minimums[name]}, which CMake needs")
            tool = name in {KNOWN[n][1] for n in TOOL_ONLY}
            if tool == visible:
                fail(f"conanfile.py: {name} must be {'visible=False (executables only)' if tool else 'visible'}")
    ok("conanfile.py requires " + "; ".join(
        f"{c or 'always'}: {sorted(h)}" for c, h in requires.items()))

    # package_info(): every visible requirement is used by a component, no tool one is, and no
    # two cpp_info objects claim the same pkg-config name.
    info = method(cls, "package_info")
    used = set()
    pc_names = []
    for node in ast.walk(info):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = re.match(r"^([\w-]+)::[\w-]+$", node.value)
            if match and "caspio" not in node.value:
                used.add(match.group(1))
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("set_property") and \
                len(node.args) == 2 and ast.literal_eval(node.args[0]) == "pkg_config_name":
            pc_names.append(ast.literal_eval(node.args[1]))
    visible = {n for have in requires.values() for n, (_, v) in have.items() if v}
    hidden = {n for have in requires.values() for n, (_, v) in have.items() if not v}
    if visible - used:
        fail(f"conanfile.py requires {sorted(visible - used)}, which no component uses")
    if used & hidden:
        fail(f"conanfile.py components use {sorted(used & hidden)}, declared visible=False")
    if len(pc_names) != len(set(pc_names)) or "pkg_config_name" not in ast.unparse(info):
        fail(f"conanfile.py pkg_config_name values {pc_names}: each must be unique (the root "
             "defaults to 'caspio' when it sets none)")
    if pc_names and not any(isinstance(n, ast.Call) and ast.unparse(n).startswith(
            "self.cpp_info.set_property('pkg_config_name'") for n in ast.walk(info)):
        fail("conanfile.py: the root sets no pkg_config_name, so it claims 'caspio'")
    ok(f"conanfile.py components use {sorted(used)}; pkg-config names {pc_names}")


def check_switches(root, options):
    """Parts the packages do not ship are off; the emulator and the tool follow a feature/option."""
    port = (root / "packaging/vcpkg/ports/caspio/portfile.cmake").read_text()
    recipe = (root / "packaging/conan/conanfile.py").read_text()
    for option in OFF:
        if option not in options:
            continue
        if f"-D{option}=OFF" not in port:
            fail(f"portfile.cmake does not pass -D{option}=OFF")
        if f'toolchain.variables["{option}"] = False' not in recipe:
            fail(f"conanfile.py does not set {option} to False")
    ok(f"both turn off what they do not package: {', '.join(o for o in OFF if o in options)}")
    for option, (feature, conan_option) in FEATURES.items():
        if not re.search(rf"^\s*{feature}\s+{option}\s*\)?\s*$", port, re.M):
            fail(f"portfile.cmake: vcpkg_check_features has no '{feature} {option}'")
        if f'toolchain.variables["{option}"] = bool(self.options.{conan_option})' not in recipe:
            fail(f"conanfile.py does not set {option} from the option {conan_option}")
    ok("the emulator and the tool follow vcpkg features mock/cli and Conan options with_mock/with_cli")


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
    version, options, parts, pkg_config, files = cmake_facts(root)
    ok(f"read {len(files)} CMakeLists.txt: {', '.join(files)}")
    ok(f"caspio {version}; " + "; ".join(f"{p} needs {sorted(d)}" for p, d in parts.items()))
    check_vcpkg(root / "packaging/vcpkg/ports/caspio", version, parts, pkg_config)
    check_conan(root / "packaging/conan", version, parts)
    check_switches(root, options)
    check_options(root, options)


if __name__ == "__main__":
    main()
