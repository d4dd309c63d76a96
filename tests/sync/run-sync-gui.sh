#!/bin/sh
# The app against a feed server on 127.0.0.1 that goes away, under Xvfb and a private session
# bus, in a home of its own (fresh XDG data, cache and config directories).
#
# usage: run-sync-gui.sh DELEGATE BUILD_ROOT FIXTURE SCREENSHOT_DIR
set -u
here=$(dirname "$(readlink -f "$0")")
exe=$1
build=$2
fixture=$3
shots=$4

tmp=$(mktemp -d "${TMPDIR:-/tmp}/delegate-sync-gui-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/cache" "$tmp/config" "$tmp/runtime"
chmod 700 "$tmp/runtime"
rm -rf "$shots"
mkdir -p "$shots"

attempt=1
while :; do
  servernum=$(( 100 + ($$ * 11 + attempt * 137) % 800 ))
  env -u GTK_A11Y -u NO_AT_BRIDGE -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u LC_ALL -u LC_MESSAGES -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY \
    XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    DELEGATE_LOCALEDIR="$build/po" LANG=en_US.UTF-8 LANGUAGE=en GDK_BACKEND=x11 \
    xvfb-run -a -n "$servernum" -s '-screen 0 1280x800x24 -noreset' \
    dbus-run-session -- /usr/bin/python3 "$here/test_sync_gui.py" "$exe" "$fixture" "$shots"
  rc=$?
  [ $rc -eq 3 ] && [ $attempt -lt 3 ] || exit $rc
  echo "note: the X server was taken by another run; trying again" >&2
  attempt=$((attempt + 1))
done
