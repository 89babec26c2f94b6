#!/bin/sh
# Runs the whole test suite on a machine slowed down on purpose, to show that no test depends on the
# machine's speed or on what else runs:
#   busy     every core kept busy by another process (one busy loop per core) for the whole run
#   onecore  the suite and everything it starts confined to one core (taskset -c 0)
#   both     busy, then onecore (the default)
# Prints the wall time of each run; exits non-zero when any run fails.
# Usage: Tests/stress-ci.sh [busy|onecore|both]      (make test-stress MODE=…)
set -eu
mode=${1:-both}
case "$mode" in busy | onecore | both) ;; *)
    echo "usage: $0 [busy|onecore|both]" >&2
    exit 2
    ;;
esac
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
command -v taskset >/dev/null || { echo "taskset is missing (Debian package util-linux)" >&2; exit 1; }

# Built at full speed first: the slowed-down runs measure the tests, not the compiler.
$SWIFT build --build-tests

summary=""
failed=0

run() { # NAME COMMAND...: runs the suite, records its wall time and status
    name=$1
    shift
    echo "== stress $name: $*"
    start=$(date +%s)
    status=0
    "$@" || status=$?
    seconds=$(($(date +%s) - start))
    line="stress $name: $seconds s wall, $([ "$status" = 0 ] && echo passed || echo "FAILED (status $status)")"
    echo "$line"
    summary="$summary$line
"
    [ "$status" = 0 ] || failed=1
}

busy_pids=""
stop_busy() {
    [ -z "$busy_pids" ] && return 0
    # shellcheck disable=SC2086 # a list of pids
    kill $busy_pids 2>/dev/null || true
    wait $busy_pids 2>/dev/null || true
    busy_pids=""
}
trap stop_busy EXIT
trap 'stop_busy; exit 130' INT
trap 'stop_busy; exit 143' TERM

if [ "$mode" = busy ] || [ "$mode" = both ]; then
    cores=$(nproc)
    i=0
    while [ "$i" -lt "$cores" ]; do
        (while :; do :; done) &
        busy_pids="$busy_pids $!"
        i=$((i + 1))
    done
    run "busy ($cores busy loops beside the suite)" $SWIFT test --skip-build
    stop_busy
fi
if [ "$mode" = onecore ] || [ "$mode" = both ]; then
    run "onecore (taskset -c 0)" taskset -c 0 $SWIFT test --skip-build
fi

printf '\n%s' "$summary"
exit $failed
