#!/bin/sh
# `delegate --version` and `delegate --help`, as a delegate types them in a terminal: they
# answer at once, without a display, in the system's language.
# usage: check-cli.sh DELEGATE DELEGATE_FEED LOCALEDIR
set -u
app=$1
feed_tool=$2
export DELEGATE_LOCALEDIR=$3
unset DISPLAY WAYLAND_DISPLAY
fail=0

check () {
  # check WHAT EXPECTED OUTPUT
  case $3 in
    *"$2"*) echo "ok: $1" ;;
    *) printf '%s\n' "$3"; echo "FAIL: $1: expected “$2” in the above" >&2; fail=1 ;;
  esac
}

out=$(LANG=C.UTF-8 LANGUAGE= "$app" --version 2>&1) || { echo "FAIL: --version exited with $?" >&2; fail=1; }
check "--version names the app and its version" "Delegate " "$out"
version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$(dirname "$0")/../../meson.build" | head -1)
check "--version says $version" "Delegate $version" "$out"

out=$("$feed_tool" --version 2>&1) || { echo "FAIL: delegate-feed --version exited with $?" >&2; fail=1; }
check "delegate-feed --version says $version" "delegate-feed $version" "$out"

out=$(LANG=C.UTF-8 LANGUAGE= "$app" --help 2>&1) || { echo "FAIL: --help exited with $?" >&2; fail=1; }
check "--help says what may follow the command" "delegate [OPTION…] [ADDRESS-OR-FILE…]" "$out"
check "--help says what an address or file does" "ADDRESS-OR-FILE adds an event" "$out"
check "--help lists --version" "--version" "$out"

out=$(LANG=id_ID.UTF-8 LANGUAGE=id "$app" --help 2>&1) || { echo "FAIL: --help in Indonesian exited with $?" >&2; fail=1; }
check "--help in Indonesian" "ALAMAT-ATAU-BERKAS menambahkan sebuah acara" "$out"
check "--version's line in Indonesian" "Tampilkan versi Delegate" "$out"

exit $fail
