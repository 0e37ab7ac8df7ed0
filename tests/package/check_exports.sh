#!/usr/bin/env bash
# check_exports.sh LIBCASPIO.so VERSION: the shared library exports the public API and nothing of
# caspio::detail (hidden visibility + CASPIO_EXPORT), and carries its SONAME: libcaspio.so.MAJOR,
# or libcaspio.so.0.MINOR while the version is 0.x.
set -euo pipefail
lib="$1"; version="$2"
symbols="$(nm -D --defined-only -C "$lib")"
count="$(grep -c ' caspio::' <<<"$symbols" || true)"
echo "$count caspio:: symbols exported"
# A symbol of caspio::detail itself (function, object, typeinfo, vtable). Weak instantiations of
# std:: templates whose arguments name a detail type (std::thread state of a prefetch worker)
# are the standard library's vague-linkage symbols, not SDK internals, and are not counted.
leaked="$(grep -E '^[0-9a-f]+ [A-Za-z] ((typeinfo|typeinfo name|vtable|VTT|guard variable) for )?caspio::detail' <<<"$symbols" || true)"
if [ -n "$leaked" ]; then
  echo "caspio::detail symbols exported:" >&2
  echo "$leaked" >&2
  exit 1
fi
for wanted in 'caspio::Client::from_environment(' 'caspio::Client::from_profile(' 'caspio::read_profile(' \
    'caspio::Client::tables() const' \
    'caspio::fetch_access_token(' 'typeinfo for caspio::NotFoundError'; do
  grep -qF "$wanted" <<<"$symbols" || { echo "not exported: $wanted" >&2; exit 1; }
done
soname="$(objdump -p "$lib" | sed -n 's/^ *SONAME *//p')"
echo "SONAME $soname"
# MAJOR, or 0.MINOR while the major version is 0 (0.x minors may break the ABI).
major="${version%%.*}"; rest="${version#*.}"; minor="${rest%%.*}"
if [ "$major" = 0 ]; then
  [ "$soname" = "libcaspio.so.0.$minor" ] || { echo "SONAME $soname, expected libcaspio.so.0.$minor" >&2; exit 1; }
else
  [ "$soname" = "libcaspio.so.$major" ] || { echo "SONAME $soname, expected libcaspio.so.$major" >&2; exit 1; }
fi
