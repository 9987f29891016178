package singlepool

// Fuzz targets for the "zero panics" robustness work. Each must never
// panic; they also check that errors are clear and that suggested fixes
// are well-formed. scripts/fuzz.sh runs each for a bounded time; without
// -fuzz, `go test` runs them on their seeds (f.Add and testdata/fuzz).
//
// Set SINGLEPOOL_FUZZ_STRICT=1 to also require that a fix applied to a
// source that type-checks cleanly still type-checks (a stronger property
// than "still parses", useful for exploratory runs).

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/tools/go/analysis"
)

// ---------------------------------------------------------------------
// FuzzFlags

// flagNames are the list and path flags whose Set the fuzzer feeds.
var flagNames = []string{"allow", "constructors", "singleton", "config"}

// settingNames are the names an error about the settings must mention.
var settingNames = []string{"allow", "constructors", "singleton", "allow-tests", "single-conns", "check-generated", "config"}

func FuzzFlags(f *testing.F) {
	f.Add("example.com/app/internal/db,example.com/app/cmd/...", "example.com/x.NewPool,(*example.com/x.Config).Open",
		"database/sql.Open=example.com/app/internal/db.SQL", "", []byte(nil))
	f.Add("", "", "github.com/jackc/pgx/v5/pgxpool.New=example.com/db.Pool", "", []byte(nil))
	f.Add("a/...,./x", "nodot", "database/sql.Open", "", []byte(nil))
	f.Add("...", "(*example.com/x.T.Open", "database/sql.Open=(*example.com/db.T).Pool", "", []byte(nil))
	f.Add("example.com/a/.../b", "example.com/x.", "example.com/x.New=example.com/db.Pool", "", []byte(nil))
	f.Add(" , ,", " ", "database/sql.Open=example.com/a.F,database/sql.Open=example.com/b.F", "", []byte(nil))
	f.Add("", "", "", "s.yml", []byte("allow: [example.com/db]\nsingleton: [database/sql.Open=example.com/db.SQL]\n"))
	f.Add("example.com/db", "", "", "/dev/null", []byte("alow: [x]\n"))
	f.Add("", "example.com/x.NewPool", "example.com/x.NewPool=example.com/db.Pool", "c.yml", []byte("constructors: [example.com/y.New]\n"))
	f.Add("", "", "", "", []byte("allow: [./db]\n"))
	f.Add("ex\x00ample.com", "a.b/c.\xff", "=", "\x00", []byte{0xff})

	dir := f.TempDir()
	modDir := filepath.Join(dir, "mod")
	pkgFile := filepath.Join(modDir, "pkg", "pkg.go")
	cfgFile := filepath.Join(dir, "cfg", "settings.yml")
	for _, d := range []string{filepath.Dir(pkgFile), filepath.Dir(cfgFile)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			f.Fatal(err)
		}
	}
	// go.mod stops the discovery of settings files at modDir.
	if err := os.WriteFile(filepath.Join(modDir, "go.mod"), []byte("module example.com/mod\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	pkgSrc := "package pkg\n"
	if err := os.WriteFile(pkgFile, []byte(pkgSrc), 0o644); err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, allow, ctors, singleton, config string, file []byte) {
		a := newFlagAnalyzer()
		a.Flags.SetOutput(io.Discard)
		values := map[string]string{"allow": allow, "constructors": ctors, "singleton": singleton, "config": config}
		allSet := true
		configSet := false
		for _, name := range flagNames {
			v := values[name]
			if v == "" {
				continue // not given: the file (if any) decides
			}
			fl := a.Flags.Lookup(name)
			before := fl.Value.String()

			// The raw Value.Set, as drivers that set flags directly use it.
			probe := newFlagAnalyzer()
			if err := probe.Flags.Set(name, v); err != nil && err.Error() == "" {
				t.Errorf("-%s=%q: Set returned an empty error", name, v)
			}

			// Parse, as on a command line: the error names the flag.
			err := a.Flags.Parse([]string{"-" + name + "=" + v})
			if err != nil {
				allSet = false
				if !strings.Contains(err.Error(), "-"+name) {
					t.Errorf("-%s=%q: error does not name the flag: %v", name, v, err)
				}
				if after := fl.Value.String(); after != before {
					t.Errorf("-%s=%q failed (%v) but changed the value from %q to %q", name, v, err, before, after)
				}
				continue
			}
			switch name {
			case "config":
				got := fl.Value.String()
				// Relative paths stay relative: they are resolved against
				// each package's module root when the analyzer runs.
				if got != filepath.Clean(v) {
					t.Errorf("-config=%q: path stored as %q, want %q", v, got, filepath.Clean(v))
				}
				configSet = true
			default:
				// The value round-trips: what String prints, Set accepts,
				// with the same elements.
				got := fl.Value.String()
				again := newFlagAnalyzer()
				if err := again.Flags.Set(name, got); err != nil {
					t.Errorf("-%s=%q: the value %q printed by String is rejected: %v", name, v, got, err)
				} else if again := again.Flags.Lookup(name).Value.String(); again != got {
					t.Errorf("-%s=%q: round trip %q -> %q", name, v, got, again)
				}
			}
		}
		if !allSet {
			return
		}
		if configSet {
			// Never read an arbitrary path (a fuzzed "/dev/zero" would
			// hang): the settings file is the fuzzed content instead.
			if err := os.WriteFile(cfgFile, file, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := a.Flags.Set("config", cfgFile); err != nil {
				t.Fatal(err)
			}
		}

		// Compile the settings through the runner, as a driver does: the
		// first Run of the analyzer.
		diags, _, err := runOnTrivialPackage(a, pkgFile, pkgSrc)
		if err != nil {
			msg := err.Error()
			if msg == "" {
				t.Fatalf("settings %q: empty error", values)
			}
			if !mentionsAny(msg, settingNames) {
				t.Errorf("settings %q: error does not name the setting: %v", values, err)
			}
		}
		for _, d := range diags {
			if d.Category != categoryConfig {
				t.Errorf("settings %q: unexpected diagnostic in an empty package: %s", values, d.Message)
				continue
			}
			if !configSet {
				t.Errorf("settings %q: settings-file diagnostic without a settings file: %s", values, d.Message)
			}
			if !strings.Contains(d.Message, cfgFile) {
				t.Errorf("settings %q: settings-file diagnostic does not name the file %s: %s", values, cfgFile, d.Message)
			}
		}

		// Without a file, New with the same Config agrees with the flags.
		if !configSet {
			cfg := Config{
				Allow:        flagElems(allow),
				Constructors: flagElems(ctors),
				Singleton:    flagElems(singleton),
			}
			_, nerr := New(cfg)
			if (nerr == nil) != (err == nil) {
				t.Errorf("settings %q: flags give %v, New(%+v) gives %v", values, err, cfg, nerr)
			}
		}
	})
}

