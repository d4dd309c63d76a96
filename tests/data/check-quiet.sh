#!/bin/sh
# Run a validator and fail if it fails or says anything at all on stdout or stderr:
# desktop-file-validate exits 0 on warnings and hints, which we want to hear about.
# usage: check-quiet.sh COMMAND [ARGS...]
out=$("$@" 2>&1)
rc=$?
if [ -n "$out" ]; then
  printf '%s\n' "$out"
  echo "FAIL: '$*' printed the above (exit $rc)" >&2
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  echo "FAIL: '$*' exited with $rc" >&2
  exit 1
fi
echo "ok: $*"
