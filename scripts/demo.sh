#!/usr/bin/env bash
# The first demo: build singlepool and run it on examples/demo, a game
# backend whose routes, services and helpers each build their own database
# pool. Every pool singlepool prints is one that, under load, helps exhaust
# PostgreSQL's max_connections ("FATAL: sorry, too many clients already").
#
#   bash scripts/demo.sh
#
# singlepool exits 3 when it reports findings. The demo is expected to have
# them, so this script exits 0 when they were printed, and 1 when none were.
# The same settings are in examples/demo/.singlepool.yml and its Makefile.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

allow=example.com/demo/internal/db
singleton=github.com/jackc/pgx/v5/pgxpool.New=example.com/demo/internal/db.Pool
singleton+=,database/sql.Open=example.com/demo/internal/db.SQL
singleton+=,github.com/jmoiron/sqlx.Connect=example.com/demo/internal/db.SQLX
singleton+=,github.com/jmoiron/sqlx.Open=example.com/demo/internal/db.SQLX

echo "+ go build -o bin/singlepool ./cmd/singlepool"
go build -o bin/singlepool ./cmd/singlepool

# budget LABEL DIR [LIMIT]: the connection budget singlepool computes for
# the demo's server program (max-conns, default PostgreSQL's 100).
budget() {
	local line
	line=$(cd "$2" && "$root/bin/singlepool" -max-conns=postgres="${3:-100}" ./cmd/... 2>&1 |
		grep -o 'this program can open [^:]*' | sed 's/ (max-conns=[0-9]*)//' || true)
	case $line in
	*unbounded*) echo "connection budget $1: ${line#this program } (pools per request have no bound; max_connections=100)" ;;
	"") echo "connection budget $1: within max-conns" ;;
	*) echo "connection budget $1: ${line#this program }, under PostgreSQL's max_connections=100" ;;
	esac
}

# from_scratch DIR: the cure for a backend with no shared package yet: a
# copy of the demo without internal/db (nor main's lines that use it, nor
# .singlepool.yml), then the two commands of docs/adoption.md's "Starting from
# scratch", then the budget of the result.
from_scratch() {
	local dir=$1
	cp -r . "$dir"
	rm -rf "$dir/internal/db" "$dir/.singlepool.yml" "$dir/bin"
	cp cmd/server/main.go "$dir/main.go.orig"
	sed -i '/"example.com\/demo\/internal\/db"/d; /db\.Close() \/\/ after the last request/d' "$dir/cmd/server/main.go"
	echo "From scratch (a copy without internal/db):"
	echo "+ singlepool -init=example.com/demo/internal/db -max-conns=postgres=20 ./..."
	(cd "$dir" && "$root/bin/singlepool" -init=example.com/demo/internal/db -max-conns=postgres=20 ./... 2>&1 | sed 's/^/  /')
	echo "+ singlepool -fix ./...   (and main calls db.Close() at shutdown again)"
	(cd "$dir" && "$root/bin/singlepool" -fix ./... >/dev/null 2>&1 || true)
	mv "$dir/main.go.orig" "$dir/cmd/server/main.go"
	budget "after -init and -fix" "$dir" 1
}

echo "+ cd examples/demo && ../../bin/singlepool -allow=$allow -singleton=... ./..."
cd examples/demo
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
../../bin/singlepool -allow="$allow" -singleton="$singleton" ./... 2>&1 | tee "$out"
code=${PIPESTATUS[0]}
set -e

findings=$(grep -cE '\.go:[0-9]+:[0-9]+: ' "$out" || true)
echo
case $code in
3)
	if [ "$findings" -gt 0 ]; then
		echo "singlepool exited 3: it found $findings pool constructors outside $allow, as expected."
		echo "Each one builds its own pool; together they exceed max_connections under load."
		echo
		budget "before the fix" .
		# The same on a fixed copy: max-conns=1 makes singlepool print the
		# program's count, whatever it is.
		fixed=$(mktemp -d)
		trap 'rm -f "$out"; rm -rf "$fixed"' EXIT
		cp -r . "$fixed/demo"
		(cd "$fixed/demo" &&
			"$root/bin/singlepool" -fix -allow="$allow" -singleton="$singleton" ./... >/dev/null 2>&1 || true)
		budget "after singlepool -fix" "$fixed/demo" 1
		echo
		from_scratch "$fixed/scratch"
		echo
		echo "To fix them: cd examples/demo && ../../bin/singlepool -fix -allow=$allow -singleton=... ./..."
		echo "(the same as 'make -C examples/demo fix'; the end-to-end test internal/e2e/demo shows"
		echo "the before/after on a real PostgreSQL)."
		exit 0
	fi
	echo "singlepool exited 3 but printed no findings: unexpected." >&2
	exit 1
	;;
0)
	echo "singlepool found nothing: the demo is expected to have findings (was it already fixed?)." >&2
	exit 1
	;;
*)
	echo "singlepool failed (exit $code)." >&2
	exit "$code"
	;;
esac
