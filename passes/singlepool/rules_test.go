package singlepool_test

import (
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/analysistest"
)

// One test per rule (diagnostic category), each on testdata/src named
// after it, both directions: what is reported and what is not.
// TestEveryRuleTested keeps it so.

func TestNewPool(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow:        appAllow,
		Constructors: []string{"example.com/ext.NewPool", "(*example.com/ext.Config).Open"},
	})
	analysistest.Run(t, analysistest.TestData(), a,
		"newpool", "renamed", "dotimport", "shadow",
		"example.com/app/internal/db", "example.com/app/cmd/server", "example.com/app/cmdx",
		"tests", "generated")
}

// TestNewConn: single connections are reported only with single-conns.
func TestNewConn(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: []string{"example.com/pool/db"}, SingleConns: true})
	analysistest.Run(t, analysistest.TestData(), a, "newconn")
	// Without single-conns, only the pool.
	r := analysistest.Run(discard{t}, analysistest.TestData(), mustNew(t, singlepool.Config{Allow: []string{"example.com/pool/db"}}), "newconn")
	if n := len(r[0].Diagnostics); n != 1 {
		t.Errorf("without single-conns, newconn has %d diagnostics, want 1 (the pool)", n)
	}
}

// TestBadAccessor checks the accessors of example.com/badacc where they are
// declared (bad-accessor: a misfit, a missing one, a function variable
// that fits) and where they are used (no fix for the misfit; the
// function variable is called).
func TestBadAccessor(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow: []string{"example.com/badacc"},
		Singleton: []string{
			"github.com/jackc/pgx/v5/pgxpool.New=example.com/badacc.Pool",
			"github.com/jackc/pgx/v5/pgxpool.NewWithConfig=example.com/badacc.Good",
			"database/sql.Open=example.com/badacc.SQL",
			"database/sql.OpenDB=example.com/badacc.Missing",
			"github.com/jmoiron/sqlx.Connect=example.com/badacc.SQLX",
		},
		SharedArgs: []string{
			`github.com/jackc/pgx/v5/pgxpool.New=("x")`,
			`github.com/jackc/pgx/v5/pgxpool.NewWithConfig=(nil)`,
			`github.com/jmoiron/sqlx.Connect=("pgx", "x")`,
		},
	})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "example.com/badacc", "badaccessor")
}

// TestBadConfig: a settings file that does not parse is one diagnostic,
// at the package clause, naming the file, line and key.
func TestBadConfig(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), singlepool.NewFlagAnalyzer(), "badconfig")
}

func TestPoolFactory(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: []string{"poolfactory/owner", "poolfactory/store", "poolfactory/once", "poolfactory/helper", "poolfactory/registry", "poolfactory/iface"}})
	analysistest.Run(t, analysistest.TestData(), a, "poolfactory/store", "poolfactory/wrap", "poolfactory/once", "poolfactory/owner", "poolfactory/helper", "poolfactory/registry", "poolfactory/iface", "poolfactory/caller")
	// What "on every call" takes: caches per key, pools built on some
	// paths only, closures kept to run later, startup loops and code
	// that runs once (issue 30).
	claims := mustNew(t, singlepool.Config{Allow: []string{"poolfactory/claims/shared"}})
	analysistest.Run(t, analysistest.TestData(), claims, "poolfactory/claims/pg", "poolfactory/claims/my", "poolfactory/claims", "poolfactory/claims/shared", "poolfactory/claims/users", "poolfactory/claims/cmd/app")
}

// TestPoolPerRequest checks per-request code beyond net/http: gin, echo, fiber,
// net/http adapters, gRPC methods, Lambda handlers, the handlers setting,
// and goroutine helpers in loops, both directions.
func TestPoolPerRequest(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow:    []string{"poolperrequest", "example.com/pool/db"},
		Handlers: []string{"example.com/fw.HandlerFunc", "example.com/fw.Handle"},
	})
	analysistest.Run(t, analysistest.TestData(), a, "poolperrequest")
}

// TestPoolPerIteration: a pool built on every iteration of a loop, and
// the loops that build one pool (a retry until one works, a cache).
func TestPoolPerIteration(t *testing.T) {
	a := mustNew(t, singlepool.Config{Allow: []string{"example.com/pool/db"}})
	analysistest.Run(t, analysistest.TestData(), a, "poolperiteration")
}

// With max-pools and no allowlist, only the programs over the limit are
// reported, on their package clause.
func TestMaxPools(t *testing.T) {
	a := mustNew(t, singlepool.Config{MaxPools: 1})
	analysistest.Run(t, analysistest.TestData(), a, "maxpools/cmd/over", "maxpools/cmd/under", "maxpools/cmd/gormapp", "maxpools/a", "maxpools/b", "maxpools/c", "maxpools/mid", "maxpools/top")
}

// TestCloseShared: a Close of the shared pool outside its owner, followed
// through locals, fields and functions (facts), and its fix.
func TestCloseShared(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), mustNew(t, fixConfig), "closeshared/store", "closeshared", "closeshared/cmd")
}

// TestNolint checks //nolint directives with golangci-lint's semantics,
// and the directives' own checks.
func TestNolint(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mustNew(t, singlepool.Config{Allow: []string{"example.com/pool/db"}}), "nolint")
	reasons := singlepool.Config{Allow: []string{"example.com/pool/db"}, RequireReason: true, ReportUnusedNolint: true}
	analysistest.Run(t, analysistest.TestData(), mustNew(t, reasons), "nolint/reasons")
}

// TestMaxConns checks the connection budget: every size source and
// default, unbounded pools, per-system limits and replicas, with the sizes
// carried from the packages that build the pools to the programs.
func TestMaxConns(t *testing.T) {
	a := mustNew(t, singlepool.Config{MaxConns: []string{"postgres=100", "redis=50", "mysql=20"}, Replicas: 3})
	analysistest.Run(t, analysistest.TestData(), a, "maxconns/sized", "maxconns/unsized", "maxconns/cmd/sized", "maxconns/cmd/unsized")
	one := mustNew(t, singlepool.Config{MaxConns: []string{"70"}, CPUs: 8})
	analysistest.Run(t, analysistest.TestData(), one, "maxconns/cmd/cpus")
	// gorm through DB(), a Redis cluster's default, mongo's options in a
	// local and its default.
	more := mustNew(t, singlepool.Config{MaxConns: []string{"10"}, Replicas: 2, CPUs: 2})
	analysistest.Run(t, analysistest.TestData(), more, "maxconns/more", "maxconns/cmd/more")
	// Pools in package-level initializers.
	five := mustNew(t, singlepool.Config{MaxConns: []string{"postgres=5"}})
	analysistest.Run(t, analysistest.TestData(), five, "maxconns/pkglevel", "maxconns/cmd/pkglevel")
}

// TestUnboundedPool checks unbounded-pool's fix, with max-open-conns: the
// limit set after the construction's error check, and the sites it
// cannot fix, saying why.
func TestUnboundedPool(t *testing.T) {
	a := mustNew(t, singlepool.Config{MaxConns: []string{"100"}, MaxOpenConns: 25})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "unboundedpool")
}
