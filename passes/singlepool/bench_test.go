//go:build unix

package singlepool_test

// Benchmarks of singlepool against the type-checking floor, on generated
// GOPATH packages:
//
//	BenchmarkPlain         200 files x 50 functions, no constructor (the common case)
//	BenchmarkConstructors  50 files x 20 sql.Open calls, each with a singleton fix
//	BenchmarkFactChain     20 packages, each wrapping the previous one's factory
//	BenchmarkHandlers      10 packages x 1,000 net/http handlers, one sql.Open each
//
// Each loads its packages once with go/packages (LoadAllSyntax, as the
// standalone command does for an analyzer with facts) and has these
// sub-benchmarks:
//
//	floor       parse and type-check every package of the graph (the
//	            standard library included) from source held in memory:
//	            what go vet (unitchecker) does per package for any tool
//	floor-roots the same for the generated packages only
//	noop        checker.Analyze with an analyzer whose Run does nothing
//	            and that declares no facts (runs on the roots only)
//	noopfacts   the same analyzer declaring a fact type (runs on every
//	            package, like singlepool)
//	singlepool  checker.Analyze with singlepool
//	ratio       the floor and the three analyses in turn in each iteration
//	            (so drift hits all alike), reported as metrics, in wall
//	            time and (suffix -cpu) in the process's user+sys CPU time,
//	            which a busy machine distorts far less:
//	              floor-ns, floor-roots-ns, noop-ns, noopfacts-ns, singlepool-ns
//	                  per iteration;
//	              x-floor        (floor + singlepool) / (floor + noop): the
//	                             cost over a type-checking driver, facts included;
//	              x-floor-roots  the same with floor-roots: an upper bound,
//	                             since singlepool also runs on the dependencies;
//	              x-noopfacts    singlepool / noopfacts, analysis alone.
//
// The analyses run with checker.Options{Sequential: true}, which is
// steadier on a busy machine than the parallel default.
//
//	go test ./passes/singlepool -run XXX -bench . -benchmem -count 5

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// noopAnalyzer is the floor analyzer: Run does nothing.
var noopAnalyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// noopFactsAnalyzer does nothing either, but declares a fact type, so
// drivers run it on every dependency, as they run singlepool.
var noopFactsAnalyzer = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "noopfacts does nothing but declares a fact type",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(benchNoFact)},
}

type benchNoFact struct{}

func (*benchNoFact) AFact()         {}
func (*benchNoFact) String() string { return "benchNoFact" }

// A benchCase is a generated GOPATH tree and what singlepool must find in it.
type benchCase struct {
	files     map[string]string // path below GOPATH/src -> content
	pattern   string            // packages to load
	analyzer  func(b *testing.B) *analysis.Analyzer
	wantDiags int // diagnostics singlepool reports on the roots
	wantFixes int // of which with a suggested fix
}

// plainFunc is an ordinary function using fmt and strings.
func plainFunc(w *strings.Builder, name string) {
	fmt.Fprintf(w, `
// %[1]s joins the long parts of s.
func %[1]s(s string, n int) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		if len(p) > n {
			parts[i] = fmt.Sprintf("%%s-%%d", strings.ToUpper(p), i)
		}
	}
	return strings.Join(parts, ";")
}
`, name)
}

// plainCase: 10 packages x 20 files x 50 functions importing only fmt
// and strings, and a main package importing them all.
func plainCase() benchCase {
	files := make(map[string]string)
	var main strings.Builder
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	for p := 0; p < 10; p++ {
		fmt.Fprintf(&main, "\t\"example.com/bench/plain/p%02d\"\n", p)
		for f := 0; f < 20; f++ {
			var w strings.Builder
			fmt.Fprintf(&w, "package p%02d\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n", p)
			for fn := 0; fn < 50; fn++ {
				plainFunc(&w, fmt.Sprintf("F%d_%d", f, fn))
			}
			files[fmt.Sprintf("example.com/bench/plain/p%02d/f%02d.go", p, f)] = w.String()
		}
	}
	main.WriteString(")\n\nfunc main() {\n")
	for p := 0; p < 10; p++ {
		fmt.Fprintf(&main, "\tfmt.Println(p%02d.F0_0(\"a,b\", 1))\n", p)
	}
	main.WriteString("}\n")
	files["example.com/bench/plain/cmd/app/main.go"] = main.String()
	return benchCase{
		files:    files,
		pattern:  "example.com/bench/plain/...",
		analyzer: func(*testing.B) *analysis.Analyzer { return singlepool.Analyzer },
	}
}

