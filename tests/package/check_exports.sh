#!/usr/bin/env bash
# check_exports.sh LIBCASPIO.so: the shared library exports the public API and nothing of
# caspio::detail (hidden visibility + CASPIO_EXPORT), and carries its SONAME.
set -euo pipefail
lib="$1"
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
for wanted in 'caspio::Client::from_environment(' 'caspio::Client::tables() const' \
    'caspio::fetch_access_token(' 'typeinfo for caspio::NotFoundError'; do
  grep -qF "$wanted" <<<"$symbols" || { echo "not exported: $wanted" >&2; exit 1; }
done
soname="$(objdump -p "$lib" | sed -n 's/^ *SONAME *//p')"
echo "SONAME $soname"
[[ "$soname" =~ ^libcaspio\.so\.[0-9]+$ ]]
