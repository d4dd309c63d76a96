#!/bin/sh
# Every screenshot the metainfo names by a URL into this repository's main branch is a PNG that
# exists in the tree, so the software centre's picture cannot silently go missing.
# usage: check-screenshot.sh METAINFO SOURCE_ROOT
set -u
prefix=https://github.com/delegateapp/delegate/raw/main/
urls=$(sed -n 's|.*<image[^>]*>\(.*\)</image>.*|\1|p' "$1")
[ -n "$urls" ] || { echo "FAIL: $1 names no screenshot" >&2; exit 1; }
fail=0
for url in $urls; do
  case $url in
    "$prefix"*) path=${url#"$prefix"} ;;
    *) echo "FAIL: screenshot $url is not in this repository" >&2; fail=1; continue ;;
  esac
  if [ ! -f "$2/$path" ]; then
    echo "FAIL: $url: $path does not exist" >&2; fail=1
  elif ! head -c 8 "$2/$path" | od -An -c | grep -q 'P   N   G'; then
    echo "FAIL: $path is not a PNG" >&2; fail=1
  else
    echo "ok: $path"
  fi
done
exit $fail
