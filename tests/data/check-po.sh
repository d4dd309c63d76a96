#!/bin/sh
# Every translation listed in po/LINGUAS is complete for the strings the sources have today:
# - po/POTFILES.in lists exactly the files under src/ and data/ that have translatable strings;
# - a template freshly extracted from them (as `ninja delegate-pot` would) is merged into a
#   copy of each po file, and msgfmt must count no untranslated and no fuzzy message;
# - the po file itself passes msgfmt --check (format strings, headers) with the same result.
# usage: check-po.sh SOURCE_ROOT
set -u
top=$1
po=$top/po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. POTFILES.in is complete, sorted and current.
grep -v '^#' "$po/POTFILES.in" | sed '/^[[:space:]]*$/d' >"$tmp/listed"
(cd "$top" && grep -rlE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_)\("|translatable="yes"' src data \
   --include='*.c' --include='*.h' --include='*.ui' --include='*.in' --include='*.xml' \
 ; ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml.in 2>/dev/null) \
  | sort -u >"$tmp/found"
if ! sort -c "$tmp/listed" 2>/dev/null; then
  echo "FAIL: po/POTFILES.in is not sorted" >&2; fail=1
fi
sort -u "$tmp/listed" >"$tmp/listed.sorted"
missing=$(comm -13 "$tmp/listed.sorted" "$tmp/found")
if [ -n "$missing" ]; then
  echo "FAIL: files with translatable strings missing from po/POTFILES.in:" >&2
  echo "$missing" | sed 's/^/  /' >&2; fail=1
fi
while read -r f; do
  [ -f "$top/$f" ] || { echo "FAIL: po/POTFILES.in lists $f, which does not exist" >&2; fail=1; }
done <"$tmp/listed"

# 2. A fresh template, with the arguments of meson's i18n.gettext(preset: 'glib').
if ! (cd "$top" && xgettext --package-name=delegate --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format \
      -f "$tmp/listed" -o "$tmp/delegate.pot"); then
  echo "FAIL: xgettext could not extract the strings" >&2
  exit 1
fi
total=$(msgattrib --no-obsolete "$tmp/delegate.pot" 2>/dev/null | grep -c '^msgid ')
echo "template: $((total - 1)) messages"

# 3. Each language is complete.
langs=$(grep -v '^#' "$po/LINGUAS" | tr -s ' \n' '  ')
[ -n "$langs" ] || { echo "FAIL: po/LINGUAS lists no language" >&2; fail=1; }
for lang in $langs; do
  file=$po/$lang.po
  if [ ! -f "$file" ]; then
    echo "FAIL: po/$lang.po is missing" >&2; fail=1; continue
  fi
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$file" 2>&1); then
    printf '%s\n' "$stats" >&2
    echo "FAIL: po/$lang.po does not pass msgfmt --check" >&2; fail=1; continue
  fi
  echo "po/$lang.po: $stats"
  case $stats in
    *fuzzy*|*untranslated*) echo "FAIL: po/$lang.po has fuzzy or untranslated messages" >&2; fail=1 ;;
  esac
  if ! msgmerge --quiet -o "$tmp/$lang.po" "$file" "$tmp/delegate.pot"; then
    echo "FAIL: msgmerge of po/$lang.po failed" >&2; fail=1; continue
  fi
  merged=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "po/$lang.po merged with a fresh template: $merged"
  case $merged in
    *fuzzy*|*untranslated*)
      echo "FAIL: po/$lang.po lacks translations of current strings:" >&2
      { msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po"
        msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po"; } 2>/dev/null \
        | grep '^msgid "..*"$' | sed 's/^/  /' >&2
      fail=1 ;;
  esac
done
exit $fail
