package driver

import (
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/packages"
)

// TestLoadSplitsSourceAndExportData loads testdata/app and checks which
// packages came from source: the matched ones and the dependencies that can
// call a constructor or a function of another source package, not those
// that merely import a constructor package, nor the standard library.
func TestLoadSplitsSourceAndExportData(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	ctors := funcNames(t, "database/sql.Open", "database/sql.OpenDB", "example.com/app/custom.Dial", "(example.com/app/custom.Config).Connect")
	var gotDirs []string
	roots, err := Load([]string{"./user", "./mid", "./usevia", "./usealias"}, true, func(dirs []string) ([]singlepool.FuncName, error) {
		gotDirs = dirs
		return ctors, nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotDirs) < 50 {
		t.Errorf("ctorPkgs got %d directories; want every package of the program (std included)", len(gotDirs))
	}
	source := make(map[string]*packages.Package) // by ID
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Syntax == nil || p.TypesInfo == nil {
			t.Errorf("%s is in the graph given to the checker but has no syntax", p.ID)
		}
		source[p.ID] = p
	})
	for _, id := range []string{
		"example.com/app/user",
		"example.com/app/mid",
		"example.com/app/wrap",      // calls sql.Open: a factory behind user
		"example.com/app/viamethod", // calls the method constructor on cfgsrc's value
		"example.com/app/aliasopen", // calls sql.Open, imported as dbsql
		"example.com/app/user_test [example.com/app/user.test]",
	} {
		if source[id] == nil {
			t.Errorf("%s was not loaded from source", id)
		}
	}
	for _, id := range []string{
		"database/sql", "net/http", "fmt", "example.com/app/plain",
		"example.com/app/custom",   // declares the constructors: never analyzed
		"example.com/app/sqltypes", // imports database/sql for a type only
		"example.com/app/cfgsrc",   // names custom.Config, calls nothing
	} {
		if source[id] != nil {
			t.Errorf("%s was loaded from source; export data is enough", id)
		}
	}
	user := source["example.com/app/user"]
	if user == nil {
		t.FailNow()
	}
	if user.IllTyped || len(user.Errors) > 0 {
		t.Fatalf("user: %v", user.Errors)
	}
	// The dependencies read from export data are complete types.
	for _, imp := range user.Types.Imports() {
		if !imp.Complete() {
			t.Errorf("user imports %s, which is incomplete", imp.Path())
		}
		if imp.Path() == "net/http" && imp.Scope().Lookup("ResponseWriter") == nil {
			t.Errorf("net/http from export data has no ResponseWriter")
		}
	}
}