// flagElems splits a flag value as listFlag does.
func flagElems(v string) []string {
	var out []string
	for _, e := range splitList(v) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func mentionsAny(msg string, names []string) bool {
	for _, n := range names {
		if strings.Contains(msg, n) {
			return true
		}
	}
	return false
}

// runOnTrivialPackage runs a on a package with one file and no imports.
func runOnTrivialPackage(a *analysis.Analyzer, name, src string) ([]analysis.Diagnostic, any, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		panic(err)
	}
	info := newInfo()
	pkg, err := (&types.Config{}).Check("example.com/mod/pkg", fset, []*ast.File{file}, info)
	if err != nil {
		panic(err)
	}
	return runAnalyzer(a, fset, []*ast.File{file}, pkg, info, func(string) ([]byte, error) { return []byte(src), nil })
}

// ---------------------------------------------------------------------
// FuzzConfigFile

func FuzzConfigFile(f *testing.F) {
	for _, s := range []string{
		"",
		"# only a comment\n",
		"allow: [example.com/app/internal/db, example.com/app/cmd/...]\nconstructors: [\"example.com/x.NewPool\"]\nsingleton:\n  - github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool\nallow-tests: true\nsingle-conns: true\ncheck-generated: true\n",
		"allow: [a.com/x]\nalow: [x]\n",
		"allow-tests: maybe\n",
		"allow: a.com/x\n",
		"allow: [a.com/x\n",
		"- allow\n",
		"\n\nallow: [./db]\n",
		"singleton: [database/sql.Open]\n",
		"singleton: [\"database/sql.Open = example.com/db.SQL\", \"database/sql.Open=example.com/db2.SQL\"]\n",
		"config: x.yml\n",
		"allow: &a [example.com/db]\nconstructors: *a\n",
		"allow: [example.com/db]\n---\nallow: [./x]\n",
		"allow: !!binary aGVsbG8=\n",
		"{allow: [example.com/db], single-conns: yes}\n",
		"allow:\n  - example.com/db\n  - example.com/db/...\n  - ~\n",
		"allow: [example.com/db]\nallow: [example.com/x]\n",
		"0: [:!00 \xef",
		"\xff\xfe",
		"\t",
		"a: &a [*a]\n",
	} {
		f.Add([]byte(s))
	}
	const name = "fuzz/.singlepool.yml"
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := parseConfigFile(name, data)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, name+":") {
				t.Errorf("error does not start with the file name %q: %q", name, msg)
			}
			if strings.TrimSpace(strings.TrimPrefix(msg, name+":")) == "" {
				t.Errorf("error has no message: %q", msg)
			}
			return
		}
		if _, err := compile(cfg); err != nil {
			t.Errorf("parseConfigFile accepted %q as %+v, but compile rejects it: %v", data, cfg, err)
		}
		if cfg.ConfigFile != "" {
			t.Errorf("a settings file set ConfigFile to %q", cfg.ConfigFile)
		}
		// "list values use the same syntax as one element of the
		// comma-separated flag": what the file accepts, the flags accept.
		a := newFlagAnalyzer()
		for name, list := range map[string][]string{"allow": cfg.Allow, "constructors": cfg.Constructors, "singleton": cfg.Singleton} {
			for _, e := range list {
				if err := a.Flags.Set(name, e); err != nil {
					t.Errorf("the file accepts %s element %q, the flag rejects it: %v", name, e, err)
				}
			}
		}
	})
}

