package singlepool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Diagnostics link to URL#category: each category needs its section in
// the README's Rules.
func TestCategoriesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range categories {
		if !strings.Contains(string(readme), "\n### "+cat+"\n") {
			t.Errorf("README.md has no section \"### %s\", which diagnostics of that category link to", cat)
		}
	}
}

// Every rule has its test, Test<Rule> in rules_test.go, on testdata named
// after it (as gopls' analyzers do): new-pool is TestNewPool on
// testdata/src/newpool.
func TestEveryRuleTested(t *testing.T) {
	src, err := os.ReadFile("rules_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range categories {
		name := ""
		for _, w := range strings.Split(cat, "-") {
			name += strings.ToUpper(w[:1]) + w[1:]
		}
		if !strings.Contains(string(src), "\nfunc Test"+name+"(t *testing.T) {\n") {
			t.Errorf("rules_test.go has no Test%s for the rule %s", name, cat)
		}
		dir := filepath.Join("testdata", "src", strings.ReplaceAll(cat, "-", ""))
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Errorf("the rule %s has no testdata directory %s", cat, dir)
		}
		if !strings.Contains(string(src), `"`+strings.ReplaceAll(cat, "-", "")) {
			t.Errorf("rules_test.go does not run testdata %s", dir)
		}
	}
}
