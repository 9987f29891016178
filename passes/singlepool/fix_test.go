package singlepool_test

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

var fixConfig = singlepool.Config{
	Allow: []string{"example.com/pool/db"},
	Singleton: []string{
		"github.com/jackc/pgx/v5/pgxpool.New=example.com/pool/db.Pool",
		"database/sql.Open=example.com/pool/db.SQL",
		"github.com/jackc/pgx/v5/pgxpool.NewWithConfig=example.com/pool/db.Pool",
	},
	SharedArgs: []string{
		`github.com/jackc/pgx/v5/pgxpool.New=(os.Getenv("DATABASE_URL"))`,
		`database/sql.Open=("pgx", os.Getenv("DATABASE_URL"))`,
	},
}

var fixPkgs = []string{"fix", "fixmulti", "fixclash", "fixdot", "fixnone", "fixsafe", "fixreach", "closeshared/store", "closeshared", "closeshared/cmd", "fixcallers/legacy", "fixcallers/legacy/users", "fixcallers/legacy/cmd"}

// TestFixes compares the result of applying every fix with the .golden
// files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), mustNew(t, fixConfig), fixPkgs...)
}

// TestFixesAlone applies each suggested fix by itself, as an editor does,
// and type-checks the package: no unused import or variable, no undefined
// name may remain. analysistest cannot check this: it removes unused
// imports before comparing with the golden file.
func TestFixesAlone(t *testing.T) {
	dir := analysistest.TestData()
	results := analysistest.Run(t, dir, mustNew(t, fixConfig), fixPkgs...)
	check := newChecker(t, dir)
	fixed := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				overlay := applyFix(t, r.Pass, fix)
				check(r.Pass, overlay, d.Message)
				for name, src := range overlay {
					if formatted, err := format.Source(src); err == nil && !bytes.Equal(formatted, src) {
						t.Errorf("after the fix for %q alone, %s is not gofmt-clean:\n%s", d.Message, filepath.Base(name), src)
					}
				}
				fixed++
			}
		}
	}
	if fixed < 10 {
		t.Errorf("only %d fixes were checked; the testdata offers more", fixed)
	}
}

// TestNoFixWhenUnsafe checks that the sites of package fixnone, each of
// which cannot be fixed safely, are reported without a fix, and (by the
// want comments) that the message says why when an accessor is
// configured.
func TestNoFixWhenUnsafe(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), mustNew(t, fixConfig), "fixnone")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if len(d.SuggestedFixes) > 0 {
				pos := r.Pass.Fset.Position(d.Pos)
				t.Errorf("%s: unsafe site got a fix: %s", pos, d.SuggestedFixes[0].Message)
			}
		}
	}
	if n != 9 {
		t.Errorf("got %d diagnostics in fixnone, want 9", n)
	}
}

// applyFix returns the contents of the files edited by fix.
func applyFix(t *testing.T, pass *analysis.Pass, fix analysis.SuggestedFix) map[string][]byte {
	t.Helper()
	byFile := make(map[string][]analysis.TextEdit)
	for _, e := range fix.TextEdits {
		name := pass.Fset.File(e.Pos).Name()
		byFile[name] = append(byFile[name], e)
	}
	out := make(map[string][]byte)
	for name, edits := range byFile {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		tf := pass.Fset.File(edits[0].Pos)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Pos > edits[j].Pos })
		for _, e := range edits {
			start, end := tf.Offset(e.Pos), tf.Offset(e.End)
			src = append(src[:start:start], append(e.NewText, src[end:]...)...)
		}
		out[name] = src
	}
	return out
}

// newChecker returns a function that type-checks a package of the GOPATH
// tree at dir, with some files replaced, and fails on any error (unused
// imports and variables included). Imports are type-checked from source
// once and shared.
func newChecker(t *testing.T, dir string) func(pass *analysis.Pass, overlay map[string][]byte, what string) {
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOFLAGS", "")
	saved := build.Default.GOPATH
	build.Default.GOPATH = dir
	t.Cleanup(func() { build.Default.GOPATH = saved })
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	return func(pass *analysis.Pass, overlay map[string][]byte, what string) {
		t.Helper()
		var files []*ast.File
		for _, f := range pass.Files {
			name := pass.Fset.File(f.FileStart).Name()
			src, ok := overlay[name]
			if !ok {
				var err error
				if src, err = os.ReadFile(name); err != nil {
					t.Fatal(err)
				}
			}
			af, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			if err != nil {
				t.Errorf("after the fix for %q alone: %v", what, err)
				return
			}
			files = append(files, af)
		}
		var errs []string
		conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
		_, _ = conf.Check(pass.Pkg.Path(), fset, files, nil) // errors are collected by conf.Error
		if len(errs) > 0 {
			var texts []string
			for name, src := range overlay {
				texts = append(texts, filepath.Base(name)+":\n"+string(src))
			}
			t.Errorf("after the fix for %q alone:\n%s\n%s", what, strings.Join(errs, "\n"), strings.Join(texts, "\n"))
		}
	}
}

// TestFixBuilders fixes gorm and mongo sites built through the libraries'
// builders when their arguments are the shared pool's, stated with the
// names Go code uses (postgres.Open, options.Client()).
func TestFixBuilders(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow: []string{"example.com/pool/db", "example.com/pool/dbx"},
		Singleton: []string{
			"gorm.io/gorm.Open=example.com/pool/dbx.Gorm",
			"go.mongodb.org/mongo-driver/mongo.Connect=example.com/pool/dbx.Mongo",
		},
		SharedArgs: []string{
			`gorm.io/gorm.Open=(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})`,
			`go.mongodb.org/mongo-driver/mongo.Connect=(options.Client().ApplyURI(os.Getenv("MONGO_URL")))`,
		},
	})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "fixbuilders")
}
