#!/bin/sh
# The end-to-end test: install the build into a private root, then run the installed app the way
# a delegate's desktop would, with nothing but the installed files, under a private X server
# (Xvfb), a private session bus and private XDG directories, with no network but loopback, and
# drive it with test_e2e.py through the accessibility tree and the keyboard.
#
# usage: run-e2e.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID FEED SCREENSHOT_DIR
#   MESON      the meson command that configured BUILD_ROOT
#   PREFIX ... the directories the build installs into (meson's prefix, bindir, datadir and
#              localedir options; the last three relative to PREFIX or absolute)
#   APP_ID     the application ID the build installs its files under
#   FEED       the feed the test's web server publishes (with another event id and title)
set -u
here=$(dirname "$(readlink -f "$0")")
meson=$1
build=$2
prefix=$3
bindir=$4
datadir=$5
localedir=$6
app_id=$7
feed=$8
shots=$9

abs () {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$prefix/$1" ;;
  esac
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/delegate-e2e-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
home=$tmp/home
mkdir -p "$home/.config" "$home/.local/share" "$home/.cache" "$home/.local/state" \
  "$tmp/runtime" "$tmp/schemas"
chmod 700 "$tmp/runtime"
rm -rf "$shots"
mkdir -p "$shots"

# Install what the build made, as a packager would, into a root of our own (no rebuild: meson
# test has built everything already).
if ! $meson install -C "$build" --destdir "$root" --no-rebuild --skip-subprojects --quiet \
     >"$shots/install.log" 2>&1; then
  cat "$shots/install.log" >&2
  echo "FAIL: meson install --destdir failed" >&2
  exit 1
fi
exe=$root$(abs "$bindir")/delegate
share=$root$(abs "$datadir")
locale=$root$(abs "$localedir")
for f in "$exe" "$share/glib-2.0/schemas/$app_id.gschema.xml" \
         "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml" \
         "$locale/id/LC_MESSAGES/delegate.mo"; do
  [ -e "$f" ] || { echo "FAIL: the installation has no $f" >&2; exit 1; }
done

# The schema as installed, compiled as the package's post-install step would (meson skips that
# step under --destdir).
if ! glib-compile-schemas --strict --targetdir="$tmp/schemas" "$share/glib-2.0/schemas"; then
  echo "FAIL: the installed schema does not compile" >&2
  exit 1
fi

# No network but loopback: a new network namespace has a loopback device only (test_e2e.py
# brings it up, and serves the feed on it). Xvfb, the session bus and the accessibility bus all
# live inside it, on Unix sockets.
nonet=""
if unshare -n true 2>/dev/null; then
  nonet="unshare -n"
elif unshare -rn true 2>/dev/null; then
  nonet="unshare -rn"
else
  echo "note: cannot make a network namespace here; the app can reach the network" >&2
fi

run_test () {
  # Unit-test settings that would hide the app from the accessibility tree are dropped, and so
  # is every variable that would lead the app out of its private directories or to a proxy.
  env -u GTK_A11Y -u NO_AT_BRIDGE -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u LC_ALL -u LC_MESSAGES -u G_TEST_SRCDIR -u G_TEST_BUILDDIR -u G_DEBUG \
    -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u no_proxy -u NO_PROXY \
    -u XDG_DATA_DIRS -u XDG_CONFIG_DIRS \
    HOME="$home" \
    XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    XDG_DATA_DIRS="$share:/usr/share" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$tmp/schemas" \
    DELEGATE_LOCALEDIR="$locale" \
    DELEGATE_E2E_NONET="${nonet:+1}" \
    LANG=en_US.UTF-8 LANGUAGE=en GDK_BACKEND=x11 \
    $nonet xvfb-run -a -n "$servernum" -s '-screen 0 1400x900x24 -noreset' \
    dbus-run-session -- /usr/bin/python3 "$here/test_e2e.py" "$exe" "$feed" "$shots"
}

# Xvfb runs with -noreset (see tests/gui/run-gui-test.sh). Two runs may pick the same display
# number at the same moment: start at a number of our own, and try again when the app cannot
# open its display (test_e2e.py exits with 3).
attempt=1
while :; do
  servernum=$(( 100 + ($$ * 17 + attempt * 233) % 800 ))
  run_test
  rc=$?
  [ $rc -eq 3 ] && [ $attempt -lt 3 ] || exit $rc
  echo "note: the X server was taken by another run; trying again" >&2
  attempt=$((attempt + 1))
done