// ---------------------------------------------------------------------
// FuzzAnalyzer

// fuzzSeed is the main seed of FuzzAnalyzer: database/sql only (plus the
// test stubs of example.com/pool/db), with the constructor shapes the
// analyzer and its fixes distinguish.
const fuzzSeed = `package app

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"example.com/pool/db"
)

var _ = db.SQL

// A function value: reported, no fix.
var open = sql.Open

type service struct{ db *sql.DB }

func handler(ctx context.Context) error {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	return pool.PingContext(ctx)
}

func newService() (*service, error) {
	s := &service{}
	var err error
	s.db, err = sql.Open("pgx", "postgres://localhost/app")
	return s, err
}

func ret() (*sql.DB, error) {
	return sql.Open("pgx", "postgres://localhost/app")
}

func withVar() error {
	var d, err = sql.Open("pgx", fmt.Sprintf("postgres://%s/app", os.Getenv("HOST")))
	if err != nil {
		return err
	}
	_ = d.Close()
	return d.Ping()
}

func chain() (*sql.DB, error) {
	host := os.Getenv("DB_HOST")
	dsn := "postgres://" + host + "/app"
	return sql.Open("pgx", dsn)
}

func closed() error {
	d, err := sql.Open("pgx", "x")
	if err != nil {
		return err
	}
	return d.Close()
}

func unused() {
	d, _ := sql.Open("pgx", "x")
	d.Close()
}

func sideEffect() (*sql.DB, error) {
	return sql.Open("pgx", dsnFunc())
}

func dsnFunc() string { return os.Getenv("DATABASE_URL") }

func conn(ctx context.Context, d *sql.DB) error {
	c, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	ctx2, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return c.PingContext(ctx2)
}

func spread(args ...any) {
	_ = sql.OpenDB
	f := func() { _, _ = sql.Open("pgx", "in a closure") }
	f()
}
`

// fuzzSeeds are further seeds: dot and renamed imports, no import block,
// a generated file, name clashes.
var fuzzSeeds = []string{
	fuzzSeed,
	`package app

import . "database/sql"

func f() (*DB, error) {
	return Open("pgx", "postgres://localhost/app")
}
`,
	`package app

import db "database/sql"

func f() (*db.DB, error) {
	dbpkg := 1
	_ = dbpkg
	return db.Open("pgx", "postgres://localhost/app")
}
`,
	`// Code generated by fuzz. DO NOT EDIT.

package app

import "database/sql"

func f() { _, _ = sql.Open("pgx", "") }
`,
	`package app

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func both(ctx context.Context) error {
	dsn := os.Getenv("DATABASE_URL")
	a, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	b, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer b.Close()
	_ = a
	return b.Ping()
}
`,
	`package app

import "database/sql"

func SQL() (*sql.DB, error) { return nil, nil }

func Pool() {}

func f() { sql.Open("pgx", "x"); sql.Open("pgx", "y") }
`,
	`package app

import "database/sql"

func f() {
	var (
		a, b = sql.Open("pgx", "x")
	)
	_, _ = a, b
	x := "dsn"
	d, _ := sql.Open("pgx", x+x)
	x = "again"
	_ = d
}
`,
	`package app

import (
	"database/sql"; "os"
)

func f() (*sql.DB, error) { d := os.Getenv("X"); return sql.Open("pgx", d) } // trailing comment
`,
	// Import blocks on one line, where the fix adds an import after "(".
	`package app

import ("database/sql"; "os")

func f() (*sql.DB, error) { d := os.Getenv("X"); return sql.Open("pgx", d) } // trailing comment
`,
	"package app\n\nimport (\"database/sql\" /* c */ )\n\nvar _ *sql.DB\n\nfunc f() { sql.Open(\"\", \"\") }",
}

