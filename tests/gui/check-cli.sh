#!/bin/sh
# `delegate --version` and `delegate --help`, as a delegate types them in a terminal: they
# answer at once, without a display, in the system's language; so does `delegate ADDRESS` of an
# address that cannot be an event's, as `delegate-feed validate` does.
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

# Help asked for beside an address that cannot be an event's is help, not a complaint.
out=$(LANG=C.UTF-8 LANGUAGE= "$app" --help ftp://kupangkota.go.id/feed.json 2>&1) ||
  { echo "FAIL: --help before a bad address exited with $?" >&2; fail=1; }
check "--help before a bad address gives the help" "ADDRESS-OR-FILE adds an event" "$out"
out=$(LANG=C.UTF-8 LANGUAGE= "$app" ftp://kupangkota.go.id/feed.json --version 2>&1) ||
  { echo "FAIL: --version after a bad address exited with $?" >&2; fail=1; }
check "--version after a bad address gives the version" "Delegate " "$out"

# An address with its scheme mistyped, or one Delegate does not read, is said to be so at once,
# on the terminal, with the status of a failure: not taken for a file name.  delegate-feed says
# the same of it, in the same words.
for arg in "https//kupangkota.go.id/feed.json" "ftp://kupangkota.go.id/feed.json"; do
  case $arg in
    https//*) said="“$arg” is not a valid web address" ;;
    *) said="Delegate reads feeds from web addresses (https or http) and from files, not from"
       said="$said “$arg”" ;;
  esac
  out=$(cd "${TMPDIR:-/tmp}" && LANG=C.UTF-8 LANGUAGE= "$app" "$arg" 2>&1)
  status=$?
  [ $status -eq 1 ] && echo "ok: delegate $arg exits with 1" ||
    { printf '%s\n' "$out"; echo "FAIL: delegate $arg exited with $status, not 1" >&2; fail=1; }
  check "delegate $arg says why" "Could not add the event: $said" "$out"
  out=$(cd "${TMPDIR:-/tmp}" && LANG=C.UTF-8 LANGUAGE= "$feed_tool" validate "$arg" 2>&1)
  status=$?
  [ $status -eq 1 ] && echo "ok: delegate-feed validate $arg exits with 1" ||
    { printf '%s\n' "$out"; echo "FAIL: delegate-feed validate $arg exited with $status" >&2
      fail=1; }
  check "delegate-feed validate $arg says why as the app does" "$arg: not usable:
  $said" "$out"
done

# delegate-feed reads an address without its scheme as the app does: as the address (no server
# listens on port 1), unless a file of that name is there; a file that is not there is said so
# in the app's words (tests/gui/test_app.py: check_open_missing), not in GIO's.
dir=$(mktemp -d "${TMPDIR:-/tmp}/delegate-cli-XXXXXX")
trap 'rm -rf "$dir"' EXIT
out=$(cd "$dir" && env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY LANG=C.UTF-8 \
        LANGUAGE= "$feed_tool" validate 127.0.0.1:1/feed.json 2>&1)
check "delegate-feed validate 127.0.0.1:1/feed.json asks that address" \
  "Could not connect to 127.0.0.1" "$out"
mkdir -p "$dir/127.0.0.1:1"
printf '{"delegate_feed": 1, "event": {"id": "e", "title": "E", %s}}' \
  '"time_zone": "Asia/Makassar", "start": "2019-10-16"' > "$dir/127.0.0.1:1/feed.json"
out=$(cd "$dir" && LANG=C.UTF-8 LANGUAGE= "$feed_tool" validate 127.0.0.1:1/feed.json 2>&1)
check "delegate-feed validate 127.0.0.1:1/feed.json reads the file of that name" \
  "127.0.0.1:1/feed.json: usable: 0 sessions" "$out"
out=$(cd "$dir" && LANG=C.UTF-8 LANGUAGE= "$feed_tool" validate no-such-feed.json 2>&1)
check "delegate-feed validate of a file that is not there says so as the app does" \
  "There is no file at “$dir/no-such-feed.json”" "$out"
# A folder, where the event's file was saved, is said to be one, not "not a regular file".
out=$(cd "$dir" && LANG=C.UTF-8 LANGUAGE= "$feed_tool" validate 127.0.0.1:1 2>&1)
check "delegate-feed validate of a folder says so as the app does" \
  "“$dir/127.0.0.1:1” is a folder: choose the event’s file in it" "$out"

exit $fail
