#!/bin/sh
# The app icon and its symbolic variant exist under the app ID's name, are well-formed SVG,
# and the symbolic one is drawn on the 16x16 grid in one colour.
# usage: check-icons.sh ICONS_DIR APP_ID
set -u
scalable=$1/hicolor/scalable/apps/$2.svg
symbolic=$1/hicolor/symbolic/apps/$2-symbolic.svg
fail=0
for f in "$scalable" "$symbolic"; do
  if [ ! -f "$f" ]; then echo "FAIL: $f is missing" >&2; fail=1; continue; fi
  xmllint --noout "$f" || { echo "FAIL: $f is not well-formed XML" >&2; fail=1; }
done
[ $fail -eq 0 ] || exit 1
box=$(xmllint --xpath 'string(/*[local-name()="svg"]/@viewBox)' "$symbolic")
[ "$box" = "0 0 16 16" ] || { echo "FAIL: $symbolic has viewBox '$box', not '0 0 16 16'" >&2; fail=1; }
colours=$(grep -o 'fill="#[0-9a-fA-F]*"' "$symbolic" | sort -u | wc -l)
[ "$colours" -eq 1 ] || { echo "FAIL: $symbolic uses $colours fill colours, not one" >&2; fail=1; }
[ $fail -eq 0 ] && echo "ok: $scalable, $symbolic"
exit $fail
