// Package robust is the short version of scripts/robustness.sh: it runs
// the real singlepool binary with default settings (nothing allowlisted, so
// every catalog constructor use is reported) on real code it did not write
// (a handful of standard-library packages and golang.org/x/tools'
// go/analysis tree from the module cache) and checks that it never panics
// or fails, and that it reports exactly the construction sites established
// by hand in docs/robustness.md:
//
//   - database/sql's example_cli_test.go and example_service_test.go each
//     call sql.Open once (package sql_test, std's examples);
//   - nothing else: net/http, encoding/json, go/types and x/tools'
//     go/analysis/... construct no pool. (database/sql's own package calls
//     Open and OpenDB in its implementation and internal tests; those are
//     the constructor's own package, which singlepool does not check.)
//
// The std packages need nothing beyond Go; x/tools is a dependency of this
// module, downloaded from the module proxy when missing from the cache.
// Each run takes a few seconds; the whole test stays well under 2 minutes.
package robust

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// stdPkgs are the std packages checked; database/sql is the one with sites.
var stdPkgs = []string{"database/sql", "net/http", "encoding/json", "go/types"}

// stdSites are the files (under GOROOT/src) with one sql.Open each.
var stdSites = []string{
	"database/sql/example_cli_test.go",
	"database/sql/example_service_test.go",
}

const defaultMsg = "sql.Open creates a new connection pool; create the pool once in the package that owns it, allowlist that package (-allow=PKG) and use its shared pool everywhere else"

// env keeps every run outside any workspace.
var env = []string{"GOWORK=off"}

// diagLine matches a diagnostic: FILE.go:LINE:COL: message.
var diagLine = regexp.MustCompile(`^([^ :]+\.go):(\d+):(\d+): (.*)$`)

// noPanic fails if the output shows a panic or a goroutine dump.
func noPanic(t *testing.T, res e2eutil.Result) {
	t.Helper()
	out := res.Stdout + res.Stderr
	if strings.Contains(out, "panic:") || regexp.MustCompile(`goroutine \d+ \[`).MatchString(out) {
		t.Fatalf("singlepool panicked:\n%s", out)
	}
}

// diagnostics returns the output's diagnostic lines and fails on any other
// line (an error instead of a report).
func diagnostics(t *testing.T, res e2eutil.Result) []string {
	t.Helper()
	var diags []string
	for _, line := range strings.Split(res.Stdout+res.Stderr, "\n") {
		switch {
		case line == "":
		case diagLine.MatchString(line):
			diags = append(diags, line)
		default:
			t.Errorf("output line is not a diagnostic: %q\nfull output:\n%s%s", line, res.Stdout, res.Stderr)
		}
	}
	slices.Sort(diags)
	return diags
}

// expectedStd returns the expected diagnostics for stdPkgs: one per file of
// stdSites, at the "Open" of its only "sql.Open(" (computed from the
// installed sources, so a Go release that moves the line still passes, and
// one that adds or removes a call fails with a message saying so).
func expectedStd(t *testing.T, goroot string) []string {
	t.Helper()
	var want []string
	for _, rel := range stdSites {
		file := filepath.Join(goroot, "src", filepath.FromSlash(rel))
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("reading %s: %v", file, err)
		}
		src := string(data)
		if n := strings.Count(src, "sql.Open("); n != 1 {
			t.Fatalf("%s has %d calls of sql.Open, want 1: re-check docs/robustness.md and this test for this Go release", file, n)
		}
		off := strings.Index(src, "sql.Open(") + len("sql.")
		line := 1 + strings.Count(src[:off], "\n")
		col := off - strings.LastIndex(src[:off], "\n")
		want = append(want, fmt.Sprintf("%s:%d:%d: %s", file, line, col, defaultMsg))
	}
	slices.Sort(want)
	return want
}

func goroot(t *testing.T) string {
	t.Helper()
	res := e2eutil.Run(t, t.TempDir(), env, "go", "env", "GOROOT")
	if res.Code != 0 {
		t.Fatalf("go env GOROOT: %s", res.Stderr)
	}
	return strings.TrimSpace(res.Stdout)
}

