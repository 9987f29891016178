#!/usr/bin/env bash
# Measures singlepool against the type-checking floor on a large real module.
#
#   bash bench/run.sh                 # ROUNDS=5
#   ROUNDS=3 bash bench/run.sh
#
# What it runs, ROUNDS times, in an order that alternates every round (so
# drift on a busy machine hits every tool alike), each command timed by
# /usr/bin/time (wall, user+sys CPU, peak RSS):
#
#   go vet -vettool=singlepool ./...   vs  go vet -vettool=noop ./...   (and noopfacts)
#   singlepool ./...                   vs  noop ./...                   (and noopfacts)
#   golangci-lint run (singlepool)     vs  golangci-lint run (forbidigo, same names)
#
# noop (bench/noop) is a singlechecker whose Run does nothing. It declares
# no FactTypes, so go/packages reads every dependency from export data: the
# honest floor for "singlepool, facts included". noopfacts is the same
# program declaring one fact type: singlechecker then type-checks the whole
# program from source, which is what singlepool's own loader
# (internal/driver) avoids. See bench/noop/main.go.
#
# The module analyzed: MODULE (default
# github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6, 340
# packages of its own, 2,725 with dependencies and tests; its filer stores
# use database/sql, pgx, go-redis, mongo-driver, gocql and etcd, so facts
# really flow), downloaded from the module proxy and copied to a scratch
# directory. Cold, its build takes ~10 min on 2 cores; a GOCACHE kept
# between runs saves that.
#
# Environment:
#   ROUNDS=5         measured rounds
#   ROUNDS_VET, ROUNDS_SA, ROUNDS_GCL  measured rounds of one comparison
#                    (default ROUNDS): standalone runs take seconds, go vet
#                    runs a minute, and the noise of a shared machine wants
#                    many rounds
#   WARMUP=1         unmeasured rounds first (each command once): fills the
#                    build cache with export data and the page cache
#   MODULE=path@ver  the module to analyze
#   GCL=path         a golangci-lint with the singlepool plugin; default:
#                    built by scripts/build-golangci-lint.sh into the scratch
#                    directory (10-20 s with a warm build cache, 5 min cold)
#   SKIP_GCL=1       leave out the golangci-lint comparison
#   ONLY="vet sa gcl" which comparisons to run
#   BASELINES="noop noopfacts"  the floors singlepool is compared with under
#                    go vet and standalone (bench/set.sh passes "noop")
#   RATIOS=path      also write the same-round ratios, machine-readable (TSV:
#                    comparison, column, median, min, max, rounds), and the
#                    module's package counts and singlepool's profile share
#   KEEP=1           keep the scratch directory (logs of every run)
#   OUT=path         the markdown results (default .build/bench-results.md)
#
# Caching, and how each run is made to really analyze:
#
# * go vet caches vet results. cmd/go (src/cmd/go/internal/work/exec.go,
#   (*Builder).vet) keys each package's vet action by the vet tool's ID,
#   the vet flags, the package's compile action ID and the dependencies'
#   .vetx files; on a hit it replays the cached stdout and runs nothing.
#   The tool's ID comes from `TOOL -V=full` (buildid.go, toolID), which for
#   an x/tools checker is a SHA-256 of the executable's bytes
#   (analysisflags.versionFlag). So every measured vet run gets its own
#   copy of the tool with a unique nonce appended to the file (the ELF
#   loader ignores trailing bytes; the program is unchanged): a new tool
#   ID, a cache miss for every package, for singlepool and noop alike.
#   The build cache (compiled export data, which vet reads) stays warm;
#   `go clean -cache` or `go vet -a` would throw that away too.
# * go vet runs the tool on every package in the import graph, the
#   standard library included (dependencies in VetxOnly mode), whether or
#   not it uses facts; unitchecker parses and type-checks each of them
#   before it looks at the analyzers' FactTypes. What facts add under vet is
#   gob-encoding and decoding a facts file per package.
# * The standalone checker (go/packages) reads dependencies from export
#   data when no analyzer uses facts, and parses and type-checks every
#   dependency from source when one does (LoadAllSyntax): noopfacts.
#   singlepool's command loads from source only the named packages and the
#   dependencies that can call a constructor, the rest from export data.
#   Nothing is cached between runs.
# * golangci-lint caches analysis results under GOLANGCI_LINT_CACHE; each
#   run gets a fresh, empty directory.
# * Peak RSS under go vet is the largest single process (the go command or
#   one vettool child): /usr/bin/time reports ru_maxrss of the waited-for
#   descendants, which is a maximum, not a sum. The processes run up to
#   GOMAXPROCS at a time, so the real footprint can be a few times larger.
#
# One golangci-lint binary runs both linters: the custom build is stock
# v2.15.0 (whose forbidigo is v2.3.1) with the plugin compiled in, so both
# runs use the same loader and runner. forbidigo gets analyze-types: true and
# one pattern per pool constructor of passes/singlepool/catalog.go (what
# singlepool reports with default settings), matched by package path.
#
# Prints the markdown table on stdout and writes it to OUT; progress and
# per-run lines go to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-5}"
WARMUP="${WARMUP:-1}"
MODULE="${MODULE:-github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6}"
ONLY="${ONLY:-vet sa gcl}"
[ "${SKIP_GCL:-}" = 1 ] && ONLY="${ONLY//gcl/}"
OUT="${OUT:-$ROOT/.build/bench-results.md}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }
has() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/singlepool-bench.XXXXXX")"
cleanup() {
	if [ "${KEEP:-}" = 1 ]; then
		log "kept $WORK"
	else
		chmod -R u+w "$WORK" 2>/dev/null || true
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
BIN="$WORK/bin"
mkdir -p "$BIN" "$WORK/runs" "$WORK/logs"

if [ ! -x /usr/bin/time ]; then
	log "installing Debian's time (GNU time) for /usr/bin/time"
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq >&2 && apt-get install -y -qq time >&2
	else
		sudo apt-get update -qq >&2 && sudo apt-get install -y -qq time >&2
	fi
fi
/usr/bin/time -f '%e' true 2>/dev/null || die "/usr/bin/time is not GNU time"

# --- Tools -------------------------------------------------------------------

log "building singlepool, noop and noopfacts"
(cd "$ROOT" && go build -o "$BIN/singlepool" ./cmd/singlepool)
(cd "$ROOT" && go build -o "$BIN/noop" ./bench/noop)
(cd "$ROOT" && go build -ldflags=-X=main.facts=yes -o "$BIN/noopfacts" ./bench/noop)
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if git -C "$ROOT" status --porcelain -- passes cmd 2>/dev/null | grep -qv '_test\.go$'; then
	REV="$REV + uncommitted changes in passes/ or cmd/"
fi

if has gcl; then
	if [ -n "${GCL:-}" ]; then
		[ -x "$GCL" ] || die "GCL=$GCL is not executable"
	else
		log "building golangci-lint with the plugin (scripts/build-golangci-lint.sh)"
		GCL="$(OUT="$BIN/golangci-lint-singlepool" bash "$ROOT/scripts/build-golangci-lint.sh")"
	fi
fi

# --- The module --------------------------------------------------------------

log "downloading $MODULE"
MODDIR="$(go mod download -json "$MODULE" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[ -n "$MODDIR" ] && [ -d "$MODDIR" ] || die "go mod download $MODULE gave no directory"
SRC="$WORK/src"
cp -r "$MODDIR" "$SRC"
chmod -R u+w "$SRC" # the module cache is read-only
cd "$SRC"
log "downloading its dependencies"
go mod download
NPKG="$(go list ./... | wc -l)"
NALL="$(go list -deps -test ./... | wc -l)"
log "$MODULE: $NPKG packages of its own, $NALL with dependencies and tests"

# --- golangci-lint configurations ---------------------------------------------

# forbidigo patterns: one per pool constructor in the catalog.
forbid_patterns() {
	local name path rest fn typ
	sed -n 's/^[[:space:]]*{"\([^"]*\)", kindPool},.*/\1/p' "$ROOT/passes/singlepool/catalog.go" |
		while IFS= read -r name; do
			if [[ "$name" == \(* ]]; then # (*pkg/path.Type).Method
				rest="${name#(}"
				rest="${rest#\*}"
				fn="${rest##*).}"
				rest="${rest%%).*}"
				typ="${rest##*.}"
				path="${rest%.*}"
				printf "        - pattern: '^[^.]+\\\\.%s\\\\.%s$'\n          pkg: '^%s$'\n" "$typ" "$fn" "$(printf '%s' "$path" | sed 's/[.]/\\./g')"
			else
				fn="${name##*.}"
				path="${name%.*}"
				printf "        - pattern: '^[^.]+\\\\.%s$'\n          pkg: '^%s$'\n" "$fn" "$(printf '%s' "$path" | sed 's/[.]/\\./g')"
			fi
		done
}
if has gcl; then
	cat >"$WORK/gcl-singlepool.yml" <<-'EOF'
		version: "2"
		linters:
		  default: none
		  enable: [singlepool]
		  settings:
		    custom:
		      singlepool:
		        type: module
		issues:
		  max-issues-per-linter: 0
		  max-same-issues: 0
	EOF
	{
		cat <<-'EOF'
			version: "2"
			linters:
			  default: none
			  enable: [forbidigo]
			  settings:
			    forbidigo:
			      analyze-types: true
			      exclude-godoc-examples: false
			      forbid:
		EOF
		forbid_patterns
		cat <<-'EOF'
			issues:
			  max-issues-per-linter: 0
			  max-same-issues: 0
		EOF
	} >"$WORK/gcl-forbidigo.yml"
	NFORBID="$(grep -c 'pattern:' "$WORK/gcl-forbidigo.yml")"
	[ "$NFORBID" -gt 10 ] || die "found only $NFORBID constructors in catalog.go"
fi

# --- Running and measuring ---------------------------------------------------

RESULTS="$WORK/results.tsv" # round name wall cpu rss_kb exit
: >"$RESULTS"
NONCE=0

# fresh_tool prints the path of a copy of $BIN/$1 with a unique nonce
# appended: a new go vet tool ID, so vet's cache cannot answer.
fresh_tool() {
	NONCE=$((NONCE + 1))
	local t="$WORK/runs/$1.$NONCE"
	cp "$BIN/$1" "$t"
	printf '\nsinglepool-bench-nonce %s %s %s\n' "$$" "$NONCE" "$(date +%s%N)" >>"$t"
	echo "$t"
}

# cmd_for NAME prints the command of a measurement; prepared outside the
# timed region.
run_one() { # round name
	local round="$1" name="$2" cmd=() tool cache=""
	case "$name" in
	vet-*)
		tool="$(fresh_tool "${name#vet-}")"
		cmd=(go vet -vettool="$tool" ./...)
		;;
	sa-*) cmd=("$BIN/${name#sa-}" ./...) ;;
	gcl-*)
		cache="$(mktemp -d "$WORK/gclcache.XXXXXX")"
		cmd=(env GOLANGCI_LINT_CACHE="$cache" "$GCL" run --config "$WORK/$name.yml" ./...)
		;;
	esac
	local tf="$WORK/logs/$name.$round.time" lf="$WORK/logs/$name.$round.log" rc=0
	/usr/bin/time -f '%e %U %S %M' -o "$tf" "${cmd[@]}" >"$lf" 2>&1 || rc=$?
	[ -n "$cache" ] && rm -rf "$cache"
	[[ "$name" == vet-* ]] && rm -f "$tool"
	local wall user sys rss
	read -r wall user sys rss < <(tail -n 1 "$tf")
	case "$name:$rc" in
	vet-*:0 | vet-*:1 | sa-*:0 | sa-*:3 | gcl-*:0 | gcl-*:1) ;;
	*)
		log "$name exited $rc; the end of its output:"
		tail -n 20 "$lf" >&2
		die "$name failed"
		;;
	esac
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" "$rss" "$rc" >>"$RESULTS"
	log "round $round: $(printf '%-16s' "$name") wall ${wall}s  cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')s  maxrss $((rss / 1024)) MiB  exit $rc"
}

