#!/bin/sh
# The built desktop entry and metainfo carry the Indonesian translation (Name[id], summary).
# usage: check-translated-data.sh DESKTOP_FILE METAINFO_FILE
set -u
fail=0
for key in Name Comment Keywords; do
  grep -q "^$key\[id\]=" "$1" || { echo "FAIL: $1 has no $key[id]" >&2; fail=1; }
done
grep -q '<summary xml:lang="id">' "$2" || { echo "FAIL: $2 has no Indonesian summary" >&2; fail=1; }
[ $fail -eq 0 ] && echo "ok: Indonesian in $1 and $2"
exit $fail
