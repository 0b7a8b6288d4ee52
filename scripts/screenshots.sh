#!/usr/bin/env bash
# Screenshots of CertDesk's main pages for docs/screenshots and the README.
#
#   scripts/screenshots.sh [OUTPUT_DIR]        (default: docs/screenshots)
#
# Builds certdesk and certdesk-cli (BUILD_DIR, default build-screenshots), fills a temporary
# store with a CA, a CA-signed server certificate, a CSR and two self-signed certificates (one
# expiring soon, one expired) through certdesk-cli, then runs certdesk under Xvfb with
# CERTDESK_SCREENSHOTS=DIR: the window walks its pages and saves each with QWidget::grab.
# Nothing touches your own store or keyring: the store lives in a temporary CERTDESK_HOME and is
# keyed by a throw-away store passphrase (no D-Bus session, so no keychain).
#
# Then bulk-activation-run.png, the Bulk Activation page after a preflight and a run against
# live systems: osbiz-sim (built with the tests) serves 8 simulated systems on 127.0.0.1, one
# of them left untrusted (no pin: the preflight blocks it) and one with the fault
# old-cert-after-restart (the run fails it at verify). A second temporary store holds a
# self-signed certificate for 127.0.0.1 and those sites, their password in the keychain of
# tests/with-keyring.sh (private D-Bus, throw-away gnome-keyring), which the GUI shares; it runs
# again with CERTDESK_SCREENSHOT_SITES=1 and takes only that page. Skipped, with a note, when
# BUILD_DIR was configured without the tests or a tool for it is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/docs/screenshots}
build=${BUILD_DIR:-$here/build-screenshots}

