#!/usr/bin/env bash
# Measures singlepool against the type-checking floor on a set of real
# modules, one bench/run.sh per module, and prints one table.
#
#   bash bench/set.sh                       # every module
#   ROUNDS_VET=1 MODULES="miniflux.app/v2@v2.3.5" bash bench/set.sh
#
# For each module: go vet -vettool=singlepool vs go vet -vettool=noop and
# singlepool ./... vs noop ./... (bench/noop, the floor), in rounds after
# one warm-up round, the order rotated every round; the median over rounds
# of the same-round ratio singlepool / noop for wall time, CPU (user+sys,
# children included) and peak RSS, with the lowest and highest ratio of the
# rounds in brackets. bench/run.sh explains how each run is made to really
# analyze (vet's cache, the build cache) and what RSS means under go vet.
#
# The set (MODULES, each path@version from the module proxy):
#   seaweedfs  database/sql, pgx, go-redis, mongo-driver, gocql, etcd stores
#   spicedb    pgx-heavy (pgxpool datastores), MySQL, Spanner
#   grype      gorm.io (SQLite through glebarez/sqlite) vulnerability store
#   spire      gorm (jinzhu/gorm v1) datastore over MySQL, PostgreSQL, SQLite
#   miniflux   a web app on database/sql and lib/pq
# gin-vue-admin's server module and usememos/memos, which issue 20 named,
# are refused by the module proxy this project can reach (403 "not
# available"); grype and miniflux stand in for them (gorm-heavy; a
# database/sql web app).
#
# Environment: ROUNDS_SA (11) and ROUNDS_VET (3) measured rounds, WARMUP (1), MODULES, ONLY ("vet sa"; "sa" for
# the standalone command alone, minutes instead of an hour), OUT (the markdown table,
# default .build/bench-set.md), KEEP=1 keeps each module's scratch
# directory. A module's first run builds its dependencies (minutes on 2
# cores); the build cache keeps them for the next.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS_SA="${ROUNDS_SA:-11}"
ROUNDS_VET="${ROUNDS_VET:-3}"
MODULES="${MODULES:-github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6
github.com/authzed/spicedb@v1.56.2
github.com/anchore/grype@v0.121.2
github.com/spiffe/spire@v1.13.3
miniflux.app/v2@v2.3.5}"
OUT="${OUT:-$ROOT/.build/bench-set.md}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

log() { echo "bench-set: $*" >&2; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/singlepool-bench-set.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

i=0
for m in $MODULES; do
	case "$m" in *@*) ;; *) log "MODULES: $m has no @version"; exit 2 ;; esac
	i=$((i + 1))
	log "module $i: $m"
	MODULE="$m" ROUNDS_SA="$ROUNDS_SA" ROUNDS_VET="$ROUNDS_VET" ONLY="${ONLY:-vet sa}" BASELINES=noop RATIOS="$TMP/$i.tsv" OUT="$TMP/$i.md" \
		bash "$ROOT/bench/run.sh" >/dev/null
done

# cell FILE COMPARISON COLUMN: "median (min–max)".
cell() {
	awk -F'\t' -v k="$2" -v c="$3" '$1 == k && $2 == c { printf "%s (%s–%s)", $3, $4, $5 }' "$1"
}
field() { awk -F'\t' -v k="$2" -v n="$3" '$1 == k { print $n }' "$1"; }

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEM="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
{
	echo "# singlepool on the benchmark set: cost over the type-checking floor"
	echo
	echo "- $(date -u +%Y-%m-%d), singlepool $REV, default settings; $(nproc) CPUs ($CPU), $MEM RAM; $(go version | cut -d' ' -f3-)"
	rounds=()
	case " ${ONLY:-vet sa} " in *" sa "*) rounds+=("$ROUNDS_SA measured rounds standalone") ;; esac
	case " ${ONLY:-vet sa} " in *" vet "*) rounds+=("$ROUNDS_VET under go vet") ;; esac
	echo "- per module: $(IFS=,; echo "${rounds[*]}" | sed 's/,/, /g'), after one warm-up round, order rotated every round; \`./...\` with tests"
	echo "- each cell: the median over rounds of the same-round ratio singlepool / noop, (lowest–highest)"
	echo
	echo "| module | packages (own / with deps and tests) | standalone wall | standalone CPU | standalone max RSS | go vet wall | go vet CPU | go vet max RSS |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for ((j = 1; j <= i; j++)); do
		f="$TMP/$j.tsv"
		m="$(field "$f" module 2)"
		printf '| `%s` | %s / %s |' "${m%@*}" "$(field "$f" module 3)" "$(field "$f" module 4)"
		for k in sa-singlepool/sa-noop vet-singlepool/vet-noop; do
			for c in wall cpu rss; do
				printf ' %s |' "$(cell "$f" "$k" "$c")"
			done
		done
		echo
	done
	echo
	echo "Versions and singlepool's own share (CPU samples with a passes/singlepool function on the stack, one more standalone run under the profiler); load average before and after the module's rounds:"
	echo
	for ((j = 1; j <= i; j++)); do
		f="$TMP/$j.tsv"
		share="$(field "$f" self 2) of the samples ($(field "$f" self 3))"
		[ -n "$(field "$f" self 2)" ] || share="share not measured (the standalone command was not run)"
		echo "- \`$(field "$f" module 2)\`: $share; load $(field "$f" load 2) → $(field "$f" load 3)"
	done
} >"$TMP/set.md"

mkdir -p "$(dirname "$OUT")"
cp "$TMP/set.md" "$OUT"
cat "$TMP/set.md"
log "written to $OUT"
