#!/usr/bin/env bash
# Robustness at scale: run singlepool over large real code bases and check
# that it never panics and never fails, only reports.
#
#   bash scripts/robustness.sh                 # everything (slow: ~1 h on 2 busy cores)
#   TARGETS="std xtools" MODES=standalone bash scripts/robustness.sh
#
# Targets (TARGETS, space-separated; default all four):
#   std       the Go standard library (`singlepool std`, `go vet -vettool=... std`)
#   xtools    golang.org/x/tools@v0.47.0 (./... of a writable copy of the module)
#   golangci  github.com/golangci/golangci-lint/v2@v2.15.0 (./... of a writable copy)
#   seaweedfs github.com/seaweedfs/seaweedfs (340 packages; the benchmark module of
#             bench/run.sh; its filer stores open MySQL, PostgreSQL, SQLite,
#             Redis, MongoDB, Cassandra and etcd clients: true reports)
# Modes (MODES; default both): standalone (the singlechecker command) and vet
# (go vet -vettool). Settings, each a run: the defaults (nothing
# allowlisted: every catalog constructor use is reported),
# `-single-conns -max-pools=1` (counting mode: only programs over the limit),
# and, unless STRESS=0, `-constructors=os.Open` (a stress run: os.Open is
# everywhere, so factory and package facts flow through the whole dependency
# graph and, under vet, through vet's fact files; its reports are counted and
# only the first few printed, since os.Open is no pool).
#
# Under vet, every run also gets -constructors=example.invalid/robustness<unique>.<target>,
# a constructor no code calls, so that go vet's result cache cannot replay
# another run's output (see run_target).
#
# Assertions, for every run:
#   - no "panic:" and no "goroutine N [" in the output;
#   - exit code 0 (clean) or 3 (standalone) / 1 (vet) findings, and with 3/1
#     at least one diagnostic line; every output line is a diagnostic
#     (FILE.go:L:C: message) or, under vet, a "# package" header.
# Every report is printed. docs/robustness.md records the verdict on each.
#
# OUT names the binary to build (default bin/singlepool). The module copies
# live in a fresh mktemp -d directory, removed on exit (KEEP=1 keeps it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$root/bin/singlepool}
TARGETS=${TARGETS:-std xtools golangci seaweedfs}
MODES=${MODES:-standalone vet}

XTOOLS=golang.org/x/tools@v0.47.0
GOLANGCI=github.com/golangci/golangci-lint/v2@v2.15.0
SEAWEEDFS=github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6

