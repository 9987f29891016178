package scaffold

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// stubs are the trees of passes/singlepool/testdata/src with the stubs of
// the libraries (signatures copied from their source).
var stubs = []string{"github.com", "gorm.io", "go.mongodb.org"}

// gopath makes a GOPATH of the library stubs and this package's cases.
func gopath(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, s := range stubs {
		copyTree(t, filepath.Join("..", "..", "passes", "singlepool", "testdata", "src", s), filepath.Join(dir, "src", s))
	}
	copyTree(t, filepath.Join("testdata", "src"), filepath.Join(dir, "src"))
	return dir
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// censusOf runs the census analyzer over the case's packages (checking
// their // want comments) and returns its sites, positions relative to the
// GOPATH's src, and the packages the program imports.
func censusOf(t *testing.T, dir, pattern string) ([]siteRef, map[string]bool) {
	t.Helper()
	a := singlepool.NewCensusAnalyzer()
	src := filepath.Join(dir, "src") + string(filepath.Separator)
	var sites []siteRef
	known := make(map[string]bool)
	seen := make(map[string]bool)
	for _, r := range analysistest.Run(t, dir, a, pattern) {
		for _, imp := range r.Pass.Pkg.Imports() {
			known[imp.Path()] = true
		}
		res, _ := r.Result.(*singlepool.Result)
		if res == nil {
			continue
		}
		for _, s := range res.Sites {
			pos := r.Pass.Fset.Position(s.Pos)
			posn := fmt.Sprintf("%s:%d:%d", strings.TrimPrefix(pos.Filename, src), pos.Line, pos.Column)
			if !seen[posn] {
				seen[posn] = true
				sites = append(sites, siteRef{CensusSite: s, Posn: posn, Pkg: r.Pass.Pkg.Path()})
			}
		}
	}
	return sites, known
}

// TestGenerate checks the package and settings -init writes for each
// library family, and the sites it leaves with why, against
// testdata/<case>.golden (go test -update rewrites them). That the
// packages build against the real libraries, and that -fix then applies,
// is checked end to end (internal/e2e/vet, TestInit*).
func TestGenerate(t *testing.T) {
	dir := gopath(t)
	cases := []struct {
		name    string
		pattern string
		flags   map[string]string
	}{
		{"pgx", "pgx", nil},
		{"sql", "sql", nil},
		{"sqlx", "sqlx", nil},
		{"gorm", "gorm", nil},
		{"redis", "redis", nil},
		{"mongo", "mongo", nil},
		{"mixed", "mixed/...", nil},
		// The connection budget: 100 PostgreSQL connections over 4
		// replicas, 60 Redis ones over 4: 25 and 15 per instance.
		{"budget", "mixed/...", map[string]string{"max-conns": "postgres=100,redis=60", "replicas": "4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sites, known := censusOf(t, dir, c.pattern)
			a := singlepool.NewFlagAnalyzer()
			for k, v := range c.flags {
				if err := a.Flags.Set(k, v); err != nil {
					t.Fatal(err)
				}
			}
			budget, err := singlepool.BudgetOf(a)
			if err != nil {
				t.Fatal(err)
			}
			p := planFor(sites)
			g := &generator{pkgName: "db", budget: budget, known: func(p string) bool { return known[p] }, stated: singlepool.StatedPackages()}
			src, err := g.generate(p)
			if err != nil {
				t.Fatal(err)
			}
			var left bytes.Buffer
			printLeft(&left, p.left)
			for _, n := range g.notes {
				fmt.Fprintln(&left, "note:", n)
			}
			got := txtar.Format(&txtar.Archive{Files: []txtar.File{
				{Name: "db.go", Data: src},
				{Name: ".singlepool.yml", Data: settingsText("example.com/app/internal/db", g.accessors, budget)},
				{Name: "left", Data: left.Bytes()},
			}})
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("-init for %s differs from %s (go test -update rewrites it):\n%s", c.pattern, golden, got)
			}
		})
	}
}
