#!/bin/sh
# `delegate --version` and `delegate --help`, as a delegate types them in a terminal: they
# answer at once, without a display, in the system's language; so does `delegate ADDRESS` of an
# address that cannot be an event's.
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

# An address with its scheme mistyped, or one Delegate does not read, is said to be so at once,
# on the terminal, with the status of a failure: not taken for a file name.
for arg in "https//kupangkota.go.id/feed.json" "ftp://kupangkota.go.id/feed.json"; do
  out=$(cd "${TMPDIR:-/tmp}" && LANG=C.UTF-8 LANGUAGE= "$app" "$arg" 2>&1)
  status=$?
  [ $status -eq 1 ] && echo "ok: delegate $arg exits with 1" ||
    { printf '%s\n' "$out"; echo "FAIL: delegate $arg exited with $status, not 1" >&2; fail=1; }
  case $arg in
    https//*) check "delegate $arg says it is no web address" \
                "Could not add the event: “$arg” is not a valid web address" "$out" ;;
    *) check "delegate $arg says what Delegate reads" \
         "Delegate reads feeds from web addresses (https or http) and from files, not from “$arg”" "$out" ;;
  esac
done

exit $fail