# The live sites, inside tests/with-keyring.sh (which runs this script again with
# CERTDESK_SCREENSHOTS_LIVE=DIR): simulator, store, sites, then the GUI.
live_sites() {
  local work=$CERTDESK_SCREENSHOTS_LIVE
  unset CERTDESK_SCREENSHOTS_LIVE CERTDESK_STORE_PASSPHRASE # the store key: the keychain's
  export CERTDESK_HOME="$work/store"
  local cli="$build/app/cli/certdesk-cli" sim="$build/tests/remote/sim/osbiz-sim"
  local names=(customer-c-augsburg customer-c-bremen customer-c-dresden customer-c-essen
    customer-c-freiburg customer-c-kiel customer-c-leipzig customer-c-mainz)
  local untrusted=2 old_cert=5 # customer-c-dresden, customer-c-kiel
  printf '%s\n' 'screenshot-Passw0rd+1' >"$work/pw"
  "$sim" --port 0 --count "${#names[@]}" --restart-seconds 2 --control-port 0 \
    --state-dir "$work/sim" --user administrator --password-file "$work/pw" \
    >"$work/sim.out" 2>"$work/sim.err" &
  simpid=$!
  trap 'kill "$simpid" 2>/dev/null || true; wait "$simpid" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q '"ready"' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
  grep -q '"ready"' "$work/sim.out" || { echo "screenshots.sh: osbiz-sim did not get ready" >&2; cat "$work/sim.err" >&2; exit 1; }
  local control ports
  mapfile -t ports < <(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o.get("event") == "ready":
        print(o["control"])
        for s in o["systems"]:
            print(s["port"])
' "$work/sim.out")
  control=${ports[0]}
  ports=("${ports[@]:1}")
  curl -fsS -X POST "http://127.0.0.1:$control/faults?system=$old_cert&set=old-cert-after-restart" >/dev/null

  # The inventory, each system's current certificate pinned (as after `site trust`) but one.
  {
    echo "name,host,port,user,tags,pinSha256"
    echo "customer-d-linz,192.0.2.31,443,administrator,customer-d,"
    local i pin
    for i in "${!names[@]}"; do
      pin=
      if [ "$i" -ne "$untrusted" ]; then
        pin=$(openssl s_client -connect "127.0.0.1:${ports[$i]}" </dev/null 2>/dev/null |
          openssl x509 -noout -fingerprint -sha256 | sed 's/.*=//')
      fi
      printf '%s,127.0.0.1,%s,administrator,customer-c,%s\n' "${names[$i]}" "${ports[$i]}" "$pin"
    done
  } >"$work/sites.csv"
  "$cli" self-signed --store --name customer-c-2026 --org "Example Co" --common-name 127.0.0.1 \
    --san IP:127.0.0.1 --days 365 >/dev/null
  "$cli" site import "$work/sites.csv" --password-file "$work/pw" >/dev/null

  CERTDESK_SCREENSHOT_SITES=1 CERTDESK_SCREENSHOTS="$out" \
    xvfb-run -a -s "-screen 0 1440x900x24" "$build/app/gui/certdesk"
}
if [ -n "${CERTDESK_SCREENSHOTS_LIVE:-}" ]; then
  live_sites
  exit
fi

for tool in cmake ninja xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshots.sh: '$tool' not found; run scripts/install-deps.sh" >&2; exit 1; }
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  # With the tests for osbiz-sim; only the targets below are built.
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCERTDESK_BUILD_TESTS=ON >/dev/null
elif [ -z "${BUILD_DIR:-}" ] && grep -q '^CERTDESK_BUILD_TESTS:BOOL=OFF' "$build/CMakeCache.txt"; then
  cmake -S "$here" -B "$build" -DCERTDESK_BUILD_TESTS=ON >/dev/null # an older build-screenshots
fi
live=1
if ! grep -q '^CERTDESK_BUILD_TESTS:BOOL=ON' "$build/CMakeCache.txt"; then
  live=0 && echo "screenshots.sh: $build has no tests (osbiz-sim): no bulk-activation-run.png" >&2
fi
for tool in dbus-run-session gnome-keyring-daemon openssl python3 curl; do
  if [ "$live" = 1 ] && ! command -v "$tool" >/dev/null 2>&1; then
    live=0 && echo "screenshots.sh: '$tool' not found: no bulk-activation-run.png" >&2
  fi
done
if [ "$live" = 1 ]; then
  cmake --build "$build" --target certdesk certdesk-cli osbiz-sim
else
  cmake --build "$build" --target certdesk certdesk-cli
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/certdesk-shots.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export CERTDESK_HOME="$scratch/store"
export CERTDESK_STORE_PASSPHRASE="screenshot store passphrase"
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 0700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANG=C.UTF-8

cli="$build/app/cli/certdesk-cli"
today=$(date -u +%Y-%m-%d)
"$cli" ca --store --name "Technician CA" --country DE --org "Example Co" --org-unit "Service" \
  --common-name "Example Technician CA" >/dev/null
"$cli" issue --store --ca "Technician CA" --name osbiz1 --country DE --org "Example Co" \
  --common-name osbiz1.example.com --san DNS:osbiz1.example.com --san IP:192.0.2.10 --sig sha384 >/dev/null
"$cli" csr --store --name Mycertificate --country DE --org "Example Co" --org-unit Example \
  --common-name www.example.com --san DNS:www.example.com >/dev/null
"$cli" self-signed --store --name "Booster" --org "Unify Software and Solutions GmbH & Co. KG" \
  --org-unit Unify --common-name 192.0.2.20 --san IP:192.0.2.20 --not-before "$today" --days 20 >/dev/null
"$cli" self-signed --store --name "Default Server Certificate" --common-name 192.0.2.1 \
  --not-before 2021-01-01 --not-after 2024-01-01 >/dev/null
# Sites for the Bulk Activation page (no passwords: there is no keychain here).
printf '%s\n' 'name,host,port,user,tags' \
  'customer-a-munich,192.0.2.11,443,administrator,customer-a;south' \
  'customer-a-hamburg,192.0.2.12,443,administrator,customer-a;north' \
  'customer-a-berlin,192.0.2.13,443,administrator,customer-a;north' \
  'customer-b-vienna,198.51.100.21,443,administrator,customer-b;south' \
  'customer-b-graz,198.51.100.22,443,administrator,customer-b;south' >"$scratch/sites.csv"
"$cli" site import "$scratch/sites.csv" >/dev/null

mkdir -p "$out"
CERTDESK_SCREENSHOTS="$out" xvfb-run -a -s "-screen 0 1440x900x24" "$build/app/gui/certdesk"
if [ "$live" = 1 ]; then
  mkdir -p "$scratch/live"
  CERTDESK_SCREENSHOTS_LIVE="$scratch/live" BUILD_DIR="$build" \
    "$here/tests/with-keyring.sh" "$BASH" "$here/scripts/screenshots.sh" "$out"
fi
echo "screenshots.sh: wrote $(find "$out" -name '*.png' | wc -l) screenshots to $out"
