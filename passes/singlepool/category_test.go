package singlepool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Diagnostics link to URL#category: each category needs its section in
// docs/rules.md.
func TestCategoriesDocumented(t *testing.T) {
	rules, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(URL, "/docs/rules.md") {
		t.Errorf("URL %s is not docs/rules.md's", URL)
	}
	help := extractDoc(doc) // what -help prints
	for _, cat := range categories {
		if !strings.Contains(help, "  - "+cat+": ") {
			t.Errorf("doc.go's list of rules (singlepool -help) has no line for %s", cat)
		}
		if !strings.Contains(string(rules), "\n## "+cat+"\n") {
			t.Errorf("docs/rules.md has no section \"## %s\", which diagnostics of that category link to", cat)
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