// The configurations FuzzAnalyzer runs each input under.
// Under SINGLEPOOL_FUZZ_STRICT=1, fixes under a config with strict set
// (whose accessor the importer resolves) must keep the file type-correct.
var fuzzConfigs = []struct {
	name, pkgPath string
	strict        bool
	cfg           Config
}{
	{"accessor in example.com/pool/db", "example.com/app", true, Config{
		Allow: []string{"example.com/pool/db"},
		Singleton: []string{
			"github.com/jackc/pgx/v5/pgxpool.New=example.com/pool/db.Pool",
			"database/sql.Open=example.com/pool/db.SQL",
		},
		SharedArgs: []string{
			`github.com/jackc/pgx/v5/pgxpool.New=(os.Getenv("DATABASE_URL"))`,
			`database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`,
		},
	}},
	{"accessor in an unimported package", "example.com/app", false, Config{
		Allow:          []string{"example.com/db"},
		Singleton:      []string{"database/sql.Open=example.com/db.SQL", "database/sql.OpenDB=example.com/db.OpenDB"},
		SingleConns:    true,
		CheckGenerated: true,
	}},
	{"accessors in the package itself", "example.com/app", false, Config{
		Allow:        []string{"example.com/db/..."},
		Constructors: []string{"(*database/sql.DB).Conn", "context.WithTimeout"},
		Singleton: []string{
			"database/sql.Open=example.com/app.SQL",
			"(*database/sql.DB).Conn=example.com/app.Conn",
			"context.WithTimeout=example.com/app.Timeout",
			"github.com/jackc/pgx/v5/pgxpool.New=example.com/app.Pool",
		},
		CheckGenerated: true,
	}},
	{"the allowlisted package", "example.com/pool/db", false, Config{
		Allow: []string{"example.com/pool/db"},
		Singleton: []string{
			"github.com/jackc/pgx/v5/pgxpool.New=example.com/pool/db.Pool",
			"database/sql.Open=example.com/pool/db.SQL",
			"database/sql.OpenDB=example.com/pool/db.OpenDB",
		},
	}},
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	// The fix testdata, whose imports the fuzz importer resolves from
	// testdata/src.
	for _, pattern := range []string{"fix*/*.go", "newpool/*.go", "renamed/*.go", "dotimport/*.go", "shadow/*.go", "badaccessor/*.go"} {
		names, _ := filepath.Glob(filepath.Join("testdata", "src", pattern))
		for _, name := range names {
			if strings.HasSuffix(name, ".go") {
				if data, err := os.ReadFile(name); err == nil {
					f.Add(data)
				}
			}
		}
	}

	analyzers := make([]*analysis.Analyzer, len(fuzzConfigs))
	for i, c := range fuzzConfigs {
		a, err := New(c.cfg)
		if err != nil {
			f.Fatalf("%s: %v", c.name, err)
		}
		analyzers[i] = a
	}
	// The source is written to a GOPATH-style tree, as drivers see it.
	gopath := f.TempDir()
	strict := os.Getenv("SINGLEPOOL_FUZZ_STRICT") == "1"

	f.Fuzz(func(t *testing.T, src []byte) {
		fi := getFuzzImporter()
		fi.mu.Lock()
		defer fi.mu.Unlock()

		done := make(map[string]bool)
		for _, c := range fuzzConfigs {
			if done[c.pkgPath] {
				continue
			}
			done[c.pkgPath] = true
			name := filepath.Join(gopath, "src", filepath.FromSlash(c.pkgPath), "fuzz.go")
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, src, 0o644); err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(fi.fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
			if file != nil {
				defer fi.fset.RemoveFile(fi.fset.File(file.FileStart))
			}
			if err != nil || file == nil {
				return // not Go: not for an analyzer
			}
			tf := fi.fset.File(file.FileStart)
			info := newInfo()
			pkg, typeErrs := fi.check(c.pkgPath, []*ast.File{file}, info)
			if pkg == nil {
				t.Skipf("go/types gave no package: %v", typeErrs)
			}
			readFile := func(n string) ([]byte, error) {
				if n != name {
					return nil, fmt.Errorf("ReadFile(%s): not a file of the package", n)
				}
				return os.ReadFile(n)
			}
			for i, c2 := range fuzzConfigs {
				if c2.pkgPath != c.pkgPath {
					continue
				}
				diags, _, err := runAnalyzer(analyzers[i], fi.fset, []*ast.File{file}, pkg, info, readFile)
				if err != nil {
					t.Errorf("%s: Run returned an error: %v\nsource:\n%s", c2.name, err, src)
				}
				for _, d := range diags {
					checkDiagnostic(t, c2.name, fi, tf, src, typeErrs, c.pkgPath, d, strict && c2.strict)
				}
			}
		}
	})
}