# The groups; each round runs every group's members in a rotated order.
GROUPS_=()
BASELINES="${BASELINES:-noop noopfacts}"
for b in $BASELINES; do
	case "$b" in noop | noopfacts) ;; *) die "BASELINES: unknown baseline $b (known: noop noopfacts)" ;; esac
done
has vet && GROUPS_+=("vet-singlepool $(printf 'vet-%s ' $BASELINES)")
has sa && GROUPS_+=("sa-singlepool $(printf 'sa-%s ' $BASELINES)")
has gcl && GROUPS_+=("gcl-singlepool gcl-forbidigo")
[ "${#GROUPS_[@]}" -gt 0 ] || die "nothing to run (ONLY=$ONLY)"

# rounds_of GROUP: the measured rounds of a group (vet-..., sa-..., gcl-...).
rounds_of() {
	local v
	case "$1" in
	vet-*) v="${ROUNDS_VET:-$ROUNDS}" ;;
	sa-*) v="${ROUNDS_SA:-$ROUNDS}" ;;
	gcl-*) v="${ROUNDS_GCL:-$ROUNDS}" ;;
	esac
	echo "$v"
}
MAXROUNDS=0
for g in "${GROUPS_[@]}"; do
	n="$(rounds_of "$g")"
	[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "rounds for ${g%% *}: want a positive number, not $n"
	[ "$n" -gt "$MAXROUNDS" ] && MAXROUNDS="$n"
done

run_round() { # round index (negative: warm-up)
	local r="$1" g members n i k
	for g in "${GROUPS_[@]}"; do
		[ "$r" -gt "$(rounds_of "$g")" ] && continue
		read -r -a members <<<"$g"
		n=${#members[@]}
		k=$(((r < 0 ? -r : r) % n))
		for ((i = 0; i < n; i++)); do
			run_one "$r" "${members[$(((i + k) % n))]}"
		done
	done
}

log "warming the build cache (go build, go list -export)"
go build ./... >&2
go list -export -deps -test ./... >/dev/null
for ((w = 1; w <= WARMUP; w++)); do
	log "warm-up round $w (not measured)"
	run_round "-$w"
done
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= MAXROUNDS; r++)); do
	log "round $r of $MAXROUNDS"
	run_round "$r"
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# singlepool's own share, which timing on a busy machine cannot resolve:
# one more standalone run under the CPU profiler; the samples with a
# passes/singlepool function on the stack (allocation and GC assists
# included) against all samples of the run.
SELF=""
SELF_FUNCS=""
if has sa; then
	log "profiling one standalone singlepool run (not timed)"
	if "$BIN/singlepool" -cpuprofile="$WORK/sa.prof" ./... >"$WORK/logs/profile.log" 2>&1 || [ $? = 3 ]; then
		focus='github\.com/singlepool/singlepool/passes/singlepool\.'
		top="$(go tool pprof -top -cum -focus="$focus" -show="$focus" "$BIN/singlepool" "$WORK/sa.prof" 2>/dev/null)"
		SELF="$(printf '%s\n' "$top" | sed -n 's/^Showing nodes accounting for \(.*\) total$/\1/p')"
		SELF_FUNCS="$(printf '%s\n' "$top" | awk '$NF ~ /passes\/singlepool\./ { sub(/.*passes\/singlepool\./, "", $NF); printf "%s%s %s", (n++ ? ", " : ""), $NF, $4 } n >= 6 { exit }')"
		[ -n "$SELF_FUNCS" ] || SELF_FUNCS="no function sampled"
	fi
