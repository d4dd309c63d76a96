#!/bin/sh
# Start a private X server (Xvfb) and a private session bus, then drive Delegate through the
# accessibility tree with test_app.py, as a person would use it: no network, and a home of its
# own (fresh XDG data, cache and config directories, keyfile GSettings inside them).
#
# usage: run-gui-test.sh DELEGATE BUILD_ROOT LANGUAGE(en|id) SCREENSHOT_DIR
set -u
here=$(dirname "$(readlink -f "$0")")
exe=$1
build=$2
lang=$3
shots=$4

tmp=$(mktemp -d "${TMPDIR:-/tmp}/delegate-gui-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/cache" "$tmp/config" "$tmp/runtime"
chmod 700 "$tmp/runtime"
rm -rf "$shots"
mkdir -p "$shots"

# No network: a new network namespace has only a loopback device, which is down. Xvfb, the
# session bus and the accessibility bus all live inside it, on Unix sockets.
nonet=""
if unshare -n true 2>/dev/null; then
  nonet="unshare -n"
elif unshare -rn true 2>/dev/null; then
  nonet="unshare -rn"
else
  echo "note: cannot make a network namespace here; the app still runs from its built-in feed" >&2
fi

# A delegate's system locale, not only LANGUAGE: weekday and month names come from LC_TIME.
# ./.ci/dev generates both locales.
case $lang in
  en) language=en; locale=en_US.UTF-8 ;;
  id) language=id; locale=id_ID.UTF-8 ;;
  *) echo "unknown language $lang" >&2; exit 2 ;;
esac

run_test () {
  # Unit-test settings that would hide the app from the accessibility tree are dropped.
  env -u GTK_A11Y -u NO_AT_BRIDGE -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u LC_ALL -u LC_MESSAGES \
    XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    DELEGATE_LOCALEDIR="$build/po" \
    LANG="$locale" LANGUAGE="$language" \
    GDK_BACKEND=x11 \
    $nonet xvfb-run -a -n "$servernum" -s '-screen 0 1280x800x24 -noreset' \
    dbus-run-session -- /usr/bin/python3 "$here/test_app.py" "$exe" "$lang" "$shots"
}

# Xvfb runs with -noreset: by default it resets when its first client (the accessibility bus
# launcher) leaves, and an app connecting at that moment cannot open the display. Two xvfb-run -a
# started at the same moment (other test runs on this machine) can also pick the same display
# number: start the search at a number of our own, and try again if the app still cannot open
# its display (test_app.py exits with 3).
attempt=1
while :; do
  servernum=$(( 100 + ($$ * 7 + attempt * 131) % 800 ))
  run_test
  rc=$?
  [ $rc -eq 3 ] && [ $attempt -lt 3 ] || exit $rc
  echo "note: the X server was taken by another run; trying again" >&2
  attempt=$((attempt + 1))
done
