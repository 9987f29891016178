package singlepool_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestCatalog runs the analyzer on testdata/src/catalog, which calls every
// built-in constructor once through stubs with the libraries' real
// signatures (testdata/src/<import path>), and uses the wrappers that must
// not be reported.
func TestCatalog(t *testing.T) {
	a := mustNew(t, singlepool.Config{
		Allow:       []string{"example.com/app/internal/db"},
		SingleConns: true,
	})
	analysistest.Run(t, analysistest.TestData(), a, "catalog")
}

// TestCatalogCovered checks that testdata/src/catalog has one want comment
// per entry of the catalog table, so that a new entry comes with a stub
// and a use.
func TestCatalogCovered(t *testing.T) {
	count := func(file, re string) int {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return len(regexp.MustCompile(re).FindAll(b, -1))
	}
	entries := count("internal/catalog/constructors.go", `(?m)^\t\{"[^"]+", Kind(Pool|Conn)\},`)
	wants := count("testdata/src/catalog/catalog.go", `(?m)// want `)
	if entries == 0 || entries != wants {
		t.Errorf("internal/catalog/constructors.go has %d entries, testdata/src/catalog/catalog.go %d want comments", entries, wants)
	}
}
