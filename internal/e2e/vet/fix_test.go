package vet

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// singletons maps each constructor testdata/fixapp uses to its accessor in
// internal/db. sql.OpenDB and redis.NewClient have none.
var singletons = strings.Join([]string{
	"github.com/jackc/pgx/v5/pgxpool.New=" + dbPkg + ".Pool",
	"database/sql.Open=" + dbPkg + ".SQL",
	"github.com/jmoiron/sqlx.Connect=" + dbPkg + ".SQLX",
}, ",")

// fixappBefore is every finding in testdata/fixapp as committed: the
// direct calls (the handler's "on every request"). cmd/app's main calls
// the factories and helpers that build them once, at startup: not a
// second finding, since each construction site is reported already.
var fixappBefore = sorted(
	finding("internal/billing/billing.go:14:16", "sql.Open"),
	finding("internal/cache/cache.go:12:15", "redis.NewClient"),
	// An accessor is configured for sqlx.Connect, so the message says why
	// there is no fix.
	finding("internal/legacy/legacy.go:15:20", "sqlx.Connect")+" (no suggested fix: a function value: the accessor cannot be substituted where the call happens)",
	finding("internal/legacy/legacy.go:23:13", "sql.OpenDB"),
	finding("internal/orders/orders.go:18:18", "pg.New"),
	finding("internal/orders/orders.go:23:18", "sql.Open"),
	finding("internal/orders/orders.go:28:19", "sqlx.Connect"),
	finding("internal/orders/orders.go:49:21", "pg.New"),
	finding("internal/reports/reports.go:17:16", "sql.Open"),
	finding("internal/reports/reports.go:28:18", "sqlx.Connect"),
	finding("internal/users/users.go:23:24", "pgxpool.New"),
	perRequest("internal/users/users.go:42:23", "pgxpool.New"),
	finding("internal/users/users.go:68:17", "pgxpool.New")+openNoFix,
	finding("internal/users/users.go:73:17", "pgxpool.New"),
	finding("internal/users/users_test.go:16:23", "pgxpool.New"),
	auditNoFix, replicaNoFix, tenantsNoFix, jobsClose, jobsConnClose,
)

// fixappAfter is what remains after -fix: the constructors without an
// accessor (redis.NewClient, sql.OpenDB) and the function value. Those
// files are not edited, so the positions are unchanged.
var fixappAfter = sorted(
	finding("internal/cache/cache.go:12:15", "redis.NewClient"),
	// An accessor is configured for sqlx.Connect, so the message says why
	// there is no fix.
	finding("internal/legacy/legacy.go:15:20", "sqlx.Connect")+" (no suggested fix: a function value: the accessor cannot be substituted where the call happens)",
	finding("internal/legacy/legacy.go:23:13", "sql.OpenDB"),
	// Left without a fix because the fix would change what the program
	// does; users.go's lines move by one (the import the fixes add).
	finding("internal/users/users.go:68:17", "pgxpool.New")+openNoFix,
	auditNoFix, replicaNoFix, tenantsNoFix,
)

// The sites whose fix would change what the program does, and why; each
// package has a behavior test that fails if the fix is applied anyway.
var (
	openNoFix    = " (no suggested fix: it connects with parameter dsn, which may not be the shared pool's database)"
	auditNoFix   = finding("internal/audit/audit.go:16:16", "sql.Open") + " (no suggested fix: it tunes its pool after building it (d.SetMaxOpenConns(2)); the fix would tune the shared pool)"
	replicaNoFix = finding("internal/replica/replica.go:13:23", "pgxpool.New") + " (no suggested fix: it connects with ($REPLICA_DATABASE_URL); the shared pool with ($DATABASE_URL))"
	// Not a pool built but the shared one closed (close-shared); the
	// fix removes the Close.
	jobsClose = "internal/jobs/jobs.go:19:13: pool.Close closes the shared pool (db.Pool): every later use of it fails; leave closing it to " + dbPkg + " at shutdown"
	// The same through db.Conn, which passes the shared pool on (a fact).
	jobsConnClose = "internal/jobs/jobs.go:30:13: conn.Close closes the shared pool (db.Pool): every later use of it fails; leave closing it to " + dbPkg + " at shutdown"
	tenantsNoFix  = fmt.Sprintf("internal/tenants/tenants.go:18:21: pgxpool.New creates a new connection pool outside %s; use the shared pool", dbPkg) +
		" (no suggested fix: it connects with t.DSN, a field, which may not be the shared pool's database)"
)

