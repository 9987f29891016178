// Package vet holds the end-to-end tests of the singlepool command, alone
// (singlechecker) and as `go vet -vettool`, on sample modules under
// testdata: detect (this file) and fixapp (fix_test.go). Each sample is its
// own module (example.com/app) with real requirements from the module
// proxy (pgx v5, sqlx, go-redis v9) and a committed go.sum.
//
// Every test works on a fresh copy of the sample in a temporary directory
// and vets ./... . Besides letting tests write settings files, that
// matters for go vet: Go 1.26 caches the tool's output by tool, flags and
// package (whose key includes its directory), but neither by the settings
// files singlepool reads nor by whether the package was vetted for facts
// only (as a dependency) or for diagnostics, so a run in a directory
// vetted before can replay another run's result.
package vet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

const (
	dbPkg = "example.com/app/internal/db"

	// Exit codes: singlechecker exits 3 with findings, 1 on errors and 2
	// on a bad flag; go vet exits 1 with findings or when the tool fails,
	// and 2 for a flag it does not know.
	standaloneFindings = 3
	vetFindings        = 1
)

// goEnv is added to the environment of every command.
var goEnv = []string{"GOWORK=off"}

// finding is one expected diagnostic line of a direct constructor call,
// with the path relative to the module root.
func finding(pos, name string) string {
	return fmt.Sprintf("%s: %s creates a new connection pool outside %s; use the shared pool", pos, name, dbPkg)
}

// perRequest is a direct call inside an HTTP handler.
func perRequest(pos, name string) string {
	return fmt.Sprintf("%s: %s creates a new connection pool on every request outside %s; use the shared pool", pos, name, dbPkg)
}

// detectWant is every finding in testdata/detect with -allow=example.com/app/internal/db:
// not internal/db itself, nor its external test package; the renamed
// import (pg.New), the function value (var connect = sqlx.Connect), the
// _test.go file and the nested package are reported. cmd/app's main calls
// the factories (functions returning a new pool) and monthly.Run (a helper
// that opens and closes a pool) once, at startup: not a second finding,
// since each construction site is reported already. clean.Ping uses the
// shared one.
var detectWant = sorted(
	finding("internal/orders/orders.go:13:20", "sqlx.Connect"),
	finding("internal/orders/orders.go:16:18", "pg.New"),
	finding("internal/orders/orders.go:24:15", "redis.NewClient"),
	finding("internal/orders/orders_test.go:9:17", "sql.Open"),
	finding("internal/reports/monthly/monthly.go:12:18", "sqlx.Connect"),
	finding("internal/reports/monthly/monthly.go:17:17", "redis.NewClient"),
	finding("internal/users/users.go:16:23", "pgxpool.New"),
	finding("internal/users/users.go:24:13", "sql.Open"),
)

func sorted(s ...string) []string {
	sort.Strings(s)
	return s
}

// setup returns the singlepool binary and a fresh copy of the sample
// module testdata/name, with its requirements downloaded.
func setup(t *testing.T, name string) (bin, dir string) {
	t.Helper()
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command", err)
	bin = e2eutil.Singlepool(t)
	dir = copyModule(t, name)
	if res := e2eutil.Run(t, dir, goEnv, "go", "mod", "download"); res.Code != 0 {
		e2eutil.Need(t, "the requirements of testdata/"+name+" (Go module proxy)", errors.New(res.Stderr))
	}
	return bin, dir
}

// copyModule copies testdata/name to a new temporary directory.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	e2eutil.CopyDir(t, filepath.Join("testdata", name), dir)
	return dir
}

// singlepool runs the standalone command in dir.
func singlepool(t *testing.T, bin, dir string, args ...string) e2eutil.Result {
	t.Helper()
	return e2eutil.Run(t, dir, goEnv, bin, args...)
}

// vet runs `go vet -vettool=bin args...` in dir.
func vet(t *testing.T, bin, dir string, args ...string) e2eutil.Result {
	t.Helper()
	return e2eutil.Run(t, dir, goEnv, "go", append([]string{"vet", "-vettool=" + bin}, args...)...)
}

