package vet

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

const initPkg = "internal/db"

// noServer points every family at addresses where nothing listens: none
// of the constructors connects before its first use, and the behavior
// tests only compare the handles and their settings.
var noServer = []string{
	"DATABASE_URL=postgres://app@127.0.0.1:1/appdb?sslmode=disable", "WANT_DATABASE=appdb",
	"REDIS_ADDR=127.0.0.1:1", "MONGODB_URI=mongodb://127.0.0.1:1",
}

// TestInitFamilies runs the whole cure on each library family of
// testdata/initfam, a module with no shared package: `singlepool -init`
// writes internal/db and .singlepool.yml, the package builds and vets
// with the module's own versions of the real libraries (no go.mod
// change), a plain `singlepool -fix` then fixes every site, and the
// family's behavior test, which fails before the fix (two pools), passes
// after it: one pool, on the same database, with the size -init wrote.
func TestInitFamilies(t *testing.T) {
	bin, orig := setup(t, "initfam")
	cases := []struct {
		pkg   string
		flags []string
		want  []string // accessors the settings map constructors to
	}{
		{"pgxfam", nil, []string{"Pool"}},
		{"sqlfam", nil, []string{"SQL"}},
		{"sqlxfam", nil, []string{"SQLX", "MustSQLX"}},
		{"gormfam", []string{"-max-conns=postgres=40"}, []string{"Gorm"}},
		{"redisfam", nil, []string{"Redis"}},
		{"mongofam", nil, []string{"Mongo"}},
		{"mixed", []string{"-max-conns=postgres=50", "-replicas=2"}, []string{"Pool", "SQL", "SQLX", "Gorm"}},
	}
	gomod, err := os.ReadFile(filepath.Join(orig, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	env := append(slices.Clone(goEnv), noServer...)
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			dir := copyModule(t, "initfam")
			if r := e2eutil.Run(t, dir, env, "go", "test", "-count=1", "./"+c.pkg); r.Code == 0 {
				t.Fatalf("the behavior test of %s passes before the fix: it tests nothing", c.pkg)
			}
			args := append([]string{"-init=example.com/initfam/" + initPkg}, c.flags...)
			res := singlepool(t, bin, dir, append(args, "./"+c.pkg+"/...", "./cmd/...")...)
			noPanic(t, "singlepool -init", res)
			wantExit(t, "singlepool -init", res, 0)
			yml, err := os.ReadFile(filepath.Join(dir, ".singlepool.yml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, acc := range c.want {
				if !strings.Contains(string(yml), "=example.com/initfam/"+initPkg+"."+acc+"\n") {
					t.Errorf(".singlepool.yml maps no constructor to %s:\n%s", acc, yml)
				}
			}
			if !regexp.MustCompile(`\(\d+ of \d+ sites get the shared pool\)`).MatchString(res.Stderr) {
				t.Errorf("-init does not say what -fix will do:\n%s", res.Stderr)
			}
			res = singlepool(t, bin, dir, "-fix", "./"+c.pkg+"/...")
			noPanic(t, "singlepool -fix", res)
			wantExit(t, "singlepool -fix", res, 0)
			for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "-count=1", "./" + c.pkg}} {
				if r := e2eutil.Run(t, dir, env, "go", args...); r.Code != 0 {
					t.Errorf("go %s after -init and -fix: exit %d\n%s%s", strings.Join(args, " "), r.Code, clip(r.Stdout), clip(r.Stderr))
				}
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(after) != string(gomod) {
				t.Errorf("go.mod changed:\n%s", after)
			}
		})
	}
}