// checkDiagnostic checks one diagnostic and its fixes.
func checkDiagnostic(t *testing.T, cfg string, fi *fuzzImporter, tf *token.File, src []byte, typeErrs []error, pkgPath string, d analysis.Diagnostic, strict bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: diagnostic %q: %s\nsource:\n%s", cfg, d.Message, fmt.Sprintf(format, args...), src)
	}
	if d.Message == "" {
		fail("empty message")
	}
	if !inFile(tf, d.Pos) {
		fail("position %d is not in the file [%d, %d]", d.Pos, tf.Base(), tf.Base()+tf.Size())
	}
	if d.End.IsValid() && (!inFile(tf, d.End) || d.End < d.Pos) {
		fail("end %d is not in the file [%d, %d] after pos %d", d.End, tf.Base(), tf.Base()+tf.Size(), d.Pos)
	}
	for _, fix := range d.SuggestedFixes {
		if fix.Message == "" {
			fail("fix without a message")
		}
		edits := append([]analysis.TextEdit(nil), fix.TextEdits...)
		ok := true
		for _, e := range edits {
			if !inFile(tf, e.Pos) || !inFile(tf, e.End) || e.Pos > e.End {
				fail("fix %q: edit [%d, %d) %q is not a range of the file [%d, %d]", fix.Message, e.Pos, e.End, e.NewText, tf.Base(), tf.Base()+tf.Size())
				ok = false
			}
		}
		if !ok {
			continue
		}
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].Pos != edits[j].Pos {
				return edits[i].Pos < edits[j].Pos
			}
			return edits[i].End < edits[j].End
		})
		for i := 1; i < len(edits); i++ {
			if edits[i-1].End > edits[i].Pos {
				fail("fix %q: edits overlap: [%d, %d) %q and [%d, %d) %q", fix.Message,
					edits[i-1].Pos, edits[i-1].End, edits[i-1].NewText, edits[i].Pos, edits[i].End, edits[i].NewText)
				ok = false
			}
		}
		if !ok {
			continue
		}
		out := applyEdits(tf, src, edits)
		fset := token.NewFileSet()
		if _, err := parser.ParseFile(fset, tf.Name(), out, parser.ParseComments|parser.SkipObjectResolution); err != nil {
			fail("fix %q: the fixed source does not parse: %v\nfixed source:\n%s", fix.Message, err, out)
			continue
		}
		if strict && len(typeErrs) == 0 {
			// Type-check the fixed file in the shared file set.
			fixed, err := parser.ParseFile(fi.fset, tf.Name(), out, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				continue
			}
			_, errs := fi.check(pkgPath, []*ast.File{fixed}, newInfo())
			if len(errs) > 0 {
				fail("fix %q: the fixed source has type errors: %v\nfixed source:\n%s", fix.Message, errs, out)
			}
			fi.fset.RemoveFile(fi.fset.File(fixed.FileStart))
		}
	}
}

// inFile reports whether pos is an offset of tf, its end included.
func inFile(tf *token.File, pos token.Pos) bool {
	return pos.IsValid() && tf.Base() <= int(pos) && int(pos) <= tf.Base()+tf.Size()
}

// applyEdits applies sorted, non-overlapping edits to src.
func applyEdits(tf *token.File, src []byte, edits []analysis.TextEdit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		b.Write(src[last:start])
		b.Write(e.NewText)
		last = end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// ---------------------------------------------------------------------
// Running the analyzer on a hand-built pass.

func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
}