var (
	diagLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.+)$`)
	posnRE   = regexp.MustCompile(`^(.+\.go):(\d+):(\d+)$`)
)

// diagnostics returns the "file:line:col: message" lines of out, sorted,
// with each file relative to root; relative names in out are relative to
// cwd (go vet shortens them to the working directory).
func diagnostics(out, cwd, root string) []string {
	var got []string
	for _, line := range strings.Split(out, "\n") {
		m := diagLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		got = append(got, fmt.Sprintf("%s:%s:%s: %s", relTo(m[1], cwd, root), m[2], m[3], m[4]))
	}
	sort.Strings(got)
	return got
}

// relTo makes name, absolute or relative to cwd, relative to root.
func relTo(name, cwd, root string) string {
	if !filepath.IsAbs(name) {
		name = filepath.Join(cwd, name)
	}
	if rel, err := filepath.Rel(root, name); err == nil {
		name = rel
	}
	return filepath.ToSlash(name)
}

// checkFindings compares the diagnostic lines with want, line by line.
func checkFindings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	var b strings.Builder
	for _, w := range want {
		if !slices.Contains(got, w) {
			fmt.Fprintf(&b, "\n  missing:    %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			fmt.Fprintf(&b, "\n  unexpected: %s", g)
		}
	}
	if b.Len() == 0 { // same lines, different counts
		fmt.Fprintf(&b, "\n  got %d lines, want %d:\n  %s", len(got), len(want), strings.Join(got, "\n  "))
	}
	t.Errorf("%s: findings differ from the expected list:%s", what, b.String())
}

// noPanic fails if the command crashed.
func noPanic(t *testing.T, what string, res e2eutil.Result) {
	t.Helper()
	for _, s := range []string{res.Stdout, res.Stderr} {
		if strings.Contains(s, "panic:") || strings.Contains(s, "goroutine ") {
			t.Errorf("%s crashed:\n%s", what, clip(s))
		}
	}
}

// clip shortens long output for failure messages.
func clip(s string) string {
	const limit = 4000
	if len(s) > limit {
		return s[:limit] + fmt.Sprintf("\n... (%d more bytes)", len(s)-limit)
	}
	return s
}

// wantExit fails unless the command exited with code.
func wantExit(t *testing.T, what string, res e2eutil.Result, code int) {
	t.Helper()
	if res.Code != code {
		t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", what, res.Code, code, clip(res.Stdout), clip(res.Stderr))
	}
}

// TestDetect checks the exact findings of singlepool and of go vet
// -vettool=singlepool on testdata/detect.
func TestDetect(t *testing.T) {
	bin, dir := setup(t, "detect")
	args := []string{"-allow=" + dbPkg, "./..."}

	t.Run("standalone", func(t *testing.T) {
		res := singlepool(t, bin, dir, args...)
		noPanic(t, "singlepool", res)
		wantExit(t, "singlepool "+strings.Join(args, " "), res, standaloneFindings)
		if res.Stdout != "" {
			t.Errorf("singlepool wrote to stdout (findings belong on stderr):\n%s", res.Stdout)
		}
		checkFindings(t, "singlepool", diagnostics(res.Stderr, dir, dir), detectWant)
	})

	t.Run("go vet", func(t *testing.T) {
		res := vet(t, bin, dir, args...)
		noPanic(t, "go vet", res)
		wantExit(t, "go vet -vettool "+strings.Join(args, " "), res, vetFindings)
		checkFindings(t, "go vet", diagnostics(res.Stderr, dir, dir), detectWant)
	})

	// internal/audit's pools carry //nolint:singlepool directives, with
	// their reasons: not in detectWant. Without a reason, require-reason
	// reports the directive; report-unused-nolint one that silences nothing.
	t.Run("nolint checks", func(t *testing.T) {
		nd := copyModule(t, "detect")
		file := filepath.Join(nd, "internal", "audit", "audit.go")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.Replace(src, []byte(" // the audit log has its own role and database"), nil, 1)
		src = append(src, "\nvar unused = 1 //nolint:singlepool // nothing to silence\n"...)
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		want := sorted(append(slices.Clone(detectWant),
			"internal/audit/audit.go:12:58: //nolint:singlepool silences singlepool without a reason: write it after the directive, //nolint:singlepool // why this pool is intended",
			"internal/audit/audit.go:27:16: //nolint:singlepool // nothing to silence is unused: singlepool reports nothing here; remove it")...)
		nargs := []string{"-allow=" + dbPkg, "-require-reason", "-report-unused-nolint", "./..."}
		res := singlepool(t, bin, nd, nargs...)
		noPanic(t, "singlepool", res)
		checkFindings(t, "singlepool -require-reason -report-unused-nolint", diagnostics(res.Stderr, nd, nd), want)
		res = vet(t, bin, nd, nargs...)
		noPanic(t, "go vet", res)
		checkFindings(t, "go vet -require-reason -report-unused-nolint", diagnostics(res.Stderr, nd, nd), want)
	})

	t.Run("go vet from a subdirectory", func(t *testing.T) {
		sub := filepath.Join(dir, "internal")
		res := vet(t, bin, sub, "-allow="+dbPkg, "../...")
		noPanic(t, "go vet", res)
		wantExit(t, "go vet -vettool (in internal/)", res, vetFindings)
		checkFindings(t, "go vet (in internal/)", diagnostics(res.Stderr, sub, dir), detectWant)
	})
}

// A jsonDiagnostic is one diagnostic of the -json output:
// {"pkgpath": {"singlepool": [diagnostic, ...]}}.
type jsonDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
}

// jsonFindings decodes a stream of -json objects (singlechecker prints
// one, go vet one per package) into sorted "file:line:col: message" lines,
// one per distinct diagnostic: a package and its test variant may both
// list a diagnostic of a non-test file.
func jsonFindings(t *testing.T, out, root string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	seen := make(map[string]bool)
	var got []string
	objects := 0
	for {
		var tree map[string]map[string]json.RawMessage
		err := dec.Decode(&tree)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("-json output does not parse: %v\n%s", err, clip(out))
		}
		objects++
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				if name != "singlepool" {
					t.Errorf("-json: package %s: unexpected analyzer %q", pkg, name)
					continue
				}
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					// An analysis error is {"error": "..."}.
					t.Errorf("-json: package %s: not a list of diagnostics: %v: %s", pkg, err, raw)
					continue
				}
				for _, d := range diags {
					if want := categoryOf(d.Message); d.Category != want {
						t.Errorf("-json: %s: category %q, want %q", d.Posn, d.Category, want)
					}
					if d.End == "" {
						t.Errorf("-json: %s: no end position", d.Posn)
					}
					m := posnRE.FindStringSubmatch(d.Posn)
					if m == nil {
						t.Errorf("-json: bad posn %q", d.Posn)
						continue
					}
					line := fmt.Sprintf("%s:%s:%s: %s", relTo(m[1], root, root), m[2], m[3], d.Message)
					if !seen[line] {
						seen[line] = true
						got = append(got, line)
					}
				}
			}
		}
	}
	if objects == 0 {
		t.Errorf("-json printed no JSON object:\n%s", clip(out))
	}
	sort.Strings(got)
	return got
}

// categoryOf returns the category a finding's message implies.
func categoryOf(msg string) string {
	switch {
	case strings.Contains(msg, " on every request"):
		return "pool-per-request"
	case strings.Contains(msg, " on every call "):
		return "pool-factory"
	}
	return "new-pool"
}

// TestJSON checks that -json prints the same findings as JSON, alone and
// under go vet.
func TestJSON(t *testing.T) {
	bin, dir := setup(t, "detect")
	args := []string{"-json", "-allow=" + dbPkg, "./..."}

	t.Run("standalone", func(t *testing.T) {
		res := singlepool(t, bin, dir, args...)
		noPanic(t, "singlepool -json", res)
		wantExit(t, "singlepool -json", res, 0) // -json reports findings in the output, not the exit code
		checkFindings(t, "singlepool -json", jsonFindings(t, res.Stdout, dir), detectWant)
	})

	t.Run("go vet", func(t *testing.T) {
		res := vet(t, bin, dir, args...)
		noPanic(t, "go vet -json", res)
		wantExit(t, "go vet -json", res, 0)
		checkFindings(t, "go vet -json", jsonFindings(t, res.Stdout, dir), detectWant)
	})
}

// TestClean checks that a run without findings exits 0 and prints nothing.
func TestClean(t *testing.T) {
	bin, dir := setup(t, "detect")
	args := []string{"-allow=example.com/app/...", "./..."}

	res := singlepool(t, bin, dir, args...)
	wantExit(t, "singlepool (everything allowed)", res, 0)
	if res.Stdout != "" || res.Stderr != "" {
		t.Errorf("singlepool printed output on a clean run:\nstdout:\n%s\nstderr:\n%s", res.Stdout, res.Stderr)
	}

	res = vet(t, bin, dir, args...)
	wantExit(t, "go vet (everything allowed)", res, 0)
	if res.Stdout != "" || res.Stderr != "" {
		t.Errorf("go vet printed output on a clean run:\nstdout:\n%s\nstderr:\n%s", res.Stdout, res.Stderr)
	}
}

// TestBadFlag checks that an invalid -allow fails before any analysis,
// with a message naming the flag and the value.
func TestBadFlag(t *testing.T) {
	bin, dir := setup(t, "detect")
	const msg = `invalid value "./x" for flag -allow: "./x" is a file path`

	t.Run("standalone", func(t *testing.T) {
		res := singlepool(t, bin, dir, "-allow=./x", "./...")
		noPanic(t, "singlepool -allow=./x", res)
		wantExit(t, "singlepool -allow=./x", res, 2)
		if !strings.Contains(res.Stderr, msg) {
			t.Errorf("singlepool -allow=./x: stderr does not say %q:\n%s", msg, clip(res.Stderr))
		}
		if d := diagnostics(res.Stderr, dir, dir); len(d) > 0 {
			t.Errorf("singlepool -allow=./x analyzed packages anyway:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("go vet", func(t *testing.T) {
		// go vet knows the flag (from singlepool -flags) and passes it
		// on; the tool rejects the value. go vet then exits 1, as for any
		// failure of the tool: only flags it does not know exit 2.
		res := vet(t, bin, dir, "-allow=./x", "./...")
		noPanic(t, "go vet -allow=./x", res)
		if res.Code == 0 {
			t.Fatalf("go vet -allow=./x: exit 0, want a failure")
		}
		if !strings.Contains(res.Stderr, msg) {
			t.Errorf("go vet -allow=./x: stderr does not say %q:\n%s", msg, clip(res.Stderr))
		}
		if d := diagnostics(res.Stderr, dir, dir); len(d) > 0 {
			t.Errorf("go vet -allow=./x analyzed packages anyway:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("go vet does not print the usage for every package", func(t *testing.T) {
		// go vet runs the tool once per package, dependencies included
		// (for facts): about 150 processes here. Each rejects the value;
		// each printing the whole usage text (~110 lines) buries the
		// one line that matters under ~18,000.
		res := vet(t, bin, dir, "-allow=./x", "./...")
		if n := strings.Count(res.Stderr, "Usage: singlepool"); n > 1 {
			t.Errorf("go vet -allow=./x printed singlepool's usage %d times, %d lines of stderr in all, "+
				"for packages such as %s", n, strings.Count(res.Stderr, "\n"), strings.Join(firstHeaders(res.Stderr, 5), ", "))
		}
	})

	t.Run("go vet unknown flag", func(t *testing.T) {
		res := vet(t, bin, dir, "-allw=x", "./...")
		noPanic(t, "go vet -allw=x", res)
		wantExit(t, "go vet -allw=x", res, 2)
		if !strings.Contains(res.Stderr, "flag provided but not defined: -allw") {
			t.Errorf("go vet -allw=x: stderr does not name the flag:\n%s", clip(res.Stderr))
		}
	})
}

// firstHeaders returns up to n "# pkg" headers of go vet's output.
func firstHeaders(out string, n int) []string {
	var h []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "# ") && len(h) < n {
			h = append(h, strings.TrimPrefix(line, "# "))
		}
	}
	return h
}

// TestUnknownPackages checks that a pattern matching no package is a clear
// error, not a crash or a silent success.
func TestUnknownPackages(t *testing.T) {
	bin, dir := setup(t, "detect")
	for _, c := range []struct{ pattern, want string }{
		{"./nosuchdir/...", "nosuchdir"},
		{"example.com/nope", "example.com/nope"},
	} {
		t.Run(c.pattern, func(t *testing.T) {
			for _, r := range []struct {
				what string
				run  func() e2eutil.Result
			}{
				{"singlepool", func() e2eutil.Result { return singlepool(t, bin, dir, "-allow="+dbPkg, c.pattern) }},
				{"go vet", func() e2eutil.Result { return vet(t, bin, dir, "-allow="+dbPkg, c.pattern) }},
			} {
				res := r.run()
				noPanic(t, r.what+" "+c.pattern, res)
				if res.Code == 0 {
					t.Errorf("%s %s: exit 0, want a failure", r.what, c.pattern)
				}
				if !strings.Contains(res.Stderr, c.want) {
					t.Errorf("%s %s: stderr does not name %q:\n%s", r.what, c.pattern, c.want, clip(res.Stderr))
				}
			}
		})
	}
}

// TestTypeError checks that a package that does not type-check is a clear
// error, not a crash, and does not hide the findings of the others.
func TestTypeError(t *testing.T) {
	bin, dir := setup(t, "detect")
	broken := filepath.Join(dir, "internal", "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	src := `package broken

