package singlepool

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/settings.md's table from settingsTable")

const settingsDoc = "../../docs/settings.md"

// settingsMarkdown renders settingsTable as docs/settings.md's table.
func settingsMarkdown() string {
	var b strings.Builder
	b.WriteString("| key / flag | default | meaning |\n| --- | --- | --- |\n")
	for _, st := range settingsTable {
		name := st.name
		if name == "" {
			name = "`" + st.key + "`"
		}
		b.WriteString("| " + name + " | " + st.def + " | " + st.doc + " |\n")
	}
	return b.String()
}

// TestSettingsDocumented keeps docs/settings.md's table the code's: every
// setting, with its default and meaning, written from settingsTable
// (go test -run TestSettingsDocumented -update rewrites it).
func TestSettingsDocumented(t *testing.T) {
	data, err := os.ReadFile(settingsDoc)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- settings:begin -->\n", "<!-- settings:end -->"
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q block", settingsDoc, begin, end)
	}
	want := settingsMarkdown()
	for _, st := range settingsTable {
		if st.def == "" || st.doc == "" {
			t.Errorf("setting %s has no def or doc for docs/settings.md", st.key)
		}
	}
	if got := doc[i+len(begin) : j]; got != want {
		if *updateDocs {
			if err := os.WriteFile(settingsDoc, []byte(doc[:i+len(begin)]+want+doc[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s's settings table is not settingsTable's (go test -run TestSettingsDocumented -update):\n%s", settingsDoc, want)
	}
}

const rulesDoc = "../../docs/rules.md"

// exampleMarker introduces an example in docs/rules.md: the declaration
// FUNC (or the whole file, "file") of testdata/src/PATH, whose // want
// comments say what is reported, followed by its fenced copy.
var exampleMarker = regexp.MustCompile("(?m)^<!-- example (\\S+) (\\S+) -->\n(```go\n(?s:.*?)```\n)?")

// TestRuleExamples keeps docs/rules.md's examples the testdata's, so they
// stay true (go test -run TestRuleExamples -update rewrites them), and
// gives every rule one.
func TestRuleExamples(t *testing.T) {
	data, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	var failed bool
	out := exampleMarker.ReplaceAllStringFunc(doc, func(m string) string {
		sub := exampleMarker.FindStringSubmatch(m)
		src, err := exampleSource(filepath.Join("testdata", "src", sub[1]), sub[2])
		if err != nil {
			t.Errorf("docs/rules.md example %s %s: %v", sub[1], sub[2], err)
			failed = true
			return m
		}
		want := "```go\n" + src + "\n```\n"
		if sub[3] != want && !*updateDocs {
			t.Errorf("docs/rules.md's example %s %s is not the testdata's (go test -run TestRuleExamples -update):\n%s", sub[1], sub[2], want)
		}
		return "<!-- example " + sub[1] + " " + sub[2] + " -->\n" + want
	})
	for _, sec := range strings.Split(doc, "\n## ")[1:] {
		name, _, _ := strings.Cut(sec, "\n")
		if slices.Contains(categories, name) && name != categoryConfig && !exampleMarker.MatchString(sec) {
			t.Errorf("docs/rules.md: the rule %s has no example from testdata", name)
		}
	}
	if *updateDocs && !failed && out != doc {
		if err := os.WriteFile(rulesDoc, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// exampleSource returns the text of a declaration of the file (its doc
// comment included), or of the whole file.
func exampleSource(file, name string) (string, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	if name == "file" {
		return strings.TrimRight(string(src), "\n"), nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	for _, d := range f.Decls {
		var start ast.Node = d
		match := false
		switch d := d.(type) {
		case *ast.FuncDecl:
			recv := ""
			if d.Recv != nil && len(d.Recv.List) == 1 {
				recv = types.ExprString(d.Recv.List[0].Type) + "."
			}
			match = d.Name.Name == name || recv+d.Name.Name == name
			if d.Doc != nil {
				start = d.Doc
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if v, ok := s.(*ast.ValueSpec); ok && v.Names[0].Name == name {
					match = true
				}
			}
			if d.Doc != nil {
				start = d.Doc
			}
		}
		if match {
			return string(src[fset.Position(start.Pos()).Offset:fset.Position(d.End()).Offset]), nil
		}
	}
	return "", fmt.Errorf("no declaration %s in %s", name, file)
}

// noFixReasons are the kinds of reason a finding without a fix gives, by
// a phrase each one's message contains: docs/fixes.md (or, for
// unbounded-pool's fix, docs/rules.md) must explain each, and every reason
// the testdata expects must be of one of these kinds, so that a new kind
// of reason cannot go undocumented.
var noFixReasons = []string{
	"it connects with", "it uses the", "it configures its own pool", "it tunes its pool after",
	"could drop side effects", "is used after it is closed", "is only closed, never used",
	"returns the pool to", "closes it, and would close the shared pool", "is passed as a function value",
	"a function value", "exported: other packages may close it", "also holds pools from elsewhere",
	"does not fit", "cannot read what", "its package is not in this module", "would be left unused",
	"the file is processed by cgo", "spread argument",
	// unbounded-pool's fix (docs/rules.md)
	"removing it would leave", "is not assigned to a variable", "its result is used", "its error is not checked",
}

var wantReason = regexp.MustCompile("no suggested fix: ([^`\"]*)")

// TestNoFixReasonsDocumented: every kind of reason a finding without a
// fix can give is explained in the docs, and the testdata expects none of
// another kind.
func TestNoFixReasonsDocumented(t *testing.T) {
	var docs string
	for _, f := range []string{"../../docs/fixes.md", rulesDoc} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs += string(data)
	}
	for _, r := range noFixReasons {
		if !strings.Contains(docs, r) {
			t.Errorf("docs/fixes.md does not explain the reason %q", r)
		}
	}
	err := filepath.WalkDir(filepath.Join("testdata", "src"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range wantReason.FindAllStringSubmatch(string(data), -1) {
			reason := strings.ReplaceAll(m[1], `\`, "") // the patterns' escapes
			if !slices.ContainsFunc(noFixReasons, func(r string) bool { return strings.Contains(reason, r) }) {
				t.Errorf("%s: the reason %q is of no kind noFixReasons lists: document it in docs/fixes.md and add it", p, reason)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
