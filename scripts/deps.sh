#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing (apt-get update first).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git curl ca-certificates clang-format
  libcurl4-openssl-dev nlohmann-json3-dev libfmt-dev libsimdjson-dev libgtest-dev libgmock-dev
  libcpp-httplib-dev libsqlite3-dev zlib1g-dev libcli11-dev doxygen python3
  clang libclang-rt-14-dev
  # Conan 2 (../shared/tools/conan, the package test) runs on Debian's Python with these:
  python3-requests python3-yaml python3-jinja2 python3-fasteners python3-distro python3-dateutil
  python3-colorama python3-patch-ng python3-urllib3
  python3-jsonschema  # the v3 OpenAPI validation test of caspio-mock
  ccache  # the Conan test's compiler cache
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
