#!/usr/bin/env bash
# Runs Delegate's libFuzzer targets, one after the other, for a set time each.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 600); TARGETs default to all of them: feed
# json schedule-json schedule-xml markdown text notes-import pack.  Configures (once) and
# builds a clang build with -Dfuzzing=true in FUZZ_BUILD_DIR (default
# _build-fuzz), then runs each target under `nice` on a working corpus that
# grows across runs and stays out of git.  Prints a table: executions, exec/s,
# coverage (libFuzzer's cov: edges and ft: features) and what it found; the
# seconds are those it ran (less than asked when it found something).
#
# Environment: FUZZ_BUILD_DIR, FUZZ_OUT_DIR (default $FUZZ_BUILD_DIR/fuzz-out:
# <target>.log, corpus/<target>/, crashes/<target>/), FUZZ_JOBS (ninja -j, 2),
# FUZZ_NICE (10), FUZZ_RSS_MB (2048).  Exits 1 when any target found something.
#
# An input that crashes, leaks or hangs is saved in crashes/<target>/; once
# fixed, copy it to tests/fuzz/regressions/<target>/ so that the test suite
# replays it in every build (meson test --suite fuzz).
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
top=$(cd "$here/../.." && pwd)
all_targets=(feed json schedule-json schedule-xml markdown text notes-import pack)

seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
case $seconds in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
for t in "${targets[@]}"; do
  case " ${all_targets[*]} " in
    *" $t "*) ;;
    *) echo "unknown target: $t (known: ${all_targets[*]})" >&2; exit 2 ;;
  esac
done

build=$(readlink -m "${FUZZ_BUILD_DIR:-$top/_build-fuzz}")
out=$(readlink -m "${FUZZ_OUT_DIR:-$build/fuzz-out}")
jobs=${FUZZ_JOBS:-2}
niceness=${FUZZ_NICE:-10}
rss_mb=${FUZZ_RSS_MB:-2048}

say () { printf '== %s\n' "$*" >&2; }

# The longest input worth trying: feeds and schedules are tens of kilobytes,
# an abstract or a practice body a few.
max_len () {
  case $1 in
    feed|json|schedule-json|schedule-xml|pack) echo 131072 ;;
    *) echo 65536 ;;
  esac
}

dict () {
  case $1 in
    feed|json|schedule-json|notes-import) echo "$here/dict/json.dict" ;;
    schedule-xml) echo "$here/dict/xml.dict" ;;
    markdown|text) echo "$here/dict/markdown.dict" ;;
    *) ;;  # pack: binary fields, no words to suggest
  esac
}

if [ ! -f "$build/build.ninja" ]; then
  say "configuring $build (clang, -Dfuzzing=true)"
  CC=${CC:-clang} meson setup "$build" "$top" -Dfuzzing=true >&2
elif ! meson introspect --buildoptions "$build" | grep -q '"name": "fuzzing", "value": true'; then
  say "turning fuzzing on in $build"
  meson configure "$build" -Dfuzzing=true >&2
fi
say "building in $build"
# (and the pack target's seeds, which the build makes from the feed and schedule corpora)
ninja -C "$build" -j"$jobs" "${targets[@]/#/tests/fuzz/fuzz-}" tests/fuzz/pack-seeds.stamp >&2

mkdir -p "$out"
# GSlice off so that AddressSanitizer sees every allocation; criticals are
# fatal (fuzz_init); UBSan stops at the first report, with a stack.
export G_SLICE=always-malloc G_DEBUG=fatal-warnings NO_AT_BRIDGE=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
rows=()
for t in "${targets[@]}"; do
  work="$out/corpus/$t"
  crashes="$out/crashes/$t"
  log="$out/$t.log"
  mkdir -p "$work" "$crashes"
  if [ "$t" = pack ]; then
    inputs=("$work" "$build/tests/fuzz/corpus-pack")
  elif [ "$t" = json ]; then
    # (the JSON documents the other targets start from)
    inputs=("$work" "$here/corpus/feed" "$here/corpus/schedule-json" "$here/corpus/notes-import")
  else
    inputs=("$work" "$here/corpus/$t")
  fi
  d=$(dict "$t")
  [ -d "$here/regressions/$t" ] && inputs+=("$here/regressions/$t")

  say "fuzzing $t for ${seconds}s (log: $log)"
  rc=0
  started=$SECONDS
  nice -n "$niceness" "$build/tests/fuzz/fuzz-$t" \
    -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -max_len="$(max_len "$t")" \
    -timeout=30 ${d:+-dict="$d"} -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${inputs[@]}" >"$log" 2>&1 || rc=$?
  took=$((SECONDS - started))

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
                -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    say "$t: libFuzzer exited $rc; inputs in $crashes"
    grep -m3 -E 'ERROR: |fuzz: |runtime error|CRITICAL|WARNING' "$log" >&2 || true
  fi
  rows+=("$(printf '%-14s %8s %12s %8s %6s %7s %12s %6s' "$t" "$took" "${execs:-?}" \
            "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$found")")
done

printf '\n%-14s %8s %12s %8s %6s %7s %12s %6s\n' target seconds executions exec/s cov ft corpus found
printf '%s\n' "${rows[@]}"
printf '\nlogs and corpora: %s\n' "$out"
exit $status
