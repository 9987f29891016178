// Package golangci tests the singlepool module plugin inside a real
// golangci-lint v2.15.0, built by scripts/build-golangci-lint.sh from
// tools/golangci-lint, on the sample module testdata/app (example.com/app,
// with the real github.com/jackc/pgx/v5 v5.12.0).
//
// The binary is built once into .build/bin/golangci-lint-singlepool and
// reused while it is newer than the sources (a cold build takes about five
// minutes on 2 cores). Under CI=true a missing requirement fails the tests
// instead of skipping them.
package golangci

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// Exit codes of golangci-lint (pkg/exitcodes).
const (
	exitIssues = 1 // issues found
	exitConfig = 3 // failure: bad configuration or plugin settings
)

const (
	dbMsg      = "creates a new connection pool outside example.com/app/internal/db; use the shared pool"
	usersIssue = "internal/users/users.go:18:23: pgxpool.New " + dbMsg
	ordersIss  = "internal/orders/orders.go:17:23: pgxpool.New " + dbMsg
	reportIss  = "internal/report/report.go:11:17: sql.Open " + dbMsg
	auditIssue = "internal/legacy/legacy.go:19:13: sql.Open " + dbMsg
)

// maxConnsIssues are the sample's findings with max-conns: [postgres=10],
// replicas: 2, cpus: 4, beyond baseIssues: cmd/app's budget (db.SQL's
// pool has no limit) and that pool's unbounded-pool finding, inside the
// allowlist. (golangci-lint keeps one issue per line: outside the
// allowlist new-pool, reported first, hides a site's unbounded-pool.)
var maxConnsIssues = []string{
	"cmd/app/main.go:2:9: this program can open an unbounded number of PostgreSQL connections (max-conns=10): db/db.go:23 max(4, CPUs)=4 (default), db/db.go:29 unbounded (no SetMaxOpenConns)",
	"internal/db/db.go:29:13: sql.Open's pool has no connection limit: it opens a new connection whenever every open one is busy (no SetMaxOpenConns); call SetMaxOpenConns on it (max-conns=10)",
}

// baseIssues is what the sample's own .golangci.yml reports: everything but
// internal/db (allowlisted) and legacy.go:14 (//nolint:singlepool).
var baseIssues = []string{auditIssue, ordersIss, reportIss, usersIssue}

var (
	binOnce sync.Once
	binPath string
	binErr  error

	cacheOnce sync.Once
	cacheDir  string
)

// golangciLint returns the path of the golangci-lint binary with the
// plugin, building it with the repository's script when it is stale.
func golangciLint(t *testing.T) string {
	t.Helper()
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command in PATH", err)
	_, err = exec.LookPath("bash")
	e2eutil.Need(t, "bash in PATH (scripts/build-golangci-lint.sh)", err)
	binOnce.Do(func() {
		root := e2eutil.RepoRoot(t)
		out := filepath.Join(e2eutil.BuildDir(t), "bin", "golangci-lint-singlepool")
		res := e2eutil.Run(t, root, nil, "bash", filepath.Join(root, "scripts", "build-golangci-lint.sh"), out)
		t.Log(strings.TrimSpace(res.Stderr))
		if res.Code != 0 {
			binErr = fmt.Errorf("scripts/build-golangci-lint.sh exited %d:\n%s%s", res.Code, res.Stdout, res.Stderr)
			return
		}
		binPath = out
	})
	if binErr != nil {
		t.Fatalf("building golangci-lint with the plugin: %v", binErr)
	}
	return binPath
}

// sample copies testdata/app to a fresh directory, after checking that
// its dependencies can be had, and returns the copy.
func sample(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "app"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "app")
	e2eutil.CopyDir(t, src, dir)
	res := e2eutil.Run(t, dir, goEnv(), "go", "mod", "download")
	if res.Code != 0 {
		e2eutil.Need(t, "the sample's modules (github.com/jackc/pgx/v5 v5.12.0) from the module cache or proxy",
			fmt.Errorf("go mod download exited %d: %s", res.Code, res.Stderr))
	}
	return dir
}