func TestStdStandalone(t *testing.T) {
	bin := e2eutil.Singlepool(t)
	dir := t.TempDir() // outside any module: std patterns only
	want := expectedStd(t, goroot(t))

	res := e2eutil.Run(t, dir, env, bin, stdPkgs...)
	noPanic(t, res)
	if res.Code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	if got := diagnostics(t, res); !slices.Equal(got, want) {
		t.Errorf("reports:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The same run as JSON: no package reports an error.
	res = e2eutil.Run(t, dir, env, bin, append([]string{"-json"}, stdPkgs...)...)
	noPanic(t, res)
	if res.Code != 0 {
		t.Errorf("-json: exit code %d, want 0\n%s", res.Code, res.Stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.Stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, res.Stdout)
	}
	var posns []string
	for pkg, analyzers := range tree {
		var diags []struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		}
		raw, ok := analyzers["singlepool"]
		if !ok {
			continue
		}
		if err := json.Unmarshal(raw, &diags); err != nil {
			t.Errorf("%s: not a list of diagnostics (an error?): %s", pkg, raw)
			continue
		}
		for _, d := range diags {
			posns = append(posns, d.Posn+": "+d.Message)
		}
	}
	slices.Sort(posns)
	posns = slices.Compact(posns) // a package and its test variant report the same site
	if !slices.Equal(posns, want) {
		t.Errorf("-json reports:\n%s\nwant exactly:\n%s", strings.Join(posns, "\n"), strings.Join(want, "\n"))
	}

	// Counting mode with single connections: no std package is a program
	// and none opens a single connection, so nothing is reported.
	res = e2eutil.Run(t, dir, env, bin, append([]string{"-single-conns", "-max-pools=1"}, stdPkgs...)...)
	noPanic(t, res)
	if res.Code != 0 || len(diagnostics(t, res)) != 0 {
		t.Errorf("-single-conns -max-pools=1: exit %d, want 0 and no reports\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
}

func TestStdVet(t *testing.T) {
	bin := e2eutil.Singlepool(t)
	dir := t.TempDir()
	want := expectedStd(t, goroot(t))

	// go vet caches each package's output under a key that includes the
	// analyzer flags but not whether the package was vetted as a root or
	// only for facts as a dependency (go1.26.8, stock vet too): after any
	// earlier vet run with the same binary and flags that had database/sql
	// as a dependency, vetting it as a root would replay "no diagnostics".
	// A constructor no code calls, unique to this run, gives a fresh key.
	nocache := fmt.Sprintf("-constructors=example.invalid/robust%d%d.Never", os.Getpid(), time.Now().UnixNano())
	res := e2eutil.Run(t, dir, env, "go", "vet", "-vettool="+bin, nocache, "database/sql")
	noPanic(t, res)
	if res.Code != 1 {
		t.Errorf("go vet: exit code %d, want 1 (findings)\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	var got []string
	for _, line := range strings.Split(res.Stdout+res.Stderr, "\n") {
		switch {
		case line == "", strings.HasPrefix(line, "# "):
		case diagLine.MatchString(line):
			got = append(got, line)
		default:
			t.Errorf("go vet output line is not a diagnostic: %q", line)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("go vet reports:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestXToolsAnalysis runs singlepool on golang.org/x/tools' go/analysis
// tree (about 100 packages with their tests; the only database/sql user,
// passes/sqlrowserr, imports it in testdata, which ./... skips), in place
// in the read-only module cache: analysis writes nothing.
func TestXToolsAnalysis(t *testing.T) {
	bin := e2eutil.Singlepool(t)
	root := e2eutil.RepoRoot(t)
	res := e2eutil.Run(t, root, env, "go", "mod", "download", "golang.org/x/tools")
	if res.Code != 0 {
		e2eutil.Need(t, "golang.org/x/tools from the module proxy", fmt.Errorf("%s", res.Stderr))
	}
	res = e2eutil.Run(t, root, env, "go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/tools")
	dir := strings.TrimSpace(res.Stdout)
	if res.Code != 0 || dir == "" {
		t.Fatalf("go list -m golang.org/x/tools: %s", res.Stderr)
	}

	for _, flags := range [][]string{nil, {"-single-conns", "-max-pools=1"}} {
		res = e2eutil.Run(t, dir, env, bin, append(flags, "./go/analysis/...")...)
		noPanic(t, res)
		if res.Code != 0 || len(diagnostics(t, res)) != 0 {
			t.Errorf("singlepool %v ./go/analysis/... in %s: exit %d, want 0 and no reports\n%s%s",
				flags, dir, res.Code, res.Stdout, res.Stderr)
		}
	}
}
