#!/usr/bin/env bash
# Runs a command inside a private D-Bus session bus with an unlocked gnome-keyring Secret
# Service, so keychain tests exercise the real thing without touching anyone's keyring:
#
#   tests/with-keyring.sh ctest --test-dir build -R secrets --output-on-failure
#
# HOME and the XDG directories point into a temporary directory that is removed afterwards.
# Works as root, without a display and without stdin (CI). Exports CERTDESK_TEST_KEYCHAIN=1,
# which makes the keychain tests fail, rather than skip, when the keychain does not work.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring.sh: '$tool' not found; run scripts/install-deps.sh" >&2
    exit 1
  fi
done

if [ "${CERTDESK_WITH_KEYRING_INNER:-}" != "1" ]; then
  # Outer half: make the private directory, start the session bus, clean up afterwards.
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/certdesk-keyring.XXXXXX")
  # shellcheck disable=SC2317 # called through the trap
  cleanup() {
    # The daemon leaves when its bus goes away; this only catches one that lingers.
    if [ -s "$scratch/keyring.pid" ]; then
      pid=$(cat "$scratch/keyring.pid")
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q gnome-keyring-daemon; then
        kill "$pid" 2>/dev/null || true
      fi
    fi
    rm -rf "$scratch"
  }
  trap cleanup EXIT
  status=0
  CERTDESK_WITH_KEYRING_INNER=1 CERTDESK_WITH_KEYRING_DIR="$scratch" \
    dbus-run-session -- "$BASH" "$0" "$@" </dev/null || status=$?
  exit "$status"
fi

# Inner half, on the private bus: a fresh home, an unlocked login keyring, then the command.
scratch=$CERTDESK_WITH_KEYRING_DIR
unset CERTDESK_WITH_KEYRING_INNER CERTDESK_WITH_KEYRING_DIR
export HOME="$scratch/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"
# No desktop here: keep libsecret and QtKeychain from guessing one (KWallet) or a display.
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# --unlock reads the login keyring password from stdin and creates the keyring with it.
# A non-empty password matters: with an empty one gnome-keyring writes the keyring
# unencrypted, and the tests check that no secret appears in plain text under HOME.
if ! keyring_env=$(printf '%s' 'certdesk-test-keyring' |
  gnome-keyring-daemon --daemonize --unlock --components=secrets 2>"$scratch/keyring.log"); then
  echo "with-keyring.sh: gnome-keyring-daemon failed to start:" >&2
  cat "$scratch/keyring.log" >&2
  exit 1
fi
while IFS= read -r line; do
  case "$line" in
    [A-Z_]*=*) export "${line?}" ;;
  esac
done <<<"$keyring_env"

bus_call() {
  dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    "org.freedesktop.DBus.$1" "string:org.freedesktop.secrets" 2>/dev/null
}
for _ in $(seq 100); do
  if bus_call NameHasOwner | grep -q true; then
    break
  fi
  sleep 0.1
done
if ! bus_call NameHasOwner | grep -q true; then
  echo "with-keyring.sh: no Secret Service on the private bus after 10 s:" >&2
  cat "$scratch/keyring.log" >&2
  exit 1
fi
bus_call GetConnectionUnixProcessID | awk '{print $NF}' >"$scratch/keyring.pid" || true

export CERTDESK_TEST_KEYCHAIN=1
exec "$@"