// runAnalyzer runs a (after the analyzers it requires) on one package,
// with facts stubbed out: no fact is ever imported, exports are dropped.
func runAnalyzer(a *analysis.Analyzer, fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info, readFile func(string) ([]byte, error)) ([]analysis.Diagnostic, any, error) {
	var diags []analysis.Diagnostic
	root := a
	results := make(map[*analysis.Analyzer]any)
	var run func(a *analysis.Analyzer) (any, error)
	run = func(a *analysis.Analyzer) (any, error) {
		if r, ok := results[a]; ok {
			return r, nil
		}
		resultOf := make(map[*analysis.Analyzer]any)
		for _, req := range a.Requires {
			r, err := run(req)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", req.Name, err)
			}
			resultOf[req] = r
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      files,
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   resultOf,
			Report: func(d analysis.Diagnostic) {
				if a == root {
					diags = append(diags, d)
				}
			},
			ReadFile:          readFile,
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		r, err := a.Run(pass)
		results[a] = r
		return r, err
	}
	r, err := run(a)
	return diags, r, err
}

// fuzzImporter resolves imports for FuzzAnalyzer in-process: a fixed set
// of standard packages from export data, and the stubs under testdata/src
// type-checked from source. Anything else is an import error, which
// leaves a partially typed package, as gopls analyzes.
type fuzzImporter struct {
	mu      sync.Mutex
	fset    *token.FileSet
	std     types.Importer
	srcRoot string
	pkgs    map[string]*types.Package
	errs    map[string]error
	loading map[string]bool
	current string // the package being fuzzed, which may not import itself
}

var fuzzStd = map[string]bool{
	"context": true, "database/sql": true, "database/sql/driver": true, "errors": true,
	"fmt": true, "io": true, "log": true, "net": true, "net/http": true, "net/url": true,
	"os": true, "path": true, "path/filepath": true, "strconv": true, "strings": true,
	"sync": true, "testing": true, "time": true,
}

var (
	fuzzImpOnce sync.Once
	fuzzImp     *fuzzImporter
)

func getFuzzImporter() *fuzzImporter {
	fuzzImpOnce.Do(func() {
		fset := token.NewFileSet()
		wd, _ := os.Getwd()
		fuzzImp = &fuzzImporter{
			fset:    fset,
			std:     importer.ForCompiler(fset, "gc", nil),
			srcRoot: filepath.Join(wd, "testdata", "src"),
			pkgs:    make(map[string]*types.Package),
			errs:    make(map[string]error),
			loading: make(map[string]bool),
		}
	})
	return fuzzImp
}

func (fi *fuzzImporter) Import(path string) (*types.Package, error) {
	if path == fi.current {
		return nil, fmt.Errorf("import cycle: %s imports itself", path)
	}
	if p, ok := fi.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := fi.errs[path]; ok {
		return nil, err
	}
	p, err := fi.load(path)
	if err != nil {
		fi.errs[path] = err
		return nil, err
	}
	fi.pkgs[path] = p
	return p, nil
}

func (fi *fuzzImporter) load(path string) (*types.Package, error) {
	if fuzzStd[path] {
		return fi.std.Import(path)
	}
	if err := module.CheckImportPath(path); err != nil {
		return nil, fmt.Errorf("import %q: %v", path, err)
	}
	if fi.loading[path] {
		return nil, fmt.Errorf("import cycle through %s", path)
	}
	dir := filepath.Join(fi.srcRoot, filepath.FromSlash(path))
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fi.fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("import %q: not a standard package of the fuzzer nor a testdata stub", path)
	}
	fi.loading[path] = true
	defer delete(fi.loading, path)
	saved := fi.current
	fi.current = ""
	defer func() { fi.current = saved }()
	conf := types.Config{Importer: fi, Error: func(error) {}}
	return conf.Check(path, fi.fset, files, nil)
}

// check type-checks files as package path, collecting every error and
// returning the package even when it has errors. A panic in go/types (not
// singlepool's code) is returned as an error with a nil package.
func (fi *fuzzImporter) check(path string, files []*ast.File, info *types.Info) (pkg *types.Package, errs []error) {
	defer func() {
		if r := recover(); r != nil {
			pkg, errs = nil, append(errs, fmt.Errorf("go/types panicked: %v", r))
		}
	}()
	fi.current = path
	defer func() { fi.current = "" }()
	conf := types.Config{
		Importer: fi,
		Error:    func(err error) { errs = append(errs, err) },
	}
	pkg, _ = conf.Check(path, fi.fset, files, info)
	return pkg, errs
}