echo "+ go build -o $OUT ./cmd/singlepool"
(cd "$root" && go build -o "$OUT" ./cmd/singlepool)
case $OUT in /*) ;; *) OUT=$root/$OUT ;; esac

work=$(mktemp -d)
cleanup() {
	if [ "${KEEP:-}" = 1 ]; then
		echo "kept $work"
	else
		chmod -R u+w "$work" 2>/dev/null || true
		rm -rf "$work"
	fi
}
trap cleanup EXIT

# copy_module MOD@VER NAME: a writable copy of the module at $work/NAME with
# every dependency downloaded; prints its directory.
copy_module() {
	local modver=$1 name=$2 dir
	dir=$(cd "$work" && go mod download -json "$modver" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		echo "cannot download $modver" >&2
		return 1
	fi
	cp -r "$dir" "$work/$name"
	chmod -R u+w "$work/$name"
	(cd "$work/$name" && go mod download) >&2
	echo "$work/$name"
}

failures=0
summary=()
# A constructor that no code calls; see run_target's vet branch.
nocache=example.invalid/robustness$(date +%s)$$

# check LABEL CODE OUTFILE FINDINGS_CODE MODE
check() {
	local name=$1 code=$2 out=$3 findings_code=$4 mode=$5 diags bad
	diags=$(grep -cE '^[^ :]+\.go:[0-9]+:[0-9]+: ' "$out" || true)
	if grep -qE 'panic:|goroutine [0-9]+ \[' "$out"; then
		echo "FAIL $name: panic in the output" >&2
		failures=$((failures + 1))
	fi
	case $code in
	0)
		if [ "$diags" -ne 0 ]; then
			echo "FAIL $name: exit 0 with $diags diagnostics" >&2
			failures=$((failures + 1))
		fi
		;;
	"$findings_code")
		if [ "$diags" -eq 0 ]; then
			echo "FAIL $name: exit $code without a diagnostic (an error?)" >&2
			failures=$((failures + 1))
		fi
		;;
	*)
		echo "FAIL $name: exit $code (want 0 or $findings_code)" >&2
		failures=$((failures + 1))
		;;
	esac
	# Every line must be a diagnostic (or, under vet, a package header).
	if [ "$mode" = vet ]; then
		bad=$(grep -vE '^[^ :]+\.go:[0-9]+:[0-9]+: |^# ' "$out" || true)
	else
		bad=$(grep -vE '^[^ :]+\.go:[0-9]+:[0-9]+: ' "$out" || true)
	fi
	if [ -n "$bad" ]; then
		echo "FAIL $name: output lines that are not diagnostics:" >&2
		printf '%s\n' "$bad" | head -20 >&2
		failures=$((failures + 1))
	fi
	summary+=("$(printf '%-70s exit %-3s %4d reports  %4ss' "$name" "$code" "$diags" "$SECONDS")")
}

# run_target KEY NAME DIR PATTERN
run_target() {
	local key=$1 tname=$2 dir=$3 pattern=$4 mode settings label out code n vflags
	local all=("" "-single-conns -max-pools=1")
	if [ "${STRESS:-1}" != 0 ]; then
		all+=("-constructors=os.Open")
	fi
	for mode in $MODES; do
		n=0
		for settings in "${all[@]}"; do
			n=$((n + 1))
			label="$tname $mode ${settings:-(defaults)}"
			out=$work/out.$key.$mode.$n
			echo
			echo "=== $label"
			SECONDS=0
			set +e
			# shellcheck disable=SC2086 # settings is a list of flags
			if [ "$mode" = standalone ]; then
				echo "+ (cd $dir && $OUT $settings $pattern)"
				(cd "$dir" && "$OUT" $settings "$pattern") >"$out" 2>&1
				code=$?
			else
				# go vet caches each package's vet output under a key that
				# includes the analyzer flags but not whether the package
				# was vetted as a root or only for facts (a dependency):
				# a package vetted first as a dependency then replays
				# "no diagnostics" as a root, and the other way round
				# its diagnostics show up under another root (go1.26.8,
				# stock vet too). A constructor no code calls, unique to this
				# script run and target, gives every run a fresh key.
				case $settings in
				-constructors=*) vflags="$settings,$nocache.$key" ;;
				*) vflags="$settings -constructors=$nocache.$key" ;;
				esac
				echo "+ (cd $dir && go vet -vettool=$OUT $vflags $pattern)"
				(cd "$dir" && go vet -vettool="$OUT" $vflags "$pattern") >"$out" 2>&1
				code=$?
			fi
			set -e
			case $settings in
			-constructors=*)
				head -5 "$out"
				echo "... ($(wc -l <"$out") lines; stress run, not verified by hand)"
				;;
			*) cat "$out" ;;
			esac
			if [ "$mode" = standalone ]; then
				check "$label" "$code" "$out" 3 "$mode"
			else
				check "$label" "$code" "$out" 1 "$mode"
			fi
		done
	done
}

for t in $TARGETS; do
	case $t in
	std)
		# `std` names the same packages from any directory; run outside
		# any module so no go.mod interferes.
		run_target std std "$work" std
		;;
	xtools)
		dir=$(copy_module "$XTOOLS" xtools)
		run_target xtools "$XTOOLS" "$dir" ./...
		;;
	golangci)
		dir=$(copy_module "$GOLANGCI" golangci-lint)
		run_target golangci "$GOLANGCI" "$dir" ./...
		;;
	seaweedfs)
		dir=$(copy_module "$SEAWEEDFS" seaweedfs)
		run_target seaweedfs "$SEAWEEDFS" "$dir" ./...
		;;
	*)
		echo "unknown target $t (want std, xtools, golangci, seaweedfs)" >&2
		exit 2
		;;
	esac
done

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
if [ "$failures" -ne 0 ]; then
	echo "robustness: $failures failures" >&2
	exit 1
fi
echo "robustness: no panics, no errors; every report is printed above (verdicts: docs/robustness.md)"
