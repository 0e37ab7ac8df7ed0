#!/usr/bin/env bash
# The throughput benchmark (docs/performance.md): starts caspio-mock with synthetic rows as its own
# process, runs build/bin/bench/throughput against it, stops it.
# Usage: scripts/bench.sh [--rows 100000] [--small-calls 20000] [--writes 2000]
#                         [--only case,case] [--post-delay-ms N] [--mock PATH] [--bench PATH] [--build DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows=100000 small=20000 writes=2000 build="$root/build-rel" mock="" bench="" only="" delay=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2" ;;
    --small-calls) small="$2" ;;
    --writes) writes="$2" ;;
    --mock) mock="$2" ;;
    --bench) bench="$2" ;;
    --build) build="$2" ;;
    --only) only="$2" ;;
    --post-delay-ms) delay="$2" ;;
    *) echo "usage: $0 [--rows N] [--small-calls N] [--writes N] [--mock P] [--bench P] [--build D]" >&2; exit 2 ;;
  esac
  shift 2
done
if [ -z "$mock" ] || [ -z "$bench" ]; then
  if [ ! -x "$build/bin/bench/throughput" ] || [ ! -x "$build/bin/caspio-mock" ]; then
    "$root/scripts/deps.sh"
    echo "== building caspio-mock and the benchmark (Release, $build)"
    [ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCASPIO_BUILD_TESTS=OFF -DCASPIO_BUILD_EXAMPLES=OFF -DCASPIO_BUILD_DOCS=OFF \
      -DCASPIO_BUILD_CLI=OFF -DCASPIO_INSTALL=OFF >/dev/null
    cmake --build "$build" -j2 --target caspio-mock bench_throughput
  fi
  mock="${mock:-$build/bin/caspio-mock}"
  bench="${bench:-$build/bin/bench/throughput}"
fi
log="$(mktemp)"
"$mock" --rows "$rows" >"$log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  grep -q '^CASPIO_CLIENT_SECRET=' "$log" && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
value() { sed -n "s/^$1=//p" "$log"; }
echo "== caspio-mock --rows $rows (pid $mock_pid); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" --rest-url "$(value CASPIO_REST_URL)" --token-url "$(value CASPIO_TOKEN_URL)" \
  --client-id "$(value CASPIO_CLIENT_ID)" --client-secret "$(value CASPIO_CLIENT_SECRET)" \
  --small-calls "$small" --writes "$writes" --post-delay-ms "$delay" ${only:+--only "$only"}
