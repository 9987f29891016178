package demo

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// scratchBudget is the max-conns the from-scratch cure gives -init: its
// one pgx pool (database/sql and sqlx are built over it) gets them all.
const scratchBudget = 20

// mainDBLines are cmd/server/main.go's uses of internal/db: a backend
// that has no shared package yet has neither.
var mainDBLines = []string{
	"\t\"example.com/demo/internal/db\"\n",
	"\tdb.Close() // after the last request: close the shared pools\n",
}

// fromScratch is the cure for a team with no shared package: the demo
// without internal/db and .singlepool.yml, then the two commands the
// README gives (`singlepool -init=... ./...`, `singlepool -fix ./...`),
// then what -init leaves to the user (main calls db.Close at shutdown).
// The result must build and vet, be clean under singlepool, stay within
// the budget singlepool computes, and serve the same load as the first
// phase with no failed request.
func fromScratch(t *testing.T, pg *postgres, sp, demoSrc string, routes []string, ph *phase) {
	dir := filepath.Join(t.TempDir(), "demo")
	e2eutil.CopyDir(t, demoSrc, dir)
	for _, p := range []string{"bin", "internal/db", ".singlepool.yml"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	mainGo := filepath.Join(dir, "cmd", "server", "main.go")
	orig, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	without := string(orig)
	for _, l := range mainDBLines {
		if !strings.Contains(without, l) {
			t.Fatalf("cmd/server/main.go has no %q any more: update mainDBLines", l)
		}
		without = strings.Replace(without, l, "", 1)
	}
	if err := os.WriteFile(mainGo, []byte(without), 0o644); err != nil {
		t.Fatal(err)
	}

	res := e2eutil.Run(t, dir, nil, sp, "-init=example.com/demo/internal/db", "-max-conns=postgres="+strconv.Itoa(scratchBudget), "./...")
	t.Logf("singlepool -init: exit %d\n%s", res.Code, res.Stderr)
	if res.Code != 0 {
		t.Fatalf("singlepool -init failed (exit %d)", res.Code)
	}
	for _, want := range []string{"(11 of 11 sites get the shared pool)", "call db.Close() at shutdown, after the last request, in: cmd/server"} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("singlepool -init does not say %q", want)
		}
	}
	res = e2eutil.Run(t, dir, nil, sp, "-fix", "./...")
	t.Logf("singlepool -fix: exit %d\n%s", res.Code, res.Stderr)
	if res.Code != 0 {
		t.Fatalf("singlepool -fix with the settings -init wrote: exit %d", res.Code)
	}
	// What -init leaves to the user: main closes the shared pools.
	if err := os.WriteFile(mainGo, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if b := e2eutil.Run(t, dir, nil, "go", "vet", "./..."); b.Code != 0 {
		t.Fatalf("the demo after -init and -fix does not build or vet:\n%s%s", b.Stdout, b.Stderr)
	}
	res = e2eutil.Run(t, dir, nil, sp, "./...")
	if ph.findings = countFindings(res); res.Code != 0 || ph.findings != 0 {
		t.Fatalf("singlepool after -init and -fix: exit %d with %d findings, want none\n%s", res.Code, ph.findings, res.Stderr)
	}
	bound, msg := budget(t, sp, dir, nil, 1)
	if bound != scratchBudget {
		t.Errorf("singlepool's bound after -init and -fix: %d (%s), want %d (the one pgx pool -init sized)", bound, msg, scratchBudget)
	}

	runLoad(t, pg, dir, routes, ph)
	if ph.failed != 0 {
		t.Errorf("%d of %d requests failed after -init and -fix; errors: %v", ph.failed, ph.requests, ph.errors)
	}
	if ph.tooMany != 0 || ph.tooManyLog != 0 {
		t.Errorf("%q after -init and -fix: %d responses, %d log lines", tooManyClients, ph.tooMany, ph.tooManyLog)
	}
	if ph.peakConns > scratchBudget {
		t.Errorf("peak connections after -init and -fix: %d, want <= %d", ph.peakConns, scratchBudget)
	}
	if ph.peakConns == 0 {
		t.Errorf("no connection was ever seen in pg_stat_activity: the sampler or the load is broken")
	}
}