// TestInitIncident is the cure from scratch on the incident's backend:
// testdata/incident without its internal/db (and the test helpers and
// main's lines that use it). `singlepool -init` writes the shared
// package, `singlepool -fix` with no flags then fixes exactly the sites a
// reviewer marked "site: fix" (36) and none marked "keep"; the module
// builds and vets, and with the incident's test helpers and behavior
// tests put back (they import internal/db, which now exists again), every
// fixed function still works with the shared pools open.
func TestInitIncident(t *testing.T) {
	bin, orig := setup(t, "incident")
	dir := copyModule(t, "incident")
	removeSharedPackage(t, dir)
	if r := e2eutil.Run(t, dir, goEnv, "go", "build", "./..."); r.Code != 0 {
		t.Fatalf("the incident without internal/db does not build:\n%s", r.Stderr)
	}

	res := singlepool(t, bin, dir, "-init=example.com/incident/"+initPkg, "./...")
	noPanic(t, "singlepool -init", res)
	wantExit(t, "singlepool -init", res, 0)
	for _, want := range []string{
		"wrote internal/db/db.go and .singlepool.yml",
		"(36 of 39 sites get the shared pool)",
		"call db.Close() at shutdown, after the last request, in: cmd/server (example.com/incident/cmd/server)",
		"internal/analytics/analytics.go:18:23: pgxpool.New: it connects with (os.Getenv(\"ANALYTICS_URL\"))",
	} {
		if !strings.Contains(res.Stderr, want) {
			t.Errorf("singlepool -init does not say %q:\n%s", want, res.Stderr)
		}
	}

	res = singlepool(t, bin, dir, "-fix", "./...")
	noPanic(t, "singlepool -fix", res)
	ctor := regexp.MustCompile(`\b(pgxpool\.New|pgxpool\.NewWithConfig|sql\.Open|sqlx\.Connect|sqlx\.Open|gorm\.Open|redis\.NewClient)\(`)
	marks := siteMarks(t, orig)
	for pos, kind := range marks {
		line := lineAt(t, dir, pos)
		if got := ctor.MatchString(line); got != (kind != "fix") {
			t.Errorf("%s (site: %s) after -init and -fix: %s", pos, kind, strings.TrimSpace(line))
		}
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if r := e2eutil.Run(t, dir, goEnv, "go", args...); r.Code != 0 {
			t.Errorf("go %s after -init and -fix: exit %d\n%s", strings.Join(args, " "), r.Code, clip(r.Stderr))
		}
	}
	// The behavior tests, back.
	e2eutil.CopyDir(t, filepath.Join(orig, "internal", "dbtest"), filepath.Join(dir, "internal", "dbtest"))
	for name := range goFiles(t, orig) {
		if strings.HasSuffix(name, "_test.go") {
			copyFile(t, filepath.Join(orig, name), filepath.Join(dir, name))
		}
	}
	if r := e2eutil.Run(t, dir, goEnv, "go", "test", "-count=1", "./..."); r.Code != 0 {
		t.Errorf("the behavior tests after -init and -fix: exit %d\n%s%s", r.Code, clip(r.Stdout), clip(r.Stderr))
	}

	// Run again: nothing is overwritten.
	before := goFiles(t, dir)
	res = singlepool(t, bin, dir, "-init=example.com/incident/"+initPkg, "./...")
	wantExit(t, "singlepool -init, a second time", res, 2)
	if !strings.Contains(res.Stderr, "internal/db exists: -init never overwrites a file") {
		t.Errorf("a second -init does not say why it stops:\n%s", res.Stderr)
	}
	if after := goFiles(t, dir); !maps.Equal(before, after) {
		t.Error("a second -init changed files")
	}
}

// removeSharedPackage turns the incident into a backend with no shared
// package: internal/db goes, and with it the test helpers and tests that
// import it and main's lines that call it.
func removeSharedPackage(t *testing.T, dir string) {
	t.Helper()
	for _, p := range []string{filepath.Join(dir, "internal", "db"), filepath.Join(dir, "internal", "dbtest"), filepath.Join(dir, ".singlepool.yml")} {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
	for name := range goFiles(t, dir) {
		if strings.HasSuffix(name, "_test.go") {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	main := filepath.Join(dir, "cmd", "server", "main.go")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, cut := range []string{
		"\t\"example.com/incident/internal/db\"\n",
		"\tdefer db.Close()\n",
		"\tif _, err := db.Pool(ctx); err != nil {\n\t\treturn err\n\t}\n",
	} {
		if !strings.Contains(s, cut) {
			t.Fatalf("cmd/server/main.go has no %q any more: update removeSharedPackage", cut)
		}
		s = strings.Replace(s, cut, "", 1)
	}
	if err := os.WriteFile(main, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitBadInput: each mistake gets one line naming it, exit 2, and
// nothing is written.
func TestInitBadInput(t *testing.T) {
	bin, _ := setup(t, "initfam")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-init=other.example/db", "./..."}, "-init=other.example/db is not a package of module example.com/initfam"},
		{[]string{"-init=", "./..."}, "-init needs the shared package's import path: -init=example.com/initfam/internal/db"},
		{[]string{"-init=example.com/initfam/internal/db", "./cmd/..."}, "no construction site of a pool or client in ./cmd/...: nothing to share"},
		{[]string{"-init=example.com/initfam/internal/db", "./nosuchdir/..."}, "pattern ./nosuchdir/...: lstat ./nosuchdir/: no such file or directory"},
		{[]string{"-init=example.com/initfam/internal/db"}, "no package patterns given"},
		{[]string{"-init=example.com/initfam/internal/db", "-max-conns=lots", "./..."}, "max-conns"},
		{[]string{"-init=example.com/initfam/pgxfam", "./..."}, "pgxfam exists: -init never overwrites a file"},
	}
	for _, c := range cases {
		dir := copyModule(t, "initfam")
		before := goFiles(t, dir)
		res := singlepool(t, bin, dir, c.args...)
		noPanic(t, "singlepool "+strings.Join(c.args, " "), res)
		wantExit(t, "singlepool "+strings.Join(c.args, " "), res, 2)
		if !strings.Contains(res.Stderr, c.want) {
			t.Errorf("singlepool %s: want %q in\n%s", strings.Join(c.args, " "), c.want, res.Stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, ".singlepool.yml")); err == nil {
			t.Errorf("singlepool %s wrote .singlepool.yml", strings.Join(c.args, " "))
		}
		if after := goFiles(t, dir); !maps.Equal(before, after) {
			t.Errorf("singlepool %s changed Go files", strings.Join(c.args, " "))
		}
	}
}