// handlersCase: see BenchmarkHandlers.
func handlersCase() benchCase {
	files := make(map[string]string)
	var main strings.Builder
	main.WriteString("package main\n\nimport (\n")
	for p := 0; p < 10; p++ {
		fmt.Fprintf(&main, "\t_ \"example.com/bench/handlers/p%02d\"\n", p)
		files[fmt.Sprintf("example.com/bench/handlers/p%02d/db.go", p)] = fmt.Sprintf(`package p%02d

import "database/sql"

var db = open()

func open() *sql.DB {
	d, _ := sql.Open("pgx", "x")
	return d
}
`, p)
		for f := 0; f < 20; f++ {
			var w strings.Builder
			fmt.Fprintf(&w, "package p%02d\n\nimport \"net/http\"\n\nfunc init() {\n", p)
			for fn := 0; fn < 50; fn++ {
				fmt.Fprintf(&w, "\thttp.HandleFunc(\"/f%d/h%d\", H%d_%d)\n", f, fn, f, fn)
			}
			w.WriteString("}\n")
			for fn := 0; fn < 50; fn++ {
				fmt.Fprintf(&w, `
// H%[1]d_%[2]d counts the rows of a table on the shared pool.
func H%[1]d_%[2]d(w http.ResponseWriter, r *http.Request) {
	var n int
	if err := db.QueryRowContext(r.Context(), "SELECT count(*) FROM t%[2]d").Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
`, f, fn)
			}
			files[fmt.Sprintf("example.com/bench/handlers/p%02d/f%02d.go", p, f)] = w.String()
		}
	}
	main.WriteString(")\n\nfunc main() {}\n")
	files["example.com/bench/handlers/cmd/app/main.go"] = main.String()
	return benchCase{
		files:     files,
		pattern:   "example.com/bench/handlers/...",
		analyzer:  func(*testing.B) *analysis.Analyzer { return singlepool.Analyzer },
		wantDiags: 10, // each package's sql.Open, not per request
	}
}

// constructorsCase: 50 files x 20 functions, each opening and closing
// its own pool (a fix per site: the accessor call, the Close and the dsn
// local go), and the allowlisted package declaring the accessor, which
// the first file imports.
func constructorsCase() benchCase {
	files := map[string]string{
		"example.com/bench/db/db.go": `package db

import (
	"database/sql"
	"os"
	"sync"
)

var sqlDB = sync.OnceValues(func() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
})

// SQL returns the shared pool.
func SQL() (*sql.DB, error) { return sqlDB() }
`,
	}
	for f := 0; f < 50; f++ {
		var w strings.Builder
		w.WriteString("package calls\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"os\"\n")
		if f == 0 {
			w.WriteString("\n\t\"example.com/bench/db\"\n")
		}
		w.WriteString(")\n")
		if f == 0 {
			w.WriteString("\nvar shared = db.SQL\n")
		}
		for fn := 0; fn < 20; fn++ {
			fmt.Fprintf(&w, `
// Ping%[1]d_%[2]d opens a pool of its own.
func Ping%[1]d_%[2]d(ctx context.Context) error {
	dsn := os.Getenv("DATABASE_URL")
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	return pool.PingContext(ctx)
}
`, f, fn)
		}
		files[fmt.Sprintf("example.com/bench/calls/f%02d.go", f)] = w.String()
	}
	return benchCase{
		files:   files,
		pattern: "example.com/bench/...",
		analyzer: func(b *testing.B) *analysis.Analyzer {
			a, err := singlepool.New(singlepool.Config{
				Allow:      []string{"example.com/bench/db"},
				Singleton:  []string{"database/sql.Open=example.com/bench/db.SQL"},
				SharedArgs: []string{`database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`},
			})
			if err != nil {
				b.Fatal(err)
			}
			return a
		},
		wantDiags: 1000,
		wantFixes: 1000,
	}
}

