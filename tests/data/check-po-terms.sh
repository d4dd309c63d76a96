#!/bin/sh
# The Indonesian interface names each thing one way, the way a delegate says it: a word that
# crept into one message for what every other message calls otherwise fails here.
#   umpan  ("bait"; a calque of "feed"): the event's feed is "data acara" everywhere else.
# usage: check-po-terms.sh SOURCE_ROOT
set -u
po=$1/po/id.po
fail=0
check () {
  word=$1 instead=$2
  hits=$(msgcat --no-wrap "$po" | grep '^msgstr' | grep -iwn -- "$word")
  if [ -n "$hits" ]; then
    echo "FAIL: po/id.po says “$word” where the interface says “$instead”:" >&2
    printf '%s\n' "$hits" | sed 's/^/  /' >&2
    fail=1
  fi
}
check umpan "data acara"
[ $fail -eq 0 ] && echo "po/id.po: every term as the interface names it"
exit $fail
