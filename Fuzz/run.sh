#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/Package.swift) and runs each for FUZZ_SECONDS on its corpus;
# prints and keeps (.build-fuzz/fuzz-summary.txt) the executions and libFuzzer's final coverage.
#   Fuzz/run.sh                          every target, FUZZ_SECONDS each (default 60)
#   FUZZ_RUNS=500 Fuzz/run.sh            the smoke run `make test` does: the committed seeds, then a
#                                        fixed number of mutations from a fixed seed (FUZZ_SEED,
#                                        default 1), the same on every machine however fast
#   FUZZ_TARGETS="deck-file anki-html" Fuzz/run.sh
# New inputs go to .build-fuzz/corpus/<target> (the committed seeds in Fuzz/corpus/<target> are
# only read); a crash is saved to .build-fuzz/artifacts/<target>/ and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
RUNS=${FUZZ_RUNS:-}
TARGETS=${FUZZ_TARGETS:-deck-file deck-yaml anki-html anki-package progress-log known-hosts harness-output}
SCRATCH=.build-fuzz
SUMMARY=$SCRATCH/fuzz-summary.txt

# FUZZ_NO_BUILD=1 skips the build (when it is done already, e.g. for several run.sh at once).
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  build_start=$(date +%s)
  # ld.gold warns once per ASan helper symbol it cannot export; those lines are noise.
  if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
      | grep -v "Cannot export local symbol" > "$SCRATCH.build.log"; then
    cat "$SCRATCH.build.log"
    exit 1
  fi
  grep -q "error:" "$SCRATCH.build.log" && { cat "$SCRATCH.build.log"; exit 1; }
  mv "$SCRATCH.build.log" "$SCRATCH/build.log"
  echo "fuzz targets built in $(( $(date +%s) - build_start )) s"
fi

printf '%-16s %8s %12s %8s %8s  %s\n' target seconds executions cov ft result | tee "$SUMMARY"
failed=0
for target in $TARGETS; do
  binary=$SCRATCH/debug/fuzz-$target
  work=$SCRATCH/corpus/$target
  # A time-bound run is exploration: random seed, and what it finds is kept for the next run. A
  # counted run is a check (`make test`): it must not depend on the machine's speed or on earlier
  # runs, so it starts from the committed seeds alone and throws its new inputs away.
  budget=(-max_total_time="$SECONDS_EACH")
  if [ -n "$RUNS" ]; then
    work=$SCRATCH/smoke-corpus/$target
    rm -rf "$work"
    budget=(-runs="$RUNS" -seed="${FUZZ_SEED:-1}")
  fi
  artifacts=$SCRATCH/artifacts/$target/
  log=$SCRATCH/logs/$target.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  start=$(date +%s)
  status=0
  # Leak checks off: Swift's runtime and Foundation keep caches that LeakSanitizer reports at the
  # first input; memory growth is still caught by -rss_limit_mb. The Swift backtracer is off so that
  # a trap reaches libFuzzer's handler directly (under ASan the backtracer itself faults).
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} SWIFT_BACKTRACE=enable=no "$binary" "$work" "Fuzz/corpus/$target" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="$artifacts" > "$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  if [ "$status" = 0 ]; then
    result=ok
  else
    result="FAILED (exit $status): $(grep -m1 -E 'ERROR: |Fatal error|property failed' "$log" || echo "see $log") $(grep -o "Test unit written to .*" "$log" | tail -1)"
    failed=1
  fi
  printf '%-16s %8s %12s %8s %8s  %s\n' "$target" "$elapsed" "${executions:-?}" "${cov:-?}" "${ft:-?}" "$result" \
    | tee -a "$SUMMARY"
  # Totals across runs, for the issue's "executions and coverage so far".
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" "${executions:-0}" "${cov:-0}" \
    "$result" >> "$SCRATCH/fuzz-history.tsv"
done
exit $failed