// chainCase: c00.New returns sql.Open's pool; each of c01..c19 wraps the
// previous package's New, so factory facts flow down a chain of 20
// packages. Each package also has two files of 25 ordinary functions,
// which singlepool walks because the package imports a factory.
func chainCase() benchCase {
	files := make(map[string]string)
	for p := 0; p < 20; p++ {
		var w strings.Builder
		fmt.Fprintf(&w, "package c%02d\n\nimport (\n\t\"database/sql\"\n", p)
		if p > 0 {
			fmt.Fprintf(&w, "\n\tprev \"example.com/bench/chain/c%02d\"\n", p-1)
		}
		w.WriteString(")\n\n// New opens a new pool on every call.\nfunc New(dsn string) (*sql.DB, error) {\n")
		if p == 0 {
			w.WriteString("\treturn sql.Open(\"pgx\", dsn)\n}\n")
		} else {
			w.WriteString("\tdb, err := prev.New(dsn)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn db, nil\n}\n")
		}
		files[fmt.Sprintf("example.com/bench/chain/c%02d/new.go", p)] = w.String()
		for f := 0; f < 2; f++ {
			var w strings.Builder
			fmt.Fprintf(&w, "package c%02d\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n", p)
			for fn := 0; fn < 25; fn++ {
				plainFunc(&w, fmt.Sprintf("F%d_%d", f, fn))
			}
			files[fmt.Sprintf("example.com/bench/chain/c%02d/f%d.go", p, f)] = w.String()
		}
	}
	files["example.com/bench/chain/cmd/app/main.go"] = `package main

import "example.com/bench/chain/c19"

func main() {
	db, err := c19.New("postgres://")
	if err == nil {
		db.Close()
	}
}
`
	return benchCase{
		files:    files,
		pattern:  "example.com/bench/chain/...",
		analyzer: func(*testing.B) *analysis.Analyzer { return singlepool.Analyzer },
		// sql.Open in c00, prev.New in c01..c19, c19.New in main.
		wantDiags: 21,
	}
}

// A loaded benchmark case.
type loaded struct {
	roots  []*packages.Package
	all    []*packages.Package // every package of the graph, roots included
	isRoot map[*packages.Package]bool
	src    map[string][]byte // CompiledGoFiles contents, for the floor
	sp     *analysis.Analyzer
}

func load(b *testing.B, bc benchCase) *loaded {
	b.Helper()
	gopath := b.TempDir()
	for name, content := range bc.files {
		path := filepath.Join(gopath, "src", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   filepath.Join(gopath, "src"),
		Env:   append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=", "CGO_ENABLED=0"),
		Tests: false,
	}
	roots, err := packages.Load(cfg, bc.pattern)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(roots) > 0 {
		b.Fatal("the generated packages do not load")
	}
	l := &loaded{roots: roots, isRoot: make(map[*packages.Package]bool), src: make(map[string][]byte)}
	for _, p := range roots {
		l.isRoot[p] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.PkgPath == "unsafe" {
			return
		}
		l.all = append(l.all, p) // dependencies first
		for _, name := range p.CompiledGoFiles {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			l.src[name] = data
		}
	})
	l.sp = bc.analyzer(b)

	// The generated code must be what the case claims.
	g, err := checker.Analyze([]*analysis.Analyzer{l.sp}, roots, &checker.Options{Sequential: true})
	if err != nil {
		b.Fatal(err)
	}
	diags, fixes := 0, 0
	for act := range g.All() {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			diags++
			if len(d.SuggestedFixes) > 0 {
				fixes++
			}
		}
	}
	if diags != bc.wantDiags || fixes != bc.wantFixes {
		b.Fatalf("singlepool reported %d diagnostics (%d with fixes) on the roots, want %d (%d)", diags, fixes, bc.wantDiags, bc.wantFixes)
	}
	return l
}

