#!/usr/bin/env bash
# Fixes at scale: apply singlepool's suggested fixes to real modules from the
# Go module proxy and check that the result still builds and vets.
#
#   bash scripts/fix-at-scale.sh                # migrate goose pgx (~30 min on 2 busy cores)
#   bash scripts/fix-at-scale.sh goose pgx      # some of them
#
# For each module: copy it from the module cache to a writable scratch
# directory (mktemp -d; KEEP=1 keeps it), download its dependencies, record
# a baseline (`go build ./...` must pass; `go vet ./...` findings are
# recorded, since some modules have their own), add an accessor package
# <module>/internal/sharedpool that follows the shape rule (the accessor
# returns the constructor's results and takes a context.Context iff the
# constructor's first parameter is one; sync.OnceValues; DATABASE_URL), then
#
#   1. singlepool -json -allow=<accessor pkg> -singleton=... ./...
#      -> sites found, and how many carry a suggested fix;
#   2. singlepool -fix (same settings) ./...
#   3. go build ./... must pass, go vet ./... must report nothing new
#      (compared without line numbers, which the fixes shift), and every
#      changed file must be gofmt-clean;
#   4. singlepool -json again -> the sites left, which must all be without
#      a fix (a fix left unapplied would be a conflict).
#
# The patch is saved as <scratch>/<name>.diff. docs/fix-at-scale.md records
# the counts and why each site left has no fix.
#
# Modules (all construct pools in several packages):
#   migrate  github.com/golang-migrate/migrate/v4@v4.20.1  database drivers: sql.Open,
#            sql.OpenDB, mongo.Connect, spanner.NewClient, gocql CreateSession (needs cgo)
#   goose    github.com/pressly/goose/v3@v3.30.0           sql.Open, the OpenDBWithDriver factory
#   pgx      github.com/jackc/pgx/v5@v5.12.0               pgxpool.New/NewWithConfig in
#            tests of several packages, sql.Open/OpenDB, stdlib.OpenDB
# (github.com/amacneil/dbmate/v2 is not served by the proxy.)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$root/bin/singlepool}
case $OUT in /*) ;; *) OUT=$root/$OUT ;; esac
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(migrate goose pgx)

echo "+ go build -o $OUT ./cmd/singlepool"
(cd "$root" && go build -o "$OUT" ./cmd/singlepool)

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
export GOWORK=off

failures=0
summary=()
fail() {
	echo "FAIL $*" >&2
	failures=$((failures + 1))
}

# accessor_migrate etc. print the accessor package's source.
accessor_migrate() {
	cat <<'EOF'
// Package sharedpool owns the process's shared pools and clients (added by
// singlepool's scripts/fix-at-scale.sh). Each accessor returns exactly the
// results of the constructor it replaces and takes a context.Context iff
// that constructor's first parameter is one.
package sharedpool

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"sync"

	"cloud.google.com/go/spanner"
	"github.com/gocql/gocql"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// One driver, as an application has: a driver name read from the
// environment would leave singlepool unable to say what the pool is.
var sqlPool = sync.OnceValues(func() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("DATABASE_URL"))
})

// SQL replaces database/sql.Open.
func SQL() (*sql.DB, error) { return sqlPool() }

// SQLDB replaces database/sql.OpenDB, which cannot fail: it panics if the
// shared pool cannot be opened.
func SQLDB() *sql.DB {
	db, err := sqlPool()
	if err != nil {
		panic(err)
	}
	return db
}

var mongoClient = sync.OnceValues(func() (*mongo.Client, error) {
	return mongo.Connect(context.Background(), options.Client().ApplyURI(os.Getenv("MONGODB_URL")))
})

// Mongo replaces go.mongodb.org/mongo-driver/mongo.Connect.
func Mongo(ctx context.Context) (*mongo.Client, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return mongoClient()
}

var spannerClient = sync.OnceValues(func() (*spanner.Client, error) {
	return spanner.NewClient(context.Background(), os.Getenv("SPANNER_DATABASE"))
})

// Spanner replaces cloud.google.com/go/spanner.NewClient.
func Spanner(ctx context.Context) (*spanner.Client, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return spannerClient()
}

var cassandraSession = sync.OnceValues(func() (*gocql.Session, error) {
	hosts := os.Getenv("CASSANDRA_HOSTS")
	if hosts == "" {
		return nil, errors.New("sharedpool: CASSANDRA_HOSTS is not set")
	}
	return gocql.NewCluster(hosts).CreateSession()
})

// Cassandra replaces (*gocql.ClusterConfig).CreateSession.
func Cassandra() (*gocql.Session, error) { return cassandraSession() }
EOF
}

accessor_goose() {
	cat <<'EOF'
// Package sharedpool owns the process's shared database/sql pool (added by
// singlepool's scripts/fix-at-scale.sh). SQL returns exactly the results of
// sql.Open, which it replaces.
package sharedpool

import (
	"database/sql"
	"os"
	"sync"
)

var pool = sync.OnceValues(func() (*sql.DB, error) {
	return sql.Open("sqlite", os.Getenv("DATABASE_URL"))
})

// SQL replaces database/sql.Open.
func SQL() (*sql.DB, error) { return pool() }
EOF
}

accessor_pgx() {
	cat <<'EOF'
// Package sharedpool owns the process's shared pools (added by singlepool's
// scripts/fix-at-scale.sh): one pgx pool and one database/sql pool over
// pgx's "pgx" driver, both from DATABASE_URL. Each accessor returns exactly
// the results of the constructors it replaces and takes a context.Context
// iff their first parameter is one.
package sharedpool

import (
	"context"
	"database/sql"
	"os"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

var pgxPool = sync.OnceValues(func() (*pgxpool.Pool, error) {
	return pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
})

// Pool replaces pgxpool.New and pgxpool.NewWithConfig.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pgxPool()
}

var sqlPool = sync.OnceValues(func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
})

// SQL replaces database/sql.Open.
func SQL() (*sql.DB, error) { return sqlPool() }

// SQLDB replaces database/sql.OpenDB and stdlib.OpenDB, which cannot fail:
// it panics if the shared pool cannot be opened.
func SQLDB() *sql.DB {
	db, err := sqlPool()
	if err != nil {
		panic(err)
	}
	return db
}
EOF
}

# shared_env NAME is the variable the accessors of NAME build their pools
# from. A fix applies only where a site connects with the same (docs/fixes.md):
# pgx's tests connect with PGX_TEST_DATABASE, so that
# is its shared pool's; PGX_SHARED_ENV=DATABASE_URL shows what the rules
# withhold when the shared pool is another database.
shared_env() {
	case $1 in
	pgx) echo "${PGX_SHARED_ENV:-PGX_TEST_DATABASE}" ;;
	*) echo DATABASE_URL ;;
	esac
}

# module_info NAME sets modver, accpkg (import path) and singletons.
module_info() {
	local p
	case $1 in
	migrate)
		modver=github.com/golang-migrate/migrate/v4@v4.20.1
		p=github.com/golang-migrate/migrate/v4/internal/sharedpool
		singletons="database/sql.Open=$p.SQL,database/sql.OpenDB=$p.SQLDB"
		singletons+=",go.mongodb.org/mongo-driver/mongo.Connect=$p.Mongo"
		singletons+=",cloud.google.com/go/spanner.NewClient=$p.Spanner"
		singletons+=",(*github.com/gocql/gocql.ClusterConfig).CreateSession=$p.Cassandra"
		;;
	goose)
		modver=github.com/pressly/goose/v3@v3.30.0
		p=github.com/pressly/goose/v3/internal/sharedpool
		singletons="database/sql.Open=$p.SQL"
		;;
	pgx)
		modver=github.com/jackc/pgx/v5@v5.12.0
		p=github.com/jackc/pgx/v5/internal/sharedpool
		singletons="github.com/jackc/pgx/v5/pgxpool.New=$p.Pool"
		singletons+=",github.com/jackc/pgx/v5/pgxpool.NewWithConfig=$p.Pool"
		singletons+=",database/sql.Open=$p.SQL,database/sql.OpenDB=$p.SQLDB"
		singletons+=",github.com/jackc/pgx/v5/stdlib.OpenDB=$p.SQLDB"
		;;
	*)
		echo "unknown module $1 (want migrate, goose, pgx)" >&2
		exit 2
		;;
	esac
	accpkg=$p
}

# sites JSONFILE prints one line per reported site (deduplicated across a
# package and its test variant): "FIX|NOFIX category posn".
sites() {
	jq -r '[.[] | .singlepool | arrays | .[]] | unique_by(.posn) | .[]
		| "\(if (.suggested_fixes // []) | length > 0 then "FIX" else "NOFIX" end) \(.category) \(.posn)"' "$1"
}

# json_errors JSONFILE prints the packages whose analysis failed.
json_errors() {
	jq -r 'to_entries[] | select(.value.singlepool | type == "object") | "\(.key): \(.value.singlepool.error)"' "$1"
}

# vet_norm strips line and column numbers (the fixes shift lines).
vet_norm() {
	sed -E 's/\.go:[0-9]+:[0-9]+:/.go:/' "$1" | grep -vE '^#' | sort
}

run_module() {
	local name=$1 modver accpkg singletons dir orig src code found fixable unfixable left leftfix changed
	module_info "$name"
	echo
	echo "=================== $name: $modver"
	src=$(cd "$work" && go mod download -json "$modver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ -z "$src" ] || [ ! -d "$src" ]; then
		fail "$name: cannot download $modver"
		return
	fi
	dir=$work/$name
	orig=$work/$name.orig
	cp -r "$src" "$dir"
	chmod -R u+w "$dir"
	(cd "$dir" && go mod download)

	echo "+ baseline: go build ./... && go vet ./..."
	if ! (cd "$dir" && go build ./... 2>"$work/$name.build0"); then
		cat "$work/$name.build0" >&2
		fail "$name: the unmodified module does not build here (cgo? gcc?); skipped"
		return
	fi
	(cd "$dir" && go vet ./... >"$work/$name.vet0" 2>&1) || true

	mkdir -p "$dir/internal/sharedpool"
	"accessor_$name" | sed "s/DATABASE_URL/$(shared_env "$name")/g" >"$dir/internal/sharedpool/sharedpool.go"
	(cd "$dir" && go build ./internal/sharedpool)
	cp -r "$dir" "$orig"

	local flags=(-allow="$accpkg" -singleton="$singletons")
	echo "+ (cd $dir && singlepool -json -allow=$accpkg -singleton=$singletons ./...)"
	(cd "$dir" && "$OUT" -json "${flags[@]}" ./... >"$work/$name.before.json" 2>"$work/$name.before.err") || {
		cat "$work/$name.before.err" >&2
		fail "$name: singlepool -json failed"
		return
	}
	if [ -n "$(json_errors "$work/$name.before.json")" ]; then
		json_errors "$work/$name.before.json" >&2
		fail "$name: analysis errors"
	fi
	sites "$work/$name.before.json" | sed "s|$dir/||" | sort -k3,3V >"$work/$name.before.sites"
	found=$(wc -l <"$work/$name.before.sites")
	fixable=$(grep -c '^FIX ' "$work/$name.before.sites" || true)
	unfixable=$((found - fixable))
	echo "sites found: $found ($fixable with a fix, $unfixable without):"
	cat "$work/$name.before.sites"

	echo "+ (cd $dir && singlepool -fix ... ./...)"
	set +e
	(cd "$dir" && "$OUT" -fix "${flags[@]}" ./... >"$work/$name.fix.out" 2>&1)
	code=$?
	set -e
	if grep -qE 'panic:|goroutine [0-9]+ \[' "$work/$name.fix.out"; then
		cat "$work/$name.fix.out" >&2
		fail "$name: singlepool -fix panicked"
	fi
	# -fix exits 3 when diagnostics without a fix remain, 0 when none do,
	# 1 when an accessor cannot be read (its constructor's sites are left;
	# the other fixes are written): measured, not a failure.
	case $code in 0 | 3) ;;
	1) if grep -q 'an accessor is wrong or cannot be read' "$work/$name.fix.out"; then
		echo "singlepool -fix exited 1: an accessor cannot be read; its constructor's sites are left"
	else
		cat "$work/$name.fix.out" >&2
		fail "$name: singlepool -fix exited $code"
	fi ;;
	*)
		cat "$work/$name.fix.out" >&2
		fail "$name: singlepool -fix exited $code"
		;;
	esac
	(cd "$work" && diff -ruN "$name.orig" "$name" >"$name.diff") || true
	changed=$(grep -c '^+++ ' "$work/$name.diff" || true)
	echo "changed files: $changed (patch: $work/$name.diff)"

	echo "+ go build ./... && go vet ./... && gofmt -l <changed files>"
	if ! (cd "$dir" && go build ./... 2>"$work/$name.build1"); then
		cat "$work/$name.build1" >&2
		fail "$name: go build ./... fails after the fixes"
	fi
	(cd "$dir" && go vet ./... >"$work/$name.vet1" 2>&1) || true
	local newvet
	newvet=$(comm -13 <(vet_norm "$work/$name.vet0") <(vet_norm "$work/$name.vet1"))
	if [ -n "$newvet" ]; then
		printf '%s\n' "$newvet" >&2
		fail "$name: go vet ./... reports something new after the fixes"
	fi
	local unformatted
	unformatted=$(cd "$dir" && { grep '^+++ ' "$work/$name.diff" || true; } | sed -E "s|^\+\+\+ $name/([^[:space:]]+).*|\1|" |
		while read -r f; do [ -f "$f" ] && gofmt -l "$f"; done)
	if [ -n "$unformatted" ]; then
		printf '%s\n' "$unformatted" >&2
		fail "$name: changed files are not gofmt-clean"
	fi

	echo "+ (cd $dir && singlepool -json ... ./...)   # what is left"
	(cd "$dir" && "$OUT" -json "${flags[@]}" ./... >"$work/$name.after.json" 2>"$work/$name.after.err") || {
		cat "$work/$name.after.err" >&2
		fail "$name: second singlepool -json failed"
		return
	}
	sites "$work/$name.after.json" | sed "s|$dir/||" | sort -k3,3V >"$work/$name.after.sites"
	left=$(wc -l <"$work/$name.after.sites")
	leftfix=$(grep -c '^FIX ' "$work/$name.after.sites" || true)
	echo "sites left: $left:"
	cat "$work/$name.after.sites"
	if [ "$leftfix" -ne 0 ]; then
		fail "$name: $leftfix sites still have a fix after -fix (conflicting fixes?)"
	fi
	# Why: the message of a site with an accessor but no fix ends in
	# "(no suggested fix: REASON)"; the variable a reason names is
	# replaced by X so that like reasons count together. Sites are
	# counted once (test variants repeat a package's diagnostics).
	echo "why the sites left have no fix (count, reason):"
	jq -r '[.[] | .singlepool | arrays | .[]] | unique_by(.posn) | .[] | .message' "$work/$name.after.json" |
		sed -n 's/.*(no suggested fix: \(.*\))$/\1/p' |
		sed -E 's/^[A-Za-z_][A-Za-z0-9_]* (is only|would)/X \1/; s/^field [A-Za-z0-9_]+ /field X /' |
		sort | uniq -c | sort -rn
	local noacc
	noacc=$(jq -r '[.[] | .singlepool | arrays | .[]] | unique_by(.posn) | .[] | .message' "$work/$name.after.json" | grep -vc '(no suggested fix: ' || true)
	echo "$noacc more have no accessor configured (calls of factories, constructors without a singleton)"
	summary+=("$(printf '%-8s found %3d  with a fix %3d  without %3d  left after -fix %3d (resolved without a fix of their own: %d)  files changed %3d' \
		"$name" "$found" "$fixable" "$unfixable" "$left" $((unfixable - left)) "$changed")")
}

for m in "${modules[@]}"; do
	run_module "$m"
done

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
if [ "$failures" -ne 0 ]; then
	echo "fix-at-scale: $failures failures" >&2
	exit 1
fi
echo "fix-at-scale: every fix applied; the modules build, vet as before and are gofmt-clean"
