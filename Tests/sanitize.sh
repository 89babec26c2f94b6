#!/bin/sh
# Runs the whole test suite under ThreadSanitizer and then under AddressSanitizer (or the ones
# named), each built into its own scratch path (.build-tsan, .build-asan) so that the normal
# build is left alone. The tests start the `recall` built next to them, so every process they run
# is instrumented too. Prints the wall time of each; exits non-zero when any run fails.
# Usage: Tests/sanitize.sh [thread] [address]          (make test-sanitize SANITIZERS="…")
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
sanitizers=${*:-thread address}

# A report fails the run: TSan and ASan end the reporting process with a non-zero status, which
# every test checks. Swift's own backtracer is off: under ASan it faults while printing a crash,
# and the sanitizer's report is the one that matters.
export SWIFT_BACKTRACE=enable=no
# halt_on_error: the first race stops that process, so its report is not lost in later noise.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}"
# detect_leaks=0: LeakSanitizer reports the Swift runtime's and Foundation's caches (type
# metadata, bridged strings, the main thread's run loop), which live until exit by design, as
# leaks in every process; memory errors (overflow, use after free, double free) are still fatal.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0 halt_on_error=1}"
# Instrumented code runs several times slower: every wait in the tests gets more patience.
export RECALL_TEST_PATIENCE="${RECALL_TEST_PATIENCE:-4}"

summary=""
failed=0
for sanitizer in $sanitizers; do
    case "$sanitizer" in thread | address) ;; *)
        echo "usage: $0 [thread] [address]" >&2
        exit 2
        ;;
    esac
    case "$sanitizer" in thread) scratch=.build-tsan ;; address) scratch=.build-asan ;; esac
    start=$(date +%s)
    status=0
    echo "== $sanitizer sanitizer: building into $scratch"
    $SWIFT build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" || status=$?
    built=$(date +%s)
    if [ "$status" = 0 ]; then
        echo "== $sanitizer sanitizer: the whole suite"
        $SWIFT test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" || status=$?
    fi
    end=$(date +%s)
    line="$sanitizer sanitizer: build $((built - start)) s, tests $((end - built)) s, $([ "$status" = 0 ] && echo passed || echo "FAILED (status $status)")"
    echo "$line"
    summary="$summary$line
"
    [ "$status" = 0 ] || failed=1
done
printf '\n%s' "$summary"
exit $failed
