#!/bin/sh
# The Notes pane driven like a person through the accessibility tree (test_notes_gui.py),
# under a private X server (Xvfb) and session bus, with a home of its own and no network: the
# approach of tests/gui/run-gui-test.sh.
#
# usage: run-notes-gui.sh DELEGATE BUILD_ROOT SCREENSHOT_DIR
set -u
here=$(dirname "$(readlink -f "$0")")
exe=$1
build=$2
shots=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/delegate-notes-gui-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/cache" "$tmp/config" "$tmp/runtime"
chmod 700 "$tmp/runtime"
rm -rf "$shots"
mkdir -p "$shots"

nonet=""
if unshare -n true 2>/dev/null; then
  nonet="unshare -n"
elif unshare -rn true 2>/dev/null; then
  nonet="unshare -rn"
fi

run_test () {
  env -u GTK_A11Y -u NO_AT_BRIDGE -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u LC_ALL -u LC_MESSAGES \
    XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    DELEGATE_LOCALEDIR="$build/po" \
    LANG=en_US.UTF-8 LANGUAGE=en \
    GDK_BACKEND=x11 \
    $nonet xvfb-run -a -n "$servernum" -s '-screen 0 1280x800x24 -noreset' \
    dbus-run-session -- /usr/bin/python3 "$here/test_notes_gui.py" "$exe" "$shots"
}

# Another run may take the same display number at the same moment: try again (exit 3).
attempt=1
while :; do
  servernum=$(( 100 + ($$ * 13 + attempt * 197) % 800 ))
  run_test
  rc=$?
  [ $rc -eq 3 ] && [ $attempt -lt 3 ] || exit $rc
  echo "note: the X server was taken by another run; trying again" >&2
  attempt=$((attempt + 1))
done