// TestLoadReportsErrors: a package that does not type-check keeps its
// type errors, once (not again as the go command's compile output).
func TestLoadReportsErrors(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	roots, err := Load([]string{"./broken"}, false, func([]string) ([]singlepool.FuncName, error) {
		return funcNames(t, "database/sql.Open"), nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 || !roots[0].IllTyped {
		t.Fatalf("want one ill-typed package, got %v", roots)
	}
	if n := len(roots[0].Errors); n != 1 || roots[0].Errors[0].Kind != packages.TypeError {
		t.Errorf("errors: %v; want one type error", roots[0].Errors)
	}
}

// funcNames parses constructor names as the settings would.
func funcNames(t *testing.T, names ...string) []singlepool.FuncName {
	t.Helper()
	out := make([]singlepool.FuncName, len(names))
	for i, n := range names {
		f, err := singlepool.ParseFuncName(n)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f
	}
	return out
}

// TestLoadStats: SINGLEPOOL_LOADSTATS=list says how many packages come
// from where, and why each dependency is loaded from source.
func TestLoadStats(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	var buf strings.Builder
	statsOut = &buf
	t.Cleanup(func() { statsOut = os.Stderr })
	load := func() {
		t.Helper()
		if _, err := Load([]string{"./user"}, false, func([]string) ([]singlepool.FuncName, error) {
			return funcNames(t, "database/sql.Open"), nil
		}, nil); err != nil {
			t.Fatal(err)
		}
	}
	load()
	if buf.Len() != 0 {
		t.Fatalf("without SINGLEPOOL_LOADSTATS: printed %q", buf.String())
	}
	t.Setenv("SINGLEPOOL_LOADSTATS", "list")
	load()
	out := buf.String()
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("want the summary, one dependency and the two lines of times, got %d lines:\n%s", n, out)
	}
	if !regexp.MustCompile(`^singlepool: \d+ packages: 1 matched; 1 dependencies from source \(1 may call a constructor, 0 import a package loaded from source\); \d+ from export data, 0 of them above a package loaded from source \(they name no function holding a fact\)\n`).MatchString(out) {
		t.Errorf("summary line: got\n%s", out)
	}
	if want := "singlepool: from source: example.com/app/wrap (names a constructor)\n"; !strings.Contains(out, want) {
		t.Errorf("missing %q in\n%s", want, out)
	}
	if !regexp.MustCompile(`(?m)^singlepool: type-checked from source in \S+: matched packages \S+, dependencies \S+\nsinglepool: type-checked example.com/app/wrap in \S+\n\z`).MatchString(out) {
		t.Errorf("times: got\n%s", out)
	}
	if strings.Contains(out, "example.com/app/plain") {
		t.Errorf("plain is listed, but comes from export data:\n%s", out)
	}
}

// TestCallersFirst: an importer of a constructor caller is read from export
// data unless it names a function that got a fact there (or imports an
// importer that stays on source); the export data reuses the caller's
// source objects, and the caller's facts still reach the matched packages.
func TestCallersFirst(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	a := singlepool.NewFlagAnalyzer()
	roots, err := Load([]string{"./staged", "./cmd/stagedmain"}, true, func(dirs []string) ([]singlepool.FuncName, error) {
		return singlepool.Constructors(a, dirs)
	}, stagingFor(a))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roots {
		if len(r.Errors) > 0 {
			t.Errorf("%s: %v", r.ID, r.Errors)
		}
	}
	source := make(map[string]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) { source[p.ID] = p })
	for _, id := range []string{
		"example.com/app/store", "example.com/app/loud", "example.com/app/above",
		// Names staged.Handler, which gets a fact only when the
		// matched packages are analyzed, last.
		"example.com/app/stagedhelp",
	} {
		if source[id] == nil || source[id].TypesInfo == nil {
			t.Errorf("%s was not loaded from source", id)
		}
	}
	if source["example.com/app/quiet"] != nil {
		t.Errorf("quiet names nothing holding a fact, but was loaded from source")
	}
	var main *packages.Package
	for _, r := range roots {
		if r.ID == "example.com/app/cmd/stagedmain" {
			main = r
		}
	}
	if main == nil {
		t.Fatal("no main package among the roots")
	}
	// The checker reaches store from stagedmain only along Imports.
	if main.Imports["example.com/app/store"] == nil {
		t.Errorf("stagedmain's Imports lack store (behind quiet): %v", slices.Collect(maps.Keys(main.Imports)))
	}
	store := source["example.com/app/store"]
	var quiet *types.Package
	for _, imp := range main.Types.Imports() {
		if imp.Path() == "example.com/app/quiet" {
			quiet = imp
		}
	}
	if quiet == nil || !quiet.Complete() {
		t.Fatalf("quiet from export data: %v", quiet)
	}
	res := quiet.Scope().Lookup("Conn").Type().(*types.Signature).Results().At(0).Type()
	got := res.(*types.Pointer).Elem().(*types.Named).Obj()
	if want := store.Types.Scope().Lookup("Conn"); got != want {
		t.Errorf("quiet.Conn returns a %v distinct from store's source-checked Conn", got)
	}
}

// TestCallersFirstAnalysisFailed: when the first stage's analysis fails in
// a constructor caller (it does not type-check), which of its functions
// hold a fact is unknown, so no importer is read from export data.
func TestCallersFirstAnalysisFailed(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	t.Chdir(filepath.Join("testdata", "app"))
	a := singlepool.NewFlagAnalyzer()
	roots, err := Load([]string{"./brokenroot"}, false, func(dirs []string) ([]singlepool.FuncName, error) {
		return singlepool.Constructors(a, dirs)
	}, stagingFor(a))
	if err != nil {
		t.Fatal(err)
	}
	source := make(map[string]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) { source[p.ID] = p })
	for _, id := range []string{"example.com/app/brokenctor", "example.com/app/brokenquiet"} {
		if source[id] == nil || source[id].TypesInfo == nil {
			t.Errorf("%s was not loaded from source", id)
		}
	}
	if p := source["example.com/app/brokenctor"]; p == nil || len(p.Errors) == 0 {
		t.Errorf("brokenctor: no type error recorded")
	}
}
