package vet

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// Whole-program checks (max-pools, max-conns), whose sites travel in
// package facts, and the helper that runs a check under both drivers.

// TestMaxPoolsUnderVet: counting mode gives the same program-wide counts
// standalone and under go vet. go vet hands a package only the facts of the
// packages its imports' export data mention; cmd/app links internal/db
// through users, whose API does not mention db, so db's sites must travel
// in users' own fact. (They did not: vet counted 2 pgxpool pools, not 3,
// and 1 *sql.DB pool, not 2.)
func TestMaxPoolsUnderVet(t *testing.T) {
	bin, dir := setup(t, "detect")
	want := sorted(
		"cmd/app/main.go:1:9: this program can open 3 *pgxpool.Pool pools (max-pools=1): db/db.go:19, orders/orders.go:16, users/users.go:16",
		"cmd/app/main.go:1:9: this program can open 3 *redis.Client pools (max-pools=1): db/db.go:28, monthly/monthly.go:17, orders/orders.go:24",
		"cmd/app/main.go:1:9: this program can open 3 *sqlx.DB pools (max-pools=1): db/db.go:25, monthly/monthly.go:12, orders/orders.go:13",
		"cmd/app/main.go:1:9: this program can open 2 *sql.DB pools (max-pools=1): db/db.go:22, users/users.go:24",
	)
	// A constructor no code calls keys vet's result cache to this test.
	args := []string{"-max-pools=1", "-constructors=example.invalid/maxpools" + strconv.Itoa(os.Getpid()) + ".New", "./cmd/..."}
	sameUnderBothDrivers(t, bin, dir, args, want)
}

// TestMaxConnsUnderVet checks that go vet computes the same connection
// budget as the standalone command: the sizes travel with the sites in
// package facts, from the packages that build and size the pools.
func TestMaxConnsUnderVet(t *testing.T) {
	bin, dir := setup(t, "detect")
	want := sorted(
		"cmd/app/main.go:1:9: this program can open an unbounded number of PostgreSQL connections (max-conns=20): "+
			"db/db.go:19 max(4, CPUs)=4 (default), db/db.go:22 unbounded (no SetMaxOpenConns), db/db.go:25 unbounded (no SetMaxOpenConns), "+
			"monthly/monthly.go:12 unbounded (no SetMaxOpenConns), orders/orders.go:16 max(4, CPUs)=4 (default), users/users.go:16 max(4, CPUs)=4 (default), "+
			"users/users.go:24 unbounded (no SetMaxOpenConns)",
		"cmd/app/main.go:1:9: this program can open up to 60 Redis connections × 2 replicas = 120 (max-conns=30): "+
			"db/db.go:28 10×CPUs=20 (default PoolSize), monthly/monthly.go:17 10×CPUs=20 (default PoolSize), orders/orders.go:24 10×CPUs=20 (default PoolSize)",
	)
	args := []string{"-max-conns=postgres=20,redis=30", "-replicas=2", "-cpus=2",
		"-constructors=example.invalid/maxconns" + strconv.Itoa(os.Getpid()) + ".New", "./cmd/..."}
	sameUnderBothDrivers(t, bin, dir, args, want)
}

// sameUnderBothDrivers runs singlepool and go vet -vettool with args in dir
// and checks that each exits with its findings code and reports exactly
// want.
func sameUnderBothDrivers(t *testing.T, bin, dir string, args []string, want []string) {
	t.Helper()
	what := strings.Join(args, " ")
	t.Run("standalone", func(t *testing.T) {
		res := singlepool(t, bin, dir, args...)
		noPanic(t, "singlepool", res)
		wantExit(t, "singlepool "+what, res, standaloneFindings)
		checkFindings(t, "singlepool "+what, diagnostics(res.Stderr, dir, dir), want)
	})
	t.Run("go vet", func(t *testing.T) {
		res := vet(t, bin, dir, args...)
		noPanic(t, "go vet", res)
		wantExit(t, "go vet -vettool "+what, res, vetFindings)
		checkFindings(t, "go vet "+what, diagnostics(res.Stderr, dir, dir), want)
	})
}

// TestRegistriesUnderVet: a registry's values and functions, looked up and
// called in another package, are factories alike under both drivers; one
// written by a Register function is not claimed.
func TestRegistriesUnderVet(t *testing.T) {
	bin, dir := setup(t, "registries")
	want := sorted(
		"cmd/app/main.go:10:19: drivers.Open creates a new connection pool on every iteration ((drivers.pg).Open: sql.Open at drivers/drivers.go:14) outside example.com/registries/drivers; use the shared pool",
		"cmd/app/main.go:11:19: drivers.OpenFunc creates a new connection pool on every iteration (sql.Open at drivers/drivers.go:27) outside example.com/registries/drivers; use the shared pool",
	)
	args := []string{"-allow=example.com/registries/drivers",
		"-constructors=example.invalid/registries" + strconv.Itoa(os.Getpid()) + ".New", "./cmd/..."}
	sameUnderBothDrivers(t, bin, dir, args, want)
}