// TestFix applies the suggested fixes to testdata/fixapp with `singlepool
// -fix` and with `go vet -vettool -fix`, and checks that the result
// builds, vets and compiles its tests, that only the sites without a fix
// remain, that no replaced pool is closed any more, and that both drivers
// write the same files.
func TestFix(t *testing.T) {
	bin, orig := setup(t, "fixapp")
	flags := []string{"-allow=" + dbPkg, "-singleton=" + singletons}

	res := singlepool(t, bin, orig, append(flags, "./...")...)
	noPanic(t, "singlepool", res)
	wantExit(t, "singlepool on fixapp", res, standaloneFindings)
	checkFindings(t, "singlepool on fixapp before the fix", diagnostics(res.Stderr, orig, orig), fixappBefore)

	fixed := copyModule(t, "fixapp")
	res = singlepool(t, bin, fixed, append(append([]string{"-fix"}, flags...), "./...")...)
	noPanic(t, "singlepool -fix", res)
	wantExit(t, "singlepool -fix", res, 0)
	// -fix says what it fixes and what it leaves, with the reasons.
	for _, want := range []string{
		"singlepool -fix: 13 of 20 findings have a fix, in 6 files; 7 left without one:\n",
		"\tinternal/replica/replica.go:13:23: it connects with ($REPLICA_DATABASE_URL); the shared pool with ($DATABASE_URL)\n",
		"\tinternal/cache/cache.go:12:15: no accessor is configured for its constructor (singleton)\n",
		"\tinternal/tenants/tenants.go:18:21: it connects with t.DSN, a field, which may not be the shared pool's database\n",
	} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("singlepool -fix: stderr lacks %q:\n%s", want, res.Stderr)
		}
	}
	if d := e2eutil.Run(t, "/", nil, "diff", "-ru", orig, fixed); d.Code == 1 {
		t.Logf("singlepool -fix:\n%s", d.Stdout)
	}

	t.Run("builds", func(t *testing.T) {
		for _, args := range [][]string{
			{"build", "./..."},
			{"vet", "./..."},
			{"test", "-count=1", "-run", "XXX", "./..."},
		} {
			if r := e2eutil.Run(t, fixed, goEnv, "go", args...); r.Code != 0 {
				t.Errorf("go %s on the fixed module: exit %d\n%s%s", strings.Join(args, " "), r.Code, r.Stdout, r.Stderr)
			}
		}
		if r := e2eutil.Run(t, fixed, goEnv, "gofmt", "-l", "."); r.Code != 0 || r.Stdout != "" {
			t.Errorf("gofmt -l on the fixed module: exit %d, files not formatted:\n%s%s", r.Code, r.Stdout, r.Stderr)
		}
	})

	t.Run("only the sites without a fix remain", func(t *testing.T) {
		res := singlepool(t, bin, fixed, append(flags, "./...")...)
		noPanic(t, "singlepool", res)
		wantExit(t, "singlepool on the fixed module", res, standaloneFindings)
		checkFindings(t, "singlepool after -fix", diagnostics(res.Stderr, fixed, fixed), fixappAfter)
	})

	t.Run("no configured constructor is called outside internal/db", func(t *testing.T) {
		call := regexp.MustCompile(`\b(pgxpool\.New|pg\.New|sql\.Open|sqlx\.Connect)\(`)
		// The sites left without a fix, for the reasons in fixappAfter.
		kept := map[string]bool{
			"internal/users/users.go:68": true,
			"internal/audit/audit.go:16": true, "internal/replica/replica.go:13": true,
			"internal/tenants/tenants.go:18": true,
		}
		for name, src := range goFiles(t, fixed) {
			if strings.HasPrefix(name, "internal/db/") {
				continue
			}
			for i, line := range strings.Split(src, "\n") {
				if call.MatchString(line) && !kept[fmt.Sprintf("%s:%d", name, i+1)] {
					t.Errorf("%s:%d: a configured constructor is still called: %s", name, i+1, strings.TrimSpace(line))
				}
			}
		}
	})

	t.Run("the accessors are called", func(t *testing.T) {
		files := goFiles(t, fixed)
		for _, c := range []struct{ file, want string }{
			{"internal/users/users.go", "s.pool, err = db.Pool(ctx)"},
			{"internal/users/users.go", "pool, err := db.Pool(r.Context())"},
			{"internal/users/users_test.go", "pool, err := db.Pool(ctx)"},
			{"internal/orders/orders.go", "pool, err := db.Pool(ctx)"},
			// config.DSN() only returns DATABASE_URL: the shared pool's.
			{"internal/billing/billing.go", "d, err := db.SQL()"},
			{"internal/orders/orders.go", "sdb, err := db.SQL()"},
			{"internal/orders/orders.go", "xdb, err := db.SQLX()"},
			{"internal/orders/orders.go", "var pool, err = db.Pool(ctx)"},
			// reports has locals named db: the package gets another name.
			{"internal/reports/reports.go", "db, err = dbpkg.SQL()"},
			{"internal/reports/reports.go", "db, err := dbpkg.SQLX()"},
			{"internal/reports/reports.go", `dbpkg "` + dbPkg + `"`},
			// What has no fix stays.
			{"internal/legacy/legacy.go", "var connect = sqlx.Connect"},
			{"internal/legacy/legacy.go", "sql.OpenDB(stdlib.GetConnector(*cfg))"},
			{"internal/cache/cache.go", "redis.NewClient(&redis.Options{"},
		} {
			if !strings.Contains(files[c.file], c.want) {
				t.Errorf("%s does not contain %q", c.file, c.want)
			}
		}
		// The DSN that only the replaced calls used is gone, with its
		// import; os stays where something else uses it.
		if strings.Contains(files["internal/orders/orders.go"], "dsn :=") {
			t.Errorf("internal/orders/orders.go still declares dsn, used only by the replaced calls")
		}
		for _, f := range []string{"internal/orders/orders.go", "internal/reports/reports.go"} {
			if strings.Contains(files[f], `"os"`) {
				t.Errorf("%s still imports os, used only by the replaced calls", f)
			}
		}
		if strings.Contains(files["internal/billing/billing.go"], "internal/config") {
			t.Errorf("internal/billing/billing.go still imports internal/config, used only by the replaced call")
		}
		if !strings.Contains(files["internal/users/users_test.go"], `"os"`) {
			t.Errorf("internal/users/users_test.go lost its os import, still used by os.Getenv in the test")
		}
	})

	t.Run("no replaced pool is closed", func(t *testing.T) {
		files := goFiles(t, fixed)
		for _, c := range []struct{ file, closes string }{
			{"internal/users/users_test.go", "defer pool.Close()"},
			{"internal/orders/orders.go", "defer pool.Close()"},
			{"internal/orders/orders.go", "defer sdb.Close()"},
			{"internal/orders/orders.go", "defer xdb.Close()"},
			{"internal/reports/reports.go", "defer db.Close()"},
			// Store.Close closes the field that NewStore now fills with
			// the shared pool: the first store.Close() would close the
			// pool of the whole process.
			{"internal/users/users.go", "s.pool.Close()"},
		} {
			if strings.Contains(files[c.file], c.closes) {
				t.Errorf("%s still has %q: it closes the shared pool", c.file, c.closes)
			}
		}
		// Handler's Close goes, and Exists's, on the pool newPool now
		// takes from the shared one (its only caller is in sight).
		if n := strings.Count(files["internal/users/users.go"], "defer pool.Close()"); n != 0 {
			t.Errorf("internal/users/users.go has %d \"defer pool.Close()\", want 0", n)
		}
		// Closes of other things stay.
		if !strings.Contains(files["internal/users/users.go"], "defer rows.Close()") {
			t.Errorf("internal/users/users.go lost defer rows.Close()")
		}
	})

	t.Run("the fixed code behaves as before", func(t *testing.T) {
		// The Behavior tests of testdata/fixapp (no database needed)
		// fail where a fix changed what the program does: the shared
		// pool closed by a request, a Close or a caller; a tenant's,
		// the replica's or the audit pool's database or limit replaced
		// by the shared pool's.
		r := e2eutil.Run(t, fixed, goEnv, "go", "test", "-count=1", "-run", "Behavior", "./...")
		if r.Code != 0 {
			t.Errorf("go test -run Behavior on the fixed module: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
		}
		for _, pkg := range []string{"audit", "jobs", "replica", "tenants", "users"} {
			if !strings.Contains(r.Stdout, "ok  \texample.com/app/internal/"+pkg) {
				t.Errorf("the behavior test of internal/%s did not run:\n%s", pkg, r.Stdout)
			}
		}
	})

	t.Run("the behavior tests fail without the fix", func(t *testing.T) {
		// The test that the fix makes pass: before it, Nightly closes
		// the shared pool.
		r := e2eutil.Run(t, orig, goEnv, "go", "test", "-count=1", "-run", "Behavior", "./internal/jobs")
		if r.Code == 0 || !strings.Contains(r.Stdout, "the shared pool is closed") {
			t.Errorf("go test -run Behavior ./internal/jobs on the original: exit %d, want a failure saying the shared pool is closed\n%s%s", r.Code, r.Stdout, r.Stderr)
		}
	})

	t.Run("a misconfigured accessor blocks only its constructor", func(t *testing.T) {
		// database/sql.Open names an accessor that does not exist: its
		// sites keep their pools and the run fails, but the pgxpool and
		// sqlx sites get their fixes, the same ones a good run writes.
		mis := copyModule(t, "fixapp")
		bad := []string{"-fix", "-allow=" + dbPkg, "-singleton=" + strings.Replace(singletons, dbPkg+".SQL,", dbPkg+".Missing,", 1), "./..."}
		res := singlepool(t, bin, mis, bad...)
		noPanic(t, "singlepool -fix with a missing accessor", res)
		wantExit(t, "singlepool -fix with a missing accessor", res, 1)
		for _, want := range []string{
			"singleton accessor " + dbPkg + ".Missing for database/sql.Open is not a function or function variable declared in this package\n",
			"\tinternal/billing/billing.go:14:16: accessor " + dbPkg + ".Missing is not declared\n",
			"an accessor is wrong or cannot be read (see above): its constructor's sites are left as they are; the other fixes are written\n",
		} {
			if !strings.Contains(res.Stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, res.Stderr)
			}
		}
		if strings.Contains(res.Stderr, "nothing was written") {
			t.Errorf("a wrong accessor stopped every fix:\n%s", res.Stderr)
		}
		got, good := goFiles(t, mis), goFiles(t, fixed)
		for _, c := range []struct{ file, want string }{
			{"internal/users/users.go", "pool, err := db.Pool(r.Context())"},
			{"internal/orders/orders.go", "xdb, err := db.SQLX()"},
			{"internal/billing/billing.go", "sql.Open("},
		} {
			if !strings.Contains(got[c.file], c.want) {
				t.Errorf("%s does not contain %q", c.file, c.want)
			}
		}
		for _, f := range []string{"internal/billing/billing.go", "internal/orders/orders.go"} {
			if strings.Contains(got[f], "db.SQL()") || strings.Contains(got[f], "db.Missing") {
				t.Errorf("%s was pointed at database/sql.Open's accessor, which is wrong", f)
			}
		}
		if got["internal/users/users.go"] != good["internal/users/users.go"] {
			t.Errorf("internal/users/users.go (pgxpool only) differs from the good run's fix")
		}
		if r := e2eutil.Run(t, mis, goEnv, "go", "build", "./..."); r.Code != 0 {
			t.Errorf("the partly fixed module does not build:\n%s%s", r.Stdout, r.Stderr)
		}
	})

	t.Run("go vet -fix writes the same files", func(t *testing.T) {
		vetFixed := copyModule(t, "fixapp")
		res := vet(t, bin, vetFixed, append(append([]string{"-fix"}, flags...), "./...")...)
		noPanic(t, "go vet -fix", res)
		wantExit(t, "go vet -vettool -fix", res, 0)
		a, b := goFiles(t, fixed), goFiles(t, vetFixed)
		for _, name := range unionKeys(a, b) {
			switch {
			case a[name] == b[name]:
			case !hasKey(a, name) || !hasKey(b, name):
				t.Errorf("%s exists after only one of singlepool -fix and go vet -fix", name)
			default:
				t.Errorf("%s differs between singlepool -fix and go vet -fix", name)
			}
		}
		if d := e2eutil.Run(t, "/", nil, "diff", "-ru", fixed, vetFixed); d.Code != 0 {
			t.Errorf("diff -ru (singlepool -fix) (go vet -fix):\n%s%s", d.Stdout, d.Stderr)
		}
		// go.mod and go.sum too: neither driver should touch them.
		for _, f := range []string{"go.mod", "go.sum"} {
			if same, err := sameBytes(filepath.Join(orig, f), filepath.Join(vetFixed, f)); err != nil || !same {
				t.Errorf("go vet -fix changed %s (err %v)", f, err)
			}
		}
	})

	// Go 1.26's go fix runs an analysis tool like go vet and applies its
	// fixes: the way to migrate a whole module (README, Adopting
	// singlepool). -diff first shows the patch and changes nothing.
	t.Run("go fix -fixtool writes the same files", func(t *testing.T) {
		goFixed := copyModule(t, "fixapp")
		fixArgs := append(append([]string{"fix", "-fixtool=" + bin}, flags...), "./...")
		diffArgs := append(append([]string{"fix", "-fixtool=" + bin, "-diff"}, flags...), "./...")
		res := e2eutil.Run(t, goFixed, goEnv, "go", diffArgs...)
		noPanic(t, "go fix -diff", res)
		if res.Code == 0 || !strings.Contains(res.Stdout, "+\tpool, err := db.Pool(ctx)") {
			t.Errorf("go fix -fixtool -diff: exit %d, want non-zero with the patch on stdout\nstdout:\n%s\nstderr:\n%s", res.Code, clip(res.Stdout), clip(res.Stderr))
		}
		if d := e2eutil.Run(t, "/", nil, "diff", "-r", orig, goFixed); d.Code != 0 {
			t.Errorf("go fix -diff changed files:\n%s", d.Stdout)
		}
		res = e2eutil.Run(t, goFixed, goEnv, "go", fixArgs...)
		noPanic(t, "go fix", res)
		wantExit(t, "go fix -fixtool", res, 0)
		if d := e2eutil.Run(t, "/", nil, "diff", "-ru", fixed, goFixed); d.Code != 0 {
			t.Errorf("diff -ru (singlepool -fix) (go fix -fixtool):\n%s%s", d.Stdout, d.Stderr)
		}
	})
}

// goFiles returns the .go files under root by slash-separated relative name.
func goFiles(t *testing.T, root string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

func unionKeys(a, b map[string]string) []string {
	seen := make(map[string]bool)
	var keys []string
	for _, m := range []map[string]string{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