// goEnv isolates the sample from any go.work above it.
func goEnv() []string { return []string{"GOWORK=off"} }

// lintEnv gives golangci-lint a cache of its own, shared by the tests of
// this process: changing only the settings must not return cached results.
func lintEnv(t *testing.T) []string {
	cacheOnce.Do(func() {
		d, err := os.MkdirTemp("", "singlepool-golangci-cache-")
		if err != nil {
			t.Fatal(err)
		}
		cacheDir = d
	})
	return append(goEnv(), "GOLANGCI_LINT_CACHE="+cacheDir)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cacheDir != "" {
		os.RemoveAll(cacheDir)
	}
	os.Exit(code)
}

// lint runs golangci-lint in dir with args before ./..., asking for both
// the JSON (stdout) and the text (stderr) output. It returns the result
// and the issues as "file:line:col: message".
func lint(t *testing.T, dir string, args ...string) (e2eutil.Result, []string) {
	t.Helper()
	bin := golangciLint(t)
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path=stdout", "--output.text.path=stderr", "--show-stats=false"}, args...)
	args = append(args, "./...")
	res := e2eutil.Run(t, dir, lintEnv(t), bin, args...)
	if res.Code != 0 && res.Code != exitIssues {
		return res, nil
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.NewDecoder(strings.NewReader(res.Stdout)).Decode(&report); err != nil {
		t.Fatalf("golangci-lint exited %d without a JSON report (%v)\nstdout:\n%s\nstderr:\n%s", res.Code, err, res.Stdout, res.Stderr)
	}
	var issues []string
	for _, is := range report.Issues {
		prefix := "" // singlepool's; another linter's (nolintlint) are prefixed with its name
		if is.FromLinter != "singlepool" {
			prefix = is.FromLinter + ": "
		}
		issues = append(issues, fmt.Sprintf("%s%s:%d:%d: %s", prefix, filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(issues)
	return res, issues
}

// wantIssues checks the exit code and the exact set of issues.
func wantIssues(t *testing.T, res e2eutil.Result, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	wantCode := 0
	if len(want) > 0 {
		wantCode = exitIssues
	}
	if res.Code != wantCode {
		t.Errorf("golangci-lint exited %d, want %d\nstderr:\n%s", res.Code, wantCode, res.Stderr)
	}
	if !slices.Equal(got, want) {
		t.Errorf("issues:\n\t%s\nwant:\n\t%s\nstderr:\n%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), res.Stderr)
	}
}

// edit replaces old with repl in dir/file, failing if old is absent.
func edit(t *testing.T, dir, file, old, repl string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(repl), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

const allowDB = "          allow:\n            - example.com/app/internal/db\n"

func TestVersion(t *testing.T) {
	res := e2eutil.Run(t, t.TempDir(), nil, golangciLint(t), "version")
	out := res.Stdout + res.Stderr
	if res.Code != 0 || !strings.Contains(out, "v2.15.0+singlepool.") {
		t.Errorf("golangci-lint version exited %d: %q; want version v2.15.0+singlepool.<source hash>", res.Code, out)
	}
}

// TestPins checks that the wrapper module builds golangci-lint against the
// versions golangci-lint v2.15.0 itself requires.
func TestPins(t *testing.T) {
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "the go command in PATH", err)
	dir := filepath.Join(e2eutil.RepoRoot(t), "tools", "golangci-lint")
	res := e2eutil.Run(t, dir, goEnv(), "go", "list", "-m",
		"github.com/golangci/golangci-lint/v2", "golang.org/x/tools", "github.com/golangci/plugin-module-register")
	if res.Code != 0 {
		t.Fatalf("go list -m: %s", res.Stderr)
	}
	want := "github.com/golangci/golangci-lint/v2 v2.15.0\ngolang.org/x/tools v0.52.0\ngithub.com/golangci/plugin-module-register v0.1.2\n"
	if res.Stdout != want {
		t.Errorf("tools/golangci-lint requires\n%s\nwant\n%s", res.Stdout, want)
	}
}

func TestDiagnostics(t *testing.T) {
	dir := sample(t)
	res, issues := lint(t, dir)
	wantIssues(t, res, issues, baseIssues...)
	// What a person sees: the text output names file:line:col, the message
	// and the linter.
	if want := usersIssue + " (singlepool)\n"; !strings.Contains(res.Stderr, want) {
		t.Errorf("text output lacks %q:\n%s", want, res.Stderr)
	}
}

// TestSettings checks that linters.settings.custom.singlepool.settings
// reaches the analyzer: changing it changes the result, with the same cache.
func TestSettings(t *testing.T) {
	t.Run("allow-more", func(t *testing.T) {
		dir := sample(t)
		edit(t, dir, ".golangci.yml", allowDB, allowDB+"            - example.com/app/internal/report\n")
		res, issues := lint(t, dir)
		wantIssues(t, res, issues, outsideDBAndReport...)
	})
	t.Run("allow-tree", func(t *testing.T) {
		dir := sample(t)
		edit(t, dir, ".golangci.yml", allowDB, "          allow:\n            - example.com/app/...\n")
		res, issues := lint(t, dir)
		wantIssues(t, res, issues)
	})
	t.Run("config-file", func(t *testing.T) {
		// config: names a .singlepool.yml; golangci-lint resolves nothing
		// for plugins, so a relative path is relative to where it runs.
		dir := sample(t)
		edit(t, dir, ".golangci.yml", allowDB, "          config: .singlepool.yml\n")
		yml := "allow:\n  - example.com/app/internal/db\n  - example.com/app/internal/report\n"
		if err := os.WriteFile(filepath.Join(dir, ".singlepool.yml"), []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
		res, issues := lint(t, dir)
		wantIssues(t, res, issues, outsideDBAndReport...)
	})
	t.Run("max-conns", func(t *testing.T) {
		// The connection budget through golangci-lint's settings: the
		// program's PostgreSQL pools against max-conns, and the
		// database/sql pools without a limit.
		dir := sample(t)
		edit(t, dir, ".golangci.yml", allowDB, allowDB+"          max-conns: [postgres=10]\n          replicas: 2\n          cpus: 4\n")
		res, issues := lint(t, dir)
		wantIssues(t, res, issues, append(slices.Clone(baseIssues), maxConnsIssues...)...)
	})
	t.Run("no-settings", func(t *testing.T) {
		// Without settings nothing is allowlisted: internal/db is reported
		// too, with the message that says how to configure the allowlist.
		dir := sample(t)
		yml := read(t, dir, ".golangci.yml")
		i := strings.Index(yml, "        settings:\n")
		j := strings.Index(yml, "\nissues:")
		if i < 0 || j < i {
			t.Fatalf("unexpected .golangci.yml:\n%s", yml)
		}
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(yml[:i]+yml[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		res, issues := lint(t, dir)
		if res.Code != exitIssues {
			t.Fatalf("exit %d, want %d\n%s", res.Code, exitIssues, res.Stderr)
		}
		var inDB int
		for _, is := range issues {
			if strings.HasPrefix(is, "internal/db/db.go:") {
				inDB++
			}
			if !strings.Contains(is, "allowlist that package (-allow=PKG)") {
				t.Errorf("issue %q lacks the configuration hint", is)
			}
		}
		if inDB != 2 || len(issues) != 6 {
			t.Errorf("got %d issues, %d in internal/db; want 6 and 2:\n\t%s", len(issues), inDB, strings.Join(issues, "\n\t"))
		}
	})
}

// TestBadSettings checks that golangci-lint stops with exit code 3 and an
// error naming the setting when the plugin's settings are wrong.
func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // in the error output
	}{
		{"misspelled-key", "          allow:\n", "          alow:\n",
			[]string{"singlepool: settings:", `unknown field "alow"`}},
		{"file-path", "            - example.com/app/internal/db\n", "            - ./internal/db\n",
			[]string{"singlepool: settings: allow:", `"./internal/db"`}},
		{"string-not-list", allowDB, "          allow: example.com/app/internal/db\n",
			[]string{"singlepool: settings:", "allow"}},
		{"bad-singleton", "pgxpool.New=example.com/app/internal/db.Pool", "pgxpool.New",
			[]string{"singlepool: settings: singleton:"}},
		// Directives are golangci-lint's here; their checks are nolintlint's.
		{"require-reason", allowDB, allowDB + "          require-reason: true\n",
			[]string{"singlepool: settings: require-reason:", "nolintlint"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := sample(t)
			edit(t, dir, ".golangci.yml", tc.old, tc.new)
			res, _ := lint(t, dir)
			if res.Code != exitConfig {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", res.Code, exitConfig, res.Stdout, res.Stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(res.Stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.Stderr)
				}
			}
		})
	}
}

// TestNolint checks that //nolint:singlepool suppresses its line, and that
// it is the directive, naming this linter, that does so.
func TestNolint(t *testing.T) {
	const directive = "//nolint:singlepool // migrations run with their own role"
	// Without the directive it is reported, and not fixed: it connects
	// with its parameter, maybe another database.
	migrations := "internal/legacy/legacy.go:14:17: pgxpool.New " + dbMsg +
		" (no suggested fix: it connects with parameter dsn, which may not be the shared pool's database)"
	for _, tc := range []struct {
		name, replace string
		want          []string
	}{
		{"as-is", directive, baseIssues},
		{"removed", "", append([]string{migrations}, baseIssues...)},
		{"other-linter", "//nolint:errcheck", append([]string{migrations}, baseIssues...)},
		{"all", "//nolint:all", baseIssues},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := sample(t)
			edit(t, dir, "internal/legacy/legacy.go", directive, tc.replace)
			res, issues := lint(t, dir)
			wantIssues(t, res, issues, tc.want...)
		})
	}
}

// TestNolintLeftToGolangci checks that the plugin leaves //nolint to
// golangci-lint: nolintlint, which reports a directive whose linter
// reported nothing there, sees singlepool's finding under the directive
// (the analyzer did not drop it itself), and checks the reason.
func TestNolintLeftToGolangci(t *testing.T) {
	const directive = "//nolint:singlepool // migrations run with their own role"
	nolintlint := "    - singlepool\n    - nolintlint\n  settings:\n    nolintlint:\n      allow-unused: false\n      require-explanation: true\n      require-specific: true\n"
	for _, tc := range []struct {
		name, replace string
		want          []string
	}{
		{"used-with-reason", directive, baseIssues},
		{"no-reason", "//nolint:singlepool", append([]string{
			"nolintlint: internal/legacy/legacy.go:14:31: directive `//nolint:singlepool` should provide explanation such as `//nolint:singlepool // this is why`",
		}, baseIssues...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := sample(t)
			edit(t, dir, ".golangci.yml", "    - singlepool\n  settings:\n", nolintlint)
			edit(t, dir, "internal/legacy/legacy.go", directive, tc.replace)
			res, issues := lint(t, dir)
			wantIssues(t, res, issues, tc.want...)
		})
	}
}

// TestFix checks that --fix applies the suggested fixes (pgxpool.New is
// replaced by the configured singleton accessor db.Pool), leaves the
// unfixable issues, and that the result builds.
func TestFix(t *testing.T) {
	dir := sample(t)
	untouched := []string{"internal/db/db.go", "internal/report/report.go", "internal/legacy/legacy.go", "cmd/app/main.go"}
	before := make(map[string]string)
	for _, f := range untouched {
		before[f] = read(t, dir, f)
	}

	res, issues := lint(t, dir, "--fix")
	// The fixed issues are not reported; the sql.Open ones have no fix.
	wantIssues(t, res, issues, auditIssue, reportIss)

	for _, f := range []string{"internal/users/users.go", "internal/orders/orders.go"} {
		src := read(t, dir, f)
		if strings.Contains(src, "pgxpool.New(") || !strings.Contains(src, "\tpool, err := db.Pool(ctx)\n") {
			t.Errorf("%s: the call was not replaced by db.Pool(ctx):\n%s", f, src)
		}
		if !strings.Contains(src, "\t\"example.com/app/internal/db\"\n") {
			t.Errorf("%s: the import of example.com/app/internal/db was not added:\n%s", f, src)
		}
		if formatted, err := format.Source([]byte(src)); err != nil || string(formatted) != src {
			t.Errorf("%s is not gofmt-formatted after --fix (%v):\n%s", f, err, src)
		}
	}
	// users still needs pgxpool (for *pgxpool.Pool).
	if src := read(t, dir, "internal/users/users.go"); !strings.Contains(src, "\t\"github.com/jackc/pgx/v5/pgxpool\"\n") {
		t.Errorf("users.go lost the pgxpool import it still uses:\n%s", src)
	}
	// In orders the fix also deletes what only served the private pool:
	// the dsn local, the Close of what is now the shared pool, and the os
	// and pgxpool imports (golangci-lint, unlike go vet -fix, removes no
	// unused import by itself).
	orders := read(t, dir, "internal/orders/orders.go")
	for _, gone := range []string{"\t\"os\"\n", "\t\"github.com/jackc/pgx/v5/pgxpool\"\n"} {
		if strings.Contains(orders, gone) {
			t.Errorf("orders.go still imports %s:\n%s", strings.TrimSpace(gone), orders)
		}
	}
	const ping = `func Ping(ctx context.Context) error {
	pool, err := db.Pool(ctx)
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}
`
	if _, body, _ := strings.Cut(orders, "\nfunc Ping"); "func Ping"+body != ping {
		t.Errorf("orders.go after --fix:\n%s\nwant Ping to read:\n%s", orders, ping)
	}
	for _, f := range untouched {
		if got := read(t, dir, f); got != before[f] {
			t.Errorf("%s changed:\n%s", f, got)
		}
	}

	// The result builds and vets.
	if res := e2eutil.Run(t, dir, goEnv(), "go", "build", "./..."); res.Code != 0 {
		t.Errorf("go build after --fix: %s", res.Stderr)
	}
	if res := e2eutil.Run(t, dir, goEnv(), "go", "vet", "./..."); res.Code != 0 {
		t.Errorf("go vet after --fix: %s", res.Stderr)
	}

	// Linting again reports the same two issues, and fixing again changes
	// nothing.
	res, issues = lint(t, dir)
	wantIssues(t, res, issues, auditIssue, reportIss)
	fixed := read(t, dir, "internal/users/users.go")
	res, issues = lint(t, dir, "--fix")
	wantIssues(t, res, issues, auditIssue, reportIss)
	if got := read(t, dir, "internal/users/users.go"); got != fixed {
		t.Errorf("a second --fix changed users.go:\n%s", got)
	}
}

// outsideDBAndReport are the sample's issues with internal/db and
// internal/report allowlisted.
var outsideDBAndReport = func() []string {
	msg := "creates a new connection pool outside example.com/app/internal/db, example.com/app/internal/report; use the shared pool"
	return []string{
		"internal/legacy/legacy.go:19:13: sql.Open " + msg,
		"internal/orders/orders.go:17:23: pgxpool.New " + msg,
		"internal/users/users.go:18:23: pgxpool.New " + msg,
	}
}()
