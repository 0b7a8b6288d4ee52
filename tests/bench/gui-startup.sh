#!/usr/bin/env bash
# Benchmark (not a ctest test): time from process start to the first painted CertDesk window,
# with a store of 1,000 entries. Target: median under 500 ms.
#
# The store is made once (certdesk-bench-fill-store: 5% CA certificates, 10% CSRs, the rest
# CA-signed server certificates, no private keys) and kept in BUILD_DIR. Each run starts
# certdesk offscreen with CERTDESK_BENCH_STARTUP=1: after the first paint of the window it
# prints "startup-ms: N", measured from the clock reading this script takes just before
# starting it (CERTDESK_BENCH_T0_NS), and quits. The window lists the store from its index and
# asks the keychain for the store key asynchronously, as on a desktop: the script runs inside
# tests/with-keyring.sh (a private D-Bus session with gnome-keyring) for that.
#
# Usage (from the repo root): tests/bench/gui-startup.sh [BUILD_DIR]
#   BUILD_DIR  build folder with app/gui/certdesk and tests/bench/certdesk-bench-fill-store
#              (default: build)
#   RUNS       measured runs (default 15, at least 10); one warm-up run comes first
#   ENTRIES    store size (default 1000)
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${CERTDESK_TEST_KEYCHAIN:-}" != "1" ] && [ -z "${CERTDESK_BENCH_NO_KEYRING:-}" ]; then
  exec "$here/tests/with-keyring.sh" "$BASH" "$0" "$@"
fi

build=${1:-build}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
runs=${RUNS:-15}
entries=${ENTRIES:-1000}
app="$build/app/gui/certdesk"
filler="$build/tests/bench/certdesk-bench-fill-store"
if [ "$runs" -lt 10 ]; then
  echo "gui-startup: RUNS must be at least 10" >&2
  exit 2
fi
for f in "$app" "$filler"; do
  if [ ! -x "$f" ]; then
    echo "gui-startup: $f not found; build first: cmake --build $build --target certdesk certdesk-bench-fill-store" >&2
    exit 1
  fi
done

store="$build/bench-gui-store-$entries"
if [ ! -f "$store/store.json" ] || [ "$(grep -c '"name"' "$store/store.json")" -lt "$entries" ]; then
  echo "gui-startup: making a store of $entries entries in $store …"
  start=$(date +%s%N)
  "$filler" "$store" "$entries"
  echo "gui-startup: made in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
# The store holds no private keys; its key check belongs to another keyring session.
rm -f "$store/keyinfo.json"

export QT_QPA_PLATFORM=offscreen CERTDESK_HOME="$store" CERTDESK_BENCH_STARTUP=1
run_once() {
  local t0 out
  t0=$(date +%s%N)
  out=$(CERTDESK_BENCH_T0_NS=$t0 "$app" 2>/dev/null)
  sed -n 's/^startup-ms: //p' <<<"$out"
}

run_once >/dev/null # warm-up: file cache, fontconfig cache
times=()
for _ in $(seq "$runs"); do
  ms=$(run_once)
  if [ -z "$ms" ]; then
    echo "gui-startup: certdesk printed no start-up time" >&2
    exit 1
  fi
  times+=("$ms")
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }' <<<"$sorted")
echo "gui-startup: $entries entries, $runs runs (ms): $(tr '\n' ' ' <<<"$sorted")"
echo "gui-startup: median $median ms (min $(head -n1 <<<"$sorted"), max $(tail -n1 <<<"$sorted")); target < 500 ms"
awk -v m="$median" 'BEGIN { exit !(m < 500) }'