// typeCheck parses and type-checks the packages from the sources in
// memory, importing their dependencies' already loaded types: what
// unitchecker does per package before any analyzer runs.
func (l *loaded) typeCheck(b *testing.B, pkgs []*packages.Package) {
	sizes := types.SizesFor("gc", runtime.GOARCH)
	for _, p := range pkgs {
		fset := token.NewFileSet()
		files := make([]*ast.File, 0, len(p.CompiledGoFiles))
		for _, name := range p.CompiledGoFiles {
			f, err := parser.ParseFile(fset, name, l.src[name], parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
		}
		imports := p.Imports
		conf := &types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if path == "unsafe" {
					return types.Unsafe, nil
				}
				if ip, ok := imports[path]; ok {
					return ip.Types, nil
				}
				return nil, fmt.Errorf("%s: no import %q", p.PkgPath, path)
			}),
			Sizes: sizes,
		}
		info := &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
		if _, err := conf.Check(p.PkgPath, fset, files, info); err != nil {
			b.Fatalf("type-checking %s: %v", p.PkgPath, err)
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func (l *loaded) analyze(b *testing.B, a *analysis.Analyzer) {
	g, err := checker.Analyze([]*analysis.Analyzer{a}, l.roots, &checker.Options{Sequential: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			b.Fatalf("%s: %v", act, act.Err)
		}
	}
}

func runCase(b *testing.B, bc benchCase) {
	l := load(b, bc)
	var rootPkgs []*packages.Package
	for _, p := range l.all {
		if l.isRoot[p] {
			rootPkgs = append(rootPkgs, p)
		}
	}
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.typeCheck(b, l.all)
		}
	})
	b.Run("floor-roots", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.typeCheck(b, rootPkgs)
		}
	})
	for _, a := range []*analysis.Analyzer{noopAnalyzer, noopFactsAnalyzer, l.sp} {
		name := a.Name
		if a == l.sp {
			name = "singlepool"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.analyze(b, a)
			}
		})
	}
	b.Run("ratio", func(b *testing.B) {
		// Wall and CPU time (user+sys of the process, GC included) of
		// each part; a collection before each part (not timed) keeps
		// one part's garbage from being charged to the next.
		const (
			floor = iota
			floorRoots
			noop
			noopFacts
			sp
			parts
		)
		var wall, cpu [parts]time.Duration
		timed := func(i int, f func()) {
			runtime.GC()
			w, c := time.Now(), cpuTime()
			f()
			wall[i] += time.Since(w)
			cpu[i] += cpuTime() - c
		}
		n := 0
		for b.Loop() {
			n++
			timed(floor, func() { l.typeCheck(b, l.all) })
			timed(floorRoots, func() { l.typeCheck(b, rootPkgs) })
			timed(noop, func() { l.analyze(b, noopAnalyzer) })
			timed(noopFacts, func() { l.analyze(b, noopFactsAnalyzer) })
			timed(sp, func() { l.analyze(b, l.sp) })
		}
		for _, m := range []struct {
			t      *[parts]time.Duration
			suffix string
		}{{&wall, ""}, {&cpu, "-cpu"}} {
			t := m.t
			per := func(i int) float64 { return float64(t[i].Nanoseconds()) / float64(n) }
			b.ReportMetric(per(floor), "floor"+m.suffix+"-ns")
			b.ReportMetric(per(floorRoots), "floor-roots"+m.suffix+"-ns")
			b.ReportMetric(per(noop), "noop"+m.suffix+"-ns")
			b.ReportMetric(per(noopFacts), "noopfacts"+m.suffix+"-ns")
			b.ReportMetric(per(sp), "singlepool"+m.suffix+"-ns")
			b.ReportMetric(float64(t[floor]+t[sp])/float64(t[floor]+t[noop]), "x-floor"+m.suffix)
			b.ReportMetric(float64(t[floorRoots]+t[sp])/float64(t[floorRoots]+t[noop]), "x-floor-roots"+m.suffix)
			b.ReportMetric(float64(t[sp])/float64(max(t[noopFacts], 1)), "x-noopfacts"+m.suffix)
		}
	})
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPlain: 200 files without any constructor. singlepool returns
// before walking syntax in every package, so it should cost about what
// noopfacts costs.
func BenchmarkPlain(b *testing.B) { runCase(b, plainCase()) }

// BenchmarkHandlers: 10 packages x 20 files x 50 net/http handlers and
// registrations, each package with one sql.Open outside them: the
// handler shapes, the registrations and gRPC checks run for that site.
func BenchmarkHandlers(b *testing.B) { runCase(b, handlersCase()) }

// BenchmarkConstructors: 1,000 sql.Open sites, each reported with a fix.
func BenchmarkConstructors(b *testing.B) { runCase(b, constructorsCase()) }

// BenchmarkFactChain: factory facts through a chain of 20 packages.
func BenchmarkFactChain(b *testing.B) { runCase(b, chainCase()) }
