package singlepool_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
)

var fixConfig = singlepool.Config{
	Allow: []string{"example.com/pool/db"},
	Singleton: []string{
		"github.com/jackc/pgx/v5/pgxpool.New=example.com/pool/db.Pool",
		"database/sql.Open=example.com/pool/db.SQL",
	},
}

var fixPkgs = []string{"fix", "fixmulti", "fixclash", "fixdot", "fixnone"}

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
	fixed := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				overlay := applyFix(t, r.Pass, fix)
				typeCheck(t, dir, r.Pass.Pkg.Path(), overlay, d.Message)
				fixed++
			}
		}
	}
	if fixed < 10 {
		t.Errorf("only %d fixes were checked; the testdata offers more", fixed)
	}
}

// TestNoFixWhenUnsafe checks that the sites of package fixnone, each of
// which cannot be fixed safely, are reported without a fix.
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
	if n != 6 {
		t.Errorf("got %d diagnostics in fixnone, want 6", n)
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

// typeCheck loads the package from the GOPATH tree at dir with overlay
// and fails on any error, unused imports and variables included.
func typeCheck(t *testing.T, dir, path string, overlay map[string][]byte, what string) {
	t.Helper()
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir:     dir,
		Env:     append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
		Tests:   true,
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, path)
	if err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath != path && p.PkgPath != path+"_test" {
			return
		}
		for _, e := range p.Errors {
			var files []string
			for name, src := range overlay {
				files = append(files, filepath.Base(name)+":\n"+string(src))
			}
			t.Errorf("after the fix for %q alone: %v\n%s", what, e, strings.Join(files, "\n"))
		}
	})
}

func TestAccessorShape(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow: []string{"example.com/badacc"},
		Singleton: []string{
			"github.com/jackc/pgx/v5/pgxpool.New=example.com/badacc.Pool",
			"github.com/jackc/pgx/v5/pgxpool.NewWithConfig=example.com/badacc.Good",
			"database/sql.Open=example.com/badacc.SQL",
			"database/sql.OpenDB=example.com/badacc.Missing",
		},
	})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "example.com/badacc", "usesbadacc")
}
