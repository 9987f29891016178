#!/usr/bin/env bash
# Runs each fuzz target of passes/singlepool for a bounded time, for CI.
#
#   FUZZTIME     time per target (default 20s; a bare number means seconds,
#                "500x" means iterations, as go test -fuzztime)
#   FUZZPARALLEL fuzzing processes per target (default: GOMAXPROCS)
#   FUZZTARGETS  space-separated targets to run (default: every Fuzz* test)
#
# A failing input is written by go test to
# passes/singlepool/testdata/fuzz/<Target>/<hash>; commit it with the fix,
# so that plain `go test` replays it from then on. The script runs every
# target and exits non-zero if any failed.
set -uo pipefail

cd "$(dirname "$0")/.."
pkg=./passes/singlepool
fuzztime=${FUZZTIME:-20s}
case $fuzztime in
*[0-9]) fuzztime=${fuzztime}s ;;
esac
parallel=()
if [ -n "${FUZZPARALLEL:-}" ]; then
	parallel=(-parallel "$FUZZPARALLEL")
fi

targets=${FUZZTARGETS:-}
if [ -z "$targets" ]; then
	if ! list=$(go test -list '^Fuzz' "$pkg"); then
		echo "fuzz.sh: cannot list the fuzz targets of $pkg:" >&2
		echo "$list" >&2
		exit 2
	fi
	targets=$(grep '^Fuzz' <<<"$list")
fi

failed=()
for t in $targets; do
	echo "=== $t (fuzztime $fuzztime)"
	start=$SECONDS
	if go test "$pkg" -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" "${parallel[@]}"; then
		echo "--- ok   $t ($((SECONDS - start))s)"
	else
		echo "--- FAIL $t ($((SECONDS - start))s): see the failing input above and under $pkg/testdata/fuzz/$t/"
		failed+=("$t")
	fi
done

if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz.sh: FAILED: ${failed[*]}" >&2
	exit 1
fi
echo "fuzz.sh: all targets passed"
