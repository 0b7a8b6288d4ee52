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
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/docs/screenshots}
build=${BUILD_DIR:-$here/build-screenshots}

for tool in cmake ninja xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshots.sh: '$tool' not found; run scripts/install-deps.sh" >&2; exit 1; }
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCERTDESK_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target certdesk certdesk-cli

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
echo "screenshots.sh: wrote $(find "$out" -name '*.png' | wc -l) screenshots to $out"
