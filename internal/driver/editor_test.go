package driver

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"github.com/singlepool/singlepool/passes/singlepool"
)

// TestEditorKeepsGraph: an Editor runs go list again exactly when
// something go list read has changed, and an analysis after such a change
// sees it (a kept graph with stale export data would report a type error,
// or miss a finding).
func TestEditorKeepsGraph(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	root := t.TempDir()
	e2eutil.CopyDir(t, filepath.Join("testdata", "app"), root)
	write := func(name, text string) {
		t.Helper()
		name = filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dep/dep.go", "package dep\n\nfunc A() {}\n")
	dir := filepath.Join(root, "edited")
	file := filepath.Join(dir, "edited.go")
	write("edited/edited.go", "package edited\n")

	a := singlepool.NewFlagAnalyzer()
	var e Editor
	step := func(what, text string, overlay map[string][]byte, wantLists int, wantErr string, wantFindings int) {
		t.Helper()
		if overlay == nil {
			overlay = map[string][]byte{}
		}
		overlay[file] = []byte(text)
		found, err := e.AnalyzeDir(a, dir, overlay)
		var le *LoadError
		switch {
		case wantErr == "" && err != nil:
			t.Fatalf("%s: %v", what, err)
		case wantErr != "" && (!errors.As(err, &le) || !strings.Contains(err.Error(), wantErr)):
			t.Fatalf("%s: error %v, want a load error with %q", what, err, wantErr)
		case len(found) != wantFindings:
			t.Fatalf("%s: %d findings, want %d: %+v", what, len(found), wantFindings, found)
		}
		if e.lists.lists != wantLists {
			t.Fatalf("%s: go list ran %d times in all, want %d", what, e.lists.lists, wantLists)
		}
	}
	const head = "package edited\n\nimport (\n\t\"database/sql\"\n\n\t\"example.com/app/dep\"\n)\n\n"
	body := "func F() { dep.A(); sql.Open(\"postgres\", \"\") }\n"
	step("first analysis", head+body, nil, 1, "", 1)
	step("an edit of a function body", head+body+"\n// typing\n", nil, 1, "", 1)
	step("a fixed call, same imports", head+"func F() { dep.A(); _ = sql.ErrNoRows }\n", nil, 1, "", 0)

	calls := head + "func F() { dep.A(); dep.B(); sql.Open(\"postgres\", \"\") }\n"
	step("a call of a function not written yet", calls, nil, 1, "undefined: dep.B", 0)
	write("dep/b.go", "package dep\n\nfunc B() {}\n")
	step("the function in a new file of the dependency", calls, nil, 2, "", 1)
	calls = strings.Replace(calls, "dep.B()", "dep.C()", 1)
	step("a call of another function not written yet", calls, nil, 2, "undefined: dep.C", 0)
	write("dep/b.go", "package dep\n\nfunc B() {}\n\nfunc C() {}\n")
	step("the function saved in the dependency's file", calls, nil, 3, "", 1)

	unsaved := map[string][]byte{filepath.Join(root, "dep", "b.go"): []byte("package dep\n\nfunc B() {}\n")}
	step("the dependency's file edited, unsaved", calls, unsaved, 4, "undefined: dep.C", 0)
	step("the same unsaved text again", calls, unsaved, 4, "undefined: dep.C", 0)
	step("the dependency's file as saved", calls, nil, 5, "", 1)
	step("nothing changed", calls, nil, 5, "", 1)

	step("an import added", strings.Replace(calls, "import (\n", "import (\n\t\"os\"\n", 1)+"var _ = os.Args\n", nil, 6, "", 1)
	step("a build constraint added", "//go:build !never\n\n"+calls, nil, 7, "", 1)
	write("edited/other.go", "package edited\n\nfunc G() {}\n")
	step("a new file in the edited package", "//go:build !never\n\n"+calls, nil, 8, "", 1)
	step("nothing changed again", "//go:build !never\n\n"+calls, nil, 8, "", 1)

	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.mod", string(gomod)+"\n// edited\n")
	step("go.mod edited", "//go:build !never\n\n"+calls, nil, 9, "", 1)

	cgo := "package edited\n\n/*\nint one(void) { return 1; }\n*/\nimport \"C\"\n"
	if _, err := exec.LookPath("gcc"); err == nil {
		step("cgo", cgo, nil, 10, "", 0)
		step("cgo again: not kept", cgo, nil, 11, "", 0)
	}
}

// TestEditorForgetsOldGraphs: the Editor keeps the graphs of the
// keptGraphs packages analyzed last, no more.
func TestEditorForgetsOldGraphs(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	app := t.TempDir() // other packages' tests run go commands in testdata/app meanwhile
	e2eutil.CopyDir(t, filepath.Join("testdata", "app"), app)
	dirs := []string{"quiet", "user", "wrap", "store", "custom"}[:keptGraphs+1]
	a := singlepool.NewFlagAnalyzer()
	var e Editor
	analyze := func(dir string, wantLists int) {
		t.Helper()
		if _, err := e.AnalyzeDir(a, filepath.Join(app, dir), nil); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if e.lists.lists != wantLists {
			t.Fatalf("after %s: go list ran %d times, want %d", dir, e.lists.lists, wantLists)
		}
	}
	for i, dir := range dirs {
		analyze(dir, i+1)
	}
	n := len(dirs)
	analyze(dirs[n-1], n) // kept
	analyze(dirs[1], n)   // kept, and now the most recent
	analyze(dirs[0], n+1) // forgotten: listed again, which forgets dirs[2]
	analyze(dirs[2], n+2) // forgotten
	analyze(dirs[1], n+2) // still kept
}

// TestEditorIgnoresCacheTouches: the go command resets the modification
// time of the build cache's files as it uses them (any go command, at most
// hourly); that is not a change of the export data, named by its content.
func TestEditorIgnoresCacheTouches(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	dir, err := filepath.Abs(filepath.Join("testdata", "app", "user"))
	if err != nil {
		t.Fatal(err)
	}
	a := singlepool.NewFlagAnalyzer()
	var e Editor
	if _, err := e.AnalyzeDir(a, dir, nil); err != nil {
		t.Fatal(err)
	}
	touched := 0
	for name := range e.lists.entries[dir+"\x00.\x00true"].stamps {
		if goCache() != "" && strings.HasPrefix(name, goCache()) {
			old := time.Now().Add(-2 * time.Hour)
			if err := os.Chtimes(name, old, old); err == nil {
				touched++
			}
		}
	}
	if touched == 0 {
		t.Fatal("no export data file of the build cache among the stamps")
	}
	if _, err := e.AnalyzeDir(a, dir, nil); err != nil {
		t.Fatal(err)
	}
	if e.lists.lists != 1 {
		t.Errorf("after the build cache's files were touched: go list ran %d times, want 1", e.lists.lists)
	}
}
