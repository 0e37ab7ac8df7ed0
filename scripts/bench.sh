#!/usr/bin/env bash
# The throughput benchmark (docs/performance.md): starts caspio-mock with synthetic rows as its own
# process, and a second one behind a bandwidth-limited link (--bandwidth-kib, fewer rows), runs
# build-rel/bin/bench/throughput against them (--rounds alternating rounds, medians), stops them.
# Usage: scripts/bench.sh [--rows 100000] [--small-calls 20000] [--writes 2000] [--rounds 3]
#                         [--slow-rows 10000] [--bandwidth-kib 2048] (--slow-rows 0: no slow link)
#                         [--only case,case] [--post-delay-ms N] [--mock PATH] [--bench PATH] [--build DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows=100000 small=20000 writes=2000 build="$root/build-rel" mock="" bench="" only="" delay=0
rounds=3 slow_rows=10000 bandwidth=2048
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
    --rounds) rounds="$2" ;;
    --slow-rows) slow_rows="$2" ;;
    --bandwidth-kib) bandwidth="$2" ;;
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
slow_log="$(mktemp)"
"$mock" --rows "$rows" >"$log" 2>&1 &
mock_pid=$!
slow_pid=""
if [ "$slow_rows" -gt 0 ]; then
  "$mock" --rows "$slow_rows" --bandwidth-kib "$bandwidth" >"$slow_log" 2>&1 &
  slow_pid=$!
fi
cleanup() {
  for pid in $mock_pid $slow_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -f "$log" "$slow_log"
}
trap cleanup EXIT
wait_ready() {  # log pid
  for _ in $(seq 1 600); do
    grep -q '^CASPIO_CLIENT_SECRET=' "$1" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; exit 1; }
    sleep 0.1
  done
  echo "caspio-mock did not start" >&2
  exit 1
}
wait_ready "$log" "$mock_pid"
value() { sed -n "s/^$1=//p" "$2"; }
slow_args=()
if [ -n "$slow_pid" ]; then
  wait_ready "$slow_log" "$slow_pid"
  slow_args=(--slow-rest-url "$(value CASPIO_REST_URL "$slow_log")"
             --slow-token-url "$(value CASPIO_TOKEN_URL "$slow_log")"
             --slow-note "caspio-mock --rows $slow_rows --bandwidth-kib $bandwidth")
fi
echo "== caspio-mock --rows $rows (pid $mock_pid); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" --rest-url "$(value CASPIO_REST_URL "$log")" --token-url "$(value CASPIO_TOKEN_URL "$log")" \
  --client-id "$(value CASPIO_CLIENT_ID "$log")" --client-secret "$(value CASPIO_CLIENT_SECRET "$log")" \
  --small-calls "$small" --writes "$writes" --post-delay-ms "$delay" --rounds "$rounds" \
  "${slow_args[@]}" ${only:+--only "$only"}