import "database/sql"

func Open() (*sql.DB, error) {
	var n int = "x"
	_ = n
	return sql.Open("pgx", undefinedDSN)
}
`
	if err := os.WriteFile(filepath.Join(broken, "broken.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	const typeErr = `broken.go:6:14: cannot use "x"`
	for _, r := range []struct {
		what string
		run  func() e2eutil.Result
	}{
		{"singlepool", func() e2eutil.Result { return singlepool(t, bin, dir, "-allow="+dbPkg, "./...") }},
		{"go vet", func() e2eutil.Result { return vet(t, bin, dir, "-allow="+dbPkg, "./...") }},
	} {
		res := r.run()
		noPanic(t, r.what, res)
		if res.Code == 0 {
			t.Errorf("%s with a broken package: exit 0, want a failure", r.what)
		}
		if !strings.Contains(res.Stderr, typeErr) {
			t.Errorf("%s: stderr does not show the type error %q:\n%s", r.what, typeErr, clip(res.Stderr))
		}
		got := diagnostics(res.Stderr, dir, dir)
		for _, w := range detectWant {
			if !slices.Contains(got, w) {
				t.Errorf("%s: the broken package hid a finding of another package: %s", r.what, w)
			}
		}
	}
}

// writeFile writes a file, creating its directory.
func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSettingsFile checks that .singlepool.yml at the module root is used
// when no flag is given, and that flags take precedence over it.
func TestSettingsFile(t *testing.T) {
	t.Run("discovered", func(t *testing.T) {
		bin, dir := setup(t, "detect")
		writeFile(t, filepath.Join(dir, ".singlepool.yml"), "# the package that owns the shared pools\nallow:\n  - "+dbPkg+"\n")

		res := singlepool(t, bin, dir, "./...")
		noPanic(t, "singlepool", res)
		wantExit(t, "singlepool with .singlepool.yml", res, standaloneFindings)
		checkFindings(t, "singlepool with .singlepool.yml", diagnostics(res.Stderr, dir, dir), detectWant)

		res = vet(t, bin, dir, "./...")
		noPanic(t, "go vet", res)
		wantExit(t, "go vet with .singlepool.yml", res, vetFindings)
		checkFindings(t, "go vet with .singlepool.yml", diagnostics(res.Stderr, dir, dir), detectWant)
	})

	t.Run("flag overrides file", func(t *testing.T) {
		bin, dir := setup(t, "detect")
		writeFile(t, filepath.Join(dir, ".singlepool.yml"), "allow:\n  - example.com/app/...\n")

		res := singlepool(t, bin, dir, "./...")
		wantExit(t, "singlepool with a file allowing everything", res, 0)

		res = singlepool(t, bin, dir, "-allow="+dbPkg, "./...")
		wantExit(t, "singlepool -allow over the file", res, standaloneFindings)
		checkFindings(t, "singlepool -allow over the file", diagnostics(res.Stderr, dir, dir), detectWant)

		res = vet(t, bin, dir, "-allow="+dbPkg, "./...")
		wantExit(t, "go vet -allow over the file", res, vetFindings)
		checkFindings(t, "go vet -allow over the file", diagnostics(res.Stderr, dir, dir), detectWant)
	})
}

// TestConfigFlag checks -config=FILE with a file outside the module.
func TestConfigFlag(t *testing.T) {
	bin, dir := setup(t, "detect")
	cfg := filepath.Join(t.TempDir(), "conf", "singlepool.yml")
	writeFile(t, cfg, "allow:\n  - "+dbPkg+"\n")

	t.Run("standalone", func(t *testing.T) {
		res := singlepool(t, bin, dir, "-config="+cfg, "./...")
		noPanic(t, "singlepool -config", res)
		wantExit(t, "singlepool -config="+cfg, res, standaloneFindings)
		checkFindings(t, "singlepool -config", diagnostics(res.Stderr, dir, dir), detectWant)
	})

	t.Run("go vet absolute path", func(t *testing.T) {
		res := vet(t, bin, dir, "-config="+cfg, "./...")
		noPanic(t, "go vet -config", res)
		wantExit(t, "go vet -config="+cfg, res, vetFindings)
		checkFindings(t, "go vet -config", diagnostics(res.Stderr, dir, dir), detectWant)
	})

	t.Run("go vet relative path", func(t *testing.T) {
		// go vet runs the tool in each package's directory. pathFlag
		// makes -config absolute "so that drivers that change directory
		// per package (go vet) read the same file": the file named
		// relative to where go vet was started (the module root here).
		dir := copyModule(t, "detect")
		writeFile(t, filepath.Join(dir, "ci", "singlepool.yml"), "allow:\n  - "+dbPkg+"\n")
		res := vet(t, bin, dir, "-config=ci/singlepool.yml", "./...")
		noPanic(t, "go vet -config (relative)", res)
		wantExit(t, "go vet -config=ci/singlepool.yml", res, vetFindings)
		checkFindings(t, "go vet -config=ci/singlepool.yml", diagnostics(res.Stderr, dir, dir), detectWant)
	})
}

// TestMalformedSettingsFile checks that a bad .singlepool.yml is reported
// as a diagnostic naming the file and line, and no package is analyzed
// with half-read settings.
func TestMalformedSettingsFile(t *testing.T) {
	for _, c := range []struct {
		name, content, want string
	}{
		{"unknown key", "allow:\n  - " + dbPkg + "\nsingelton:\n  - x\n", `.singlepool.yml:3: unknown setting "singelton"`},
		{"syntax error", "allow: [" + dbPkg + "\n", `.singlepool.yml:1: `},
		{"wrong type", "allow:\n  - " + dbPkg + "\nallow-tests: sometimes\n", `.singlepool.yml:3: `},
		{"bad value", "allow:\n  - ./internal/db\n", `.singlepool.yml:1: allow: "./internal/db" is a file path`},
	} {
		t.Run(c.name, func(t *testing.T) {
			bin, dir := setup(t, "detect")
			yml := filepath.Join(dir, ".singlepool.yml")
			writeFile(t, yml, c.content)
			for _, r := range []struct {
				what string
				code int
				run  func() e2eutil.Result
			}{
				{"singlepool", standaloneFindings, func() e2eutil.Result { return singlepool(t, bin, dir, "./...") }},
				{"go vet", vetFindings, func() e2eutil.Result { return vet(t, bin, dir, "./...") }},
			} {
				res := r.run()
				noPanic(t, r.what, res)
				wantExit(t, r.what+" with a malformed .singlepool.yml", res, r.code)
				got := diagnostics(res.Stderr, dir, dir)
				if len(got) == 0 {
					t.Errorf("%s: no diagnostic for the malformed file:\n%s", r.what, clip(res.Stderr))
				}
				for _, d := range got {
					if !strings.Contains(d, "singlepool settings: "+yml) || !strings.Contains(d, c.want) {
						t.Errorf("%s: diagnostic does not name %s with %q:\n  %s", r.what, yml, c.want, d)
					}
				}
			}
		})
	}
}

// TestVetSeesSettingsFileEdits checks that go vet does not replay a result
// computed under an earlier .singlepool.yml: go vet caches a successful
// run of the tool by tool, flags and package, so a settings file that the
// tool reads on its own is not part of the key unless the tool makes it so.
func TestVetSeesSettingsFileEdits(t *testing.T) {
	bin, dir := setup(t, "detect")
	yml := filepath.Join(dir, ".singlepool.yml")
	writeFile(t, yml, "allow:\n  - example.com/app/...\n")
	res := vet(t, bin, dir, "./...")
	wantExit(t, "go vet, file allowing everything", res, 0)

	writeFile(t, yml, "allow:\n  - "+dbPkg+"\n")
	res = vet(t, bin, dir, "./...")
	if res.Code == 0 {
		t.Errorf("go vet after narrowing .singlepool.yml: exit 0 with no findings (a cached result of the old settings); " +
			"want exit 1 and the findings that singlepool reports")
	} else {
		checkFindings(t, "go vet after editing .singlepool.yml", diagnostics(res.Stderr, dir, dir), detectWant)
	}
}

// sameBytes reports whether two files have the same content.
func sameBytes(a, b string) (bool, error) {
	x, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	y, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(x, y), nil
}