fi

# --- Report ------------------------------------------------------------------

# median NAME COLUMN (3 wall, 4 cpu, 5 rss) over the measured rounds.
median() {
	awk -F'\t' -v n="$1" -v c="$2" '$1 > 0 && $2 == n { print $c }' "$RESULTS" | sort -g |
		awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# paired NAME BASE COLUMN: the median over rounds of NAME/BASE in the same
# round, which cancels slow drift of a busy machine.
paired() {
	awk -F'\t' -v a="$1" -v b="$2" -v c="$3" '$1 > 0 && $2 == a { x[$1] = $c } $1 > 0 && $2 == b { y[$1] = $c }
		END { for (r in x) if (r in y && y[r] > 0) print x[r] / y[r] }' "$RESULTS" | sort -g |
		awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'
}
# spread NAME BASE COLUMN: min and max over rounds of the same-round ratio.
spread() {
	awk -F'\t' -v a="$1" -v b="$2" -v c="$3" '$1 > 0 && $2 == a { x[$1] = $c } $1 > 0 && $2 == b { y[$1] = $c }
		END { n = 0; for (r in x) if (r in y && y[r] > 0) { v = x[r] / y[r]; if (!n || v < lo) lo = v; if (!n || v > hi) hi = v; n++ }
		if (n) printf "%.3f\t%.3f\t%d", lo, hi, n; else printf "nan\tnan\t0" }' "$RESULTS"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "nan" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
exits() { awk -F'\t' -v n="$1" '$1 > 0 && $2 == n { print $6 }' "$RESULTS" | sort -u | paste -sd, -; }

label() {
	case "$1" in
	vet-*) echo "\`go vet -vettool=${1#vet-} ./...\`" ;;
	sa-*) echo "\`${1#sa-} ./...\` (standalone)" ;;
	gcl-*) echo "\`golangci-lint run\` (${1#gcl-})" ;;
	esac
}

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEM="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
{
	echo "# singlepool benchmark: cost over the type-checking floor"
	echo
	echo "- module: \`$MODULE\` ($NPKG packages of its own, $NALL with dependencies and tests), \`./...\` with tests"
	echo "- singlepool: $REV, default settings (nothing allowlisted: every catalog constructor use is reported)"
	echo "- machine: $(nproc) CPUs ($CPU), $MEM RAM; $(go version | cut -d' ' -f3-)"
	echo "- load average (1, 5, 15 min) before the measured rounds: $LOAD_BEFORE; after: $LOAD_AFTER"
	echo "- measured rounds: $(for g in "${GROUPS_[@]}"; do printf '%s %s; ' "${g%%-*}" "$(rounds_of "$g")"; done)after $WARMUP warm-up round(s); order rotated every round; medians"
	echo "- wall: elapsed; CPU: user+sys of the process and all its children; max RSS: the largest single process (under go vet: the go command or one vettool child, not a sum)"
	has gcl && echo "- golangci-lint: $("$GCL" version 2>&1 | head -n 1); forbidigo with analyze-types and $NFORBID patterns (the catalog's pool constructors); fresh GOLANGCI_LINT_CACHE each run"
	echo
	echo "| command | wall (s) | CPU (s) | max RSS (MiB) | exit |"
	echo "| --- | ---: | ---: | ---: | --- |"
	for g in "${GROUPS_[@]}"; do
		for name in $g; do
			echo "| $(label "$name") | $(median "$name" 3) | $(median "$name" 4) | $(mib "$(median "$name" 5)") | $(exits "$name") |"
		done
	done
	if [ -n "$SELF" ]; then
		echo
		echo "singlepool's own code in a CPU profile of one more standalone run (samples with a passes/singlepool function on the stack): $SELF CPU samples; by cumulative time: $SELF_FUNCS."
	fi
	echo
	echo "Ratios: median of singlepool / median of the baseline; in parentheses the median over rounds of the same-round ratio."
	echo
	echo "| comparison | wall | CPU | max RSS |"
	echo "| --- | ---: | ---: | ---: |"
	for g in "${GROUPS_[@]}"; do
		read -r -a members <<<"$g"
		a="${members[0]}"
		for b in "${members[@]:1}"; do
			printf '| %s / %s |' "$(label "$a")" "$(label "$b")"
			for c in 3 4 5; do
				printf ' %s (%s) |' "$(ratio "$(median "$a" "$c")" "$(median "$b" "$c")")" "$(paired "$a" "$b" "$c")"
			done
			echo
		done
	done
} >"$WORK/report.md"

if [ -n "${RATIOS:-}" ]; then
	{
		printf 'module\t%s\t%s\t%s\n' "$MODULE" "$NPKG" "$NALL"
		printf 'load\t%s\t%s\n' "$LOAD_BEFORE" "$LOAD_AFTER"
		printf 'self\t%s\t%s\n' "${SELF:-}" "${SELF_FUNCS:-}"
		for g in "${GROUPS_[@]}"; do
			read -r -a members <<<"$g"
			for b in "${members[@]:1}"; do
				for c in 3 4 5; do
					printf '%s/%s\t%s\t%s\t%s\n' "${members[0]}" "$b" "$(cut -d' ' -f$((c - 2)) <<<"wall cpu rss")" "$(paired "${members[0]}" "$b" "$c")" "$(spread "${members[0]}" "$b" "$c")"
				done
			done
		done
	} >"$RATIOS"
fi

mkdir -p "$(dirname "$OUT")"
cp "$WORK/report.md" "$OUT"
cat "$WORK/report.md"
log "results written to $OUT"
