#!/usr/bin/env bash
# Benchmark (not a ctest test): bulk activation of 100 simulated sites with a 5 s restart and
# the default parallelism, through certdesk-cli bulk activate against ONE osbiz-sim process
# serving all of them (--count) on loopback. Prints
#   - one site's activation time (a bulk run on a single site, same process overhead),
#   - the batch's wall time and the ratio batch / one site (target <= 3; sequential ~ 100),
#   - the peak resident memory of the process that ran the batch (/usr/bin/time -v and the
#     VmHWM the CLI reads from /proc/self/status at the end).
# Runs inside tests/with-keyring.sh (site passwords and the store key live in the keychain).
#
# Usage (from the repo root): tests/bench/bulk-activation.sh [BUILD_DIR]
#   BUILD_DIR  build folder with app/cli/certdesk-cli and tests/remote/sim/osbiz-sim
#              (default: build)
#   SITES      number of simulated sites (default 100)
#   RESTART    restart seconds of every simulated system (default 5)
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${CERTDESK_TEST_KEYCHAIN:-}" != "1" ]; then
  exec "$here/tests/with-keyring.sh" "$BASH" "$0" "$@"
fi

build=${1:-build}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
sites=${SITES:-100}
restart=${RESTART:-5}
cli="$build/app/cli/certdesk-cli"
sim="$build/tests/remote/sim/osbiz-sim"
for f in "$cli" "$sim"; do
  [ -x "$f" ] || { echo "bulk-activation.sh: $f not built" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/certdesk-bulk-bench.XXXXXX")
simpid=
cleanup() {
  if [ -n "$simpid" ]; then kill "$simpid" 2>/dev/null || true; wait "$simpid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export CERTDESK_HOME="$work/home"
printf '%s\n' 'bench-Passw0rd+1' >"$work/pw"

"$sim" --port 0 --count "$sites" --restart-seconds "$restart" --control-port 0 \
  --lockout-after 100000 --state-dir "$work/state" --user administrator \
  --password-file "$work/pw" >"$work/sim.out" 2>"$work/sim.err" &
simpid=$!
for _ in $(seq 600); do grep -q '"ready"' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
grep -q '"ready"' "$work/sim.out" || { echo "osbiz-sim did not get ready" >&2; cat "$work/sim.err" >&2; exit 1; }
mapfile -t ports < <(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o.get("event") == "ready":
        for s in o["systems"]:
            print(s["port"])
' "$work/sim.out")

# The inventory, with each system's current certificate pinned (as after `site trust`).
{
  echo "name,host,port,user,tags,pinSha256"
  for i in "${!ports[@]}"; do
    fp=$(openssl s_client -connect "127.0.0.1:${ports[$i]}" </dev/null 2>/dev/null |
      openssl x509 -noout -fingerprint -sha256 | sed 's/.*=//')
    printf 'site-%03d,127.0.0.1,%s,administrator,bench,%s\n' "$i" "${ports[$i]}" "$fp"
  done
} >"$work/inventory.csv"
"$cli" site import "$work/inventory.csv" --password-file "$work/pw" >/dev/null
for entry in bench-one bench-all; do
  "$cli" self-signed --store --name "$entry" --common-name 127.0.0.1 --san IP:127.0.0.1 \
    --org "CertDesk bench" --days 90 >/dev/null
done

now() { date +%s.%N; }

# One site alone (both runs include the batch-wide preflight: a handshake and a login per site).
echo site-000 >"$work/one.txt"
t0=$(now)
"$cli" bulk activate --cert bench-one --sites "$work/one.txt" --system telephony \
  --restart-timeout 120 2>"$work/one.err" || { cat "$work/one.err" >&2; exit 1; }
t1=$(now)

# All of them, default parallelism.
t2=$(now)
status=0
/usr/bin/time -v -o "$work/time.txt" "$cli" bulk activate --cert bench-all --sites tag:bench \
  --system telephony --restart-timeout 300 --report "$work/report.html" 2>"$work/all.err" || status=$?
t3=$(now)
[ "$status" -eq 0 ] || { tail -20 "$work/all.err" >&2; echo "bulk activate exited $status" >&2; }

one=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
all=$(python3 -c "print(f'{$t3 - $t2:.2f}')")
ratio=$(python3 -c "print(f'{($t3 - $t2) / ($t1 - $t0):.2f}')")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "sites:                      $sites (one osbiz-sim process, restart ${restart} s)"
echo "parallelism:                default (32)"
echo "one site's activation:      ${one} s"
echo "batch of $sites:              ${all} s"
echo "ratio batch / one site:     ${ratio} (target <= 3; sequential would be ~${sites})"
echo "peak RSS (time -v):         $((rss / 1024)) MiB (${rss} KiB)"
grep -E "^Preflight:|^Done in|Peak memory" "$work/all.err" | sed 's/^/certdesk-cli: /'
succeeded=$(grep -c ' succeeded ' "$work/all.err" || true)
echo "succeeded lines:            $succeeded"
exit "$status"
