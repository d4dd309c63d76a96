#!/bin/sh
# Runs one of the GUI tests (a Python script that drives Delegate through the accessibility
# tree, as a person would) under a private X server (Xvfb) and a private session bus, in a home
# of its own (fresh XDG data, cache and config directories, keyfile GSettings inside them) and,
# unless --network is given, with no network at all.
#
# usage: run-gui-test.sh [--network] LANGUAGE(en|id) BUILD_ROOT SCRIPT ARG...
#
# SCRIPT gets the ARGs; by the convention of every GUI test here, the last one is the directory
# for its screenshots, emptied first.  --network keeps the machine's network, for a test that
# serves its feeds on 127.0.0.1 (in a new network namespace the loopback device is down).
set -u

network=no
if [ "${1-}" = "--network" ]; then
  network=yes
  shift
fi
lang=$1
build=$2
script=$3
shift 3
for shots; do :; done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/delegate-gui-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/cache" "$tmp/config" "$tmp/runtime"
chmod 700 "$tmp/runtime"
rm -rf "$shots"
mkdir -p "$shots"

# No network: a new network namespace has only a loopback device, which is down. Xvfb, the
# session bus and the accessibility bus all live inside it, on Unix sockets.
nonet=""
if [ $network = no ]; then
  if unshare -n true 2>/dev/null; then
    nonet="unshare -n"
  elif unshare -rn true 2>/dev/null; then
    nonet="unshare -rn"
  else
    echo "note: cannot make a network namespace here; the app still runs from its built-in feed" >&2
  fi
fi

# A delegate's system locale, not only LANGUAGE: weekday and month names come from LC_TIME.
# ./.ci/dev generates both locales.
case $lang in
  en) language=en; locale=en_US.UTF-8 ;;
  id) language=id; locale=id_ID.UTF-8 ;;
  *) echo "unknown language $lang" >&2; exit 2 ;;
esac

run_test () {
  # Unit-test settings that would hide the app from the accessibility tree are dropped, and
  # proxies, which would take the test's own feed server out of reach.
  env -u GTK_A11Y -u NO_AT_BRIDGE -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u LC_ALL -u LC_MESSAGES -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY \
    XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    DELEGATE_LOCALEDIR="$build/po" \
    LANG="$locale" LANGUAGE="$language" \
    GDK_BACKEND=x11 \
    $nonet xvfb-run -a -n "$servernum" -s '-screen 0 1280x800x24 -noreset' \
    dbus-run-session -- /usr/bin/python3 "$script" "$@"
}

# Xvfb runs with -noreset: by default it resets when its first client (the accessibility bus
# launcher) leaves, and an app connecting at that moment cannot open the display. Two xvfb-run -a
# started at the same moment (other test runs on this machine) can also pick the same display
# number: each test starts the search at a number of its own, and tries again if the app still
# cannot open its display (the test exits with 3).
seed=$(printf '%s %s' "$script" "$lang" | cksum | cut -d ' ' -f 1)
attempt=1
while :; do
  servernum=$(( 100 + ($$ * 7 + seed + attempt * 131) % 800 ))
  run_test "$@"
  rc=$?
  [ $rc -eq 3 ] && [ $attempt -lt 3 ] || exit $rc
  echo "note: the X server was taken by another run; trying again" >&2
  attempt=$((attempt + 1))
done
