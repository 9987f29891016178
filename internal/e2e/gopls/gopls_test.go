// Package gopls tests singlepool inside gopls, end to end: it builds
// gopls with singlepool compiled in (scripts/build-gopls.sh), starts it
// over stdio on a copy of testdata/app and speaks LSP to it like an
// editor: diagnostics, quick fixes, source.fixAll, and the .singlepool.yml
// settings file.
package gopls

import (
	"context"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"github.com/singlepool/singlepool/passes/singlepool"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from gopls's output")

const (
	goplsVersion  = "v0.23.0+singlepool"
	xtoolsVersion = "v0.47.1-0.20260707181000-a299dadba899" // pinned by gopls v0.23.0

	handlerFile = "internal/handler/handler.go"
	dbFile      = "internal/db/db.go"

	wantMessage = "pgxpool.New creates a new connection pool outside example.com/app/internal/db; use the shared pool"
	wantTitle   = "Use the shared pool from db.Pool"

	// How long to wait for gopls: a cold analysis of the sample took about
	// 11 s on a small machine; this is generous on purpose.
	waitTimeout = 5 * time.Minute
)

// wantRange is where the diagnostic goes: "New" in
// "pool, err := pgxpool.New(ctx, dsn)" on line 16 of handler.go.
var wantRange = Range{Start: Position{Line: 15, Character: 22}, End: Position{Line: 15, Character: 25}}

// goplsSettings are the gopls settings the tests use (initializationOptions
// and the answer to workspace/configuration). verboseWorkDoneProgress
// makes gopls report "diagnosing ..." work that ends once the diagnostics
// caused by a file event are published, so the tests never sleep.
func goplsSettings() map[string]any {
	return map[string]any{"verboseWorkDoneProgress": true}
}

var (
	buildOnce sync.Once
	buildPath string
	buildErr  string
)

// buildGopls builds .build/bin/gopls-singlepool with scripts/build-gopls.sh,
// once per test process; the script itself skips the build when the binary
// is up to date. SINGLEPOOL_GOPLS=/path/to/gopls tests that binary instead.
func buildGopls(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SINGLEPOOL_GOPLS"); p != "" {
		t.Logf("testing SINGLEPOOL_GOPLS=%s", p)
		return p
	}
	_, err := exec.LookPath("go")
	e2eutil.Need(t, "go command", err)
	_, err = exec.LookPath("bash")
	e2eutil.Need(t, "bash (runs scripts/build-gopls.sh)", err)
	buildOnce.Do(func() {
		root := e2eutil.RepoRoot(t)
		buildPath = filepath.Join(e2eutil.BuildDir(t), "bin", "gopls-singlepool")
		start := time.Now()
		res := e2eutil.Run(t, root, []string{"OUT=" + buildPath}, "bash", filepath.Join(root, "scripts", "build-gopls.sh"))
		t.Logf("scripts/build-gopls.sh took %v:\n%s", time.Since(start).Round(time.Millisecond), res.Stderr)
		if res.Code != 0 {
			buildErr = fmt.Sprintf("scripts/build-gopls.sh failed (exit %d):\n%s%s", res.Code, res.Stdout, res.Stderr)
		}
	})
	if buildErr != "" {
		t.Fatal(buildErr)
	}
	return buildPath
}

// newApp copies testdata/app to a temporary directory and downloads its
// dependencies (gopls loads packages without network access).
func newApp(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "app")
	e2eutil.CopyDir(t, filepath.Join("testdata", "app"), dir)
	res := e2eutil.Run(t, dir, nil, "go", "mod", "download", "all")
	if res.Code != 0 {
		e2eutil.Need(t, "the Go module proxy (go mod download in testdata/app)", fmt.Errorf("%s", res.Stderr))
	}
	return dir
}

// session is a gopls process with a workspace folder.
type session struct {
	t   *testing.T
	c   *lspClient
	dir string
	ctx context.Context
}

// startSession starts gopls on dir with its analysis cache in cacheDir,
// initializes it and waits for the initial workspace load.
func startSession(t *testing.T, gopls, dir, cacheDir string) *session {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	t.Cleanup(cancel)
	env := []string{
		"GOPLSCACHE=" + cacheDir, // a test's own analysis cache, never the user's
		"GOFLAGS=-mod=readonly",
		"GOPROXY=off", // gopls must find everything in the module cache
	}
	c := startGopls(t, gopls, dir, env, goplsSettings())
	s := &session{t: t, c: c, dir: dir, ctx: ctx}
	mark := c.progressMark()
	if err := c.initialize(ctx, dir); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	s.waitWork(mark, "diagnosing initial workspace load")
	return s
}

func (s *session) uri(rel string) string {
	return fileURI(filepath.Join(s.dir, filepath.FromSlash(rel)))
}

func (s *session) read(rel string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

func (s *session) write(rel, text string) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// waitWork waits for the end of gopls's "diagnosing ..." work named title
// that started after mark.
func (s *session) waitWork(mark int, title string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, waitTimeout)
	defer cancel()
	start := time.Now()
	if err := s.c.waitWorkDone(ctx, mark, title); err != nil {
		s.t.Fatal(err)
	}
	s.t.Logf("gopls: %q done after %v", title, time.Since(start).Round(time.Millisecond))
}

// open opens rel and returns the diagnostics gopls published for it once
// it has diagnosed the open (including analysis).
func (s *session) open(rel string) []Diagnostic {
	s.t.Helper()
	mark := s.c.progressMark()
	if err := s.c.didOpen(s.uri(rel), s.read(rel)); err != nil {
		s.t.Fatal(err)
	}
	s.waitWork(mark, "diagnosing opened files")
	return s.diagnostics(rel)
}

// diagnostics returns the diagnostics last published for rel; it fails if
// none were ever published.
func (s *session) diagnostics(rel string) []Diagnostic {
	s.t.Helper()
	d, ok := s.c.diagnostics(s.uri(rel))
	if !ok {
		s.t.Fatalf("gopls published no diagnostics for %s", rel)
	}
	return d
}

// singlepoolDiagnostics keeps the diagnostics from singlepool.
func singlepoolDiagnostics(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Source == singlepool.Name {
			out = append(out, d)
		}
	}
	return out
}

func describe(ds []Diagnostic) string {
	if len(ds) == 0 {
		return "(none)"
	}
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n\t%s: [%s/%s] %s", d.Range, d.Source, d.Code, d.Message)
	}
	return b.String()
}

// TestBuild checks what scripts/build-gopls.sh produced: the version gopls
// reports and the x/tools version it is built with.
func TestBuild(t *testing.T) {
	gopls := buildGopls(t)
	res := e2eutil.Run(t, t.TempDir(), nil, gopls, "version")
	if res.Code != 0 || !strings.HasPrefix(res.Stdout, "golang.org/x/tools/gopls "+goplsVersion+"\n") {
		t.Errorf("gopls version: exit %d, output:\n%s%s\nwant first line %q", res.Code, res.Stdout, res.Stderr,
			"golang.org/x/tools/gopls "+goplsVersion)
	}
	res = e2eutil.Run(t, t.TempDir(), nil, "go", "version", "-m", gopls)
	var tools, sp string
	for _, line := range strings.Split(res.Stdout, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "dep" && f[1] == "golang.org/x/tools" {
			tools = f[2]
		}
		if len(f) >= 2 && f[0] == "dep" && f[1] == "github.com/singlepool/singlepool" {
			sp = f[1]
		}
	}
	if tools != xtoolsVersion {
		t.Errorf("gopls is built with golang.org/x/tools %q, want gopls v0.23.0's %s", tools, xtoolsVersion)
	}
	if sp == "" {
		t.Errorf("go version -m shows no github.com/singlepool/singlepool dependency:\n%s", res.Stdout)
	}

	if os.Getenv("SINGLEPOOL_GOPLS") != "" {
		return // not built by the script
	}
	// A second run finds the binary up to date.
	root := e2eutil.RepoRoot(t)
	start := time.Now()
	res = e2eutil.Run(t, root, []string{"OUT=" + gopls}, "bash", filepath.Join(root, "scripts", "build-gopls.sh"))
	if res.Code != 0 || !strings.Contains(res.Stderr, "is up to date") {
		t.Errorf("second build: exit %d, want \"is up to date\":\n%s", res.Code, res.Stderr)
	}
	t.Logf("up-to-date check took %v", time.Since(start).Round(time.Millisecond))
}

// TestDiagnosticsAndFixes opens the handler that creates its own pool and
// the package that owns the shared one.
func TestDiagnosticsAndFixes(t *testing.T) {
	gopls := buildGopls(t)
	s := startSession(t, gopls, newApp(t), t.TempDir())
	handler := s.read(handlerFile)
	uri := s.uri(handlerFile)
	if s.c.serverVersion != goplsVersion {
		t.Errorf("initialize: serverInfo.version is %q, want %q", s.c.serverVersion, goplsVersion)
	}

	// (a) The diagnostic.
	start := time.Now()
	diags := singlepoolDiagnostics(s.open(handlerFile))
	t.Logf("singlepool diagnostics %v after opening %s:%s", time.Since(start).Round(time.Millisecond), handlerFile, describe(diags))
	if len(diags) != 1 {
		t.Fatalf("got %d singlepool diagnostics for %s, want 1:%s", len(diags), handlerFile, describe(diags))
	}
	d := diags[0]
	if d.Range != wantRange {
		t.Errorf("range = %v, want %v", d.Range, wantRange)
	}
	if text, err := textAt(handler, d.Range); err != nil || text != "New" {
		t.Errorf("the diagnostic's range covers %q (%v), want \"New\"", text, err)
	}
	if d.Message != wantMessage {
		t.Errorf("message = %q\nwant      %q", d.Message, wantMessage)
	}
	if d.Severity != 2 {
		t.Errorf("severity = %d, want 2 (Warning)", d.Severity)
	}
	if d.Code != "new-pool" {
		t.Errorf("code = %q, want new-pool", d.Code)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != singlepool.URL+"#new-pool" {
		t.Errorf("codeDescription = %+v, want href %s#new-pool", d.CodeDescription, singlepool.URL)
	}

	// (b) The quick fix on the diagnostic's range.
	want := golden(t, "handler.go.golden")
	actions, err := s.c.codeActions(s.ctx, uri, d.Range, []Diagnostic{d}, "quickfix")
	if err != nil {
		t.Fatal(err)
	}
	fixed := s.applyAction(uri, handler, findAction(t, actions, "quickfix", wantTitle))
	if *update {
		writeGolden(t, "handler.go.golden", fixed)
		want = fixed
	}
	if fixed != want {
		t.Errorf("the quick fix gives:\n%s\nwant (testdata/handler.go.golden):\n%s", fixed, want)
	}
	if f, err := format.Source([]byte(fixed)); err != nil || string(f) != fixed {
		t.Logf("note: the fixed file is not gofmt-formatted (%v)", err)
	}
	checkBuilds(t, s.dir, handlerFile, fixed)

	// The same edit from source.fixAll, as requested for the whole file by
	// "editor.codeActionsOnSave" with the file's diagnostics.
	all := s.diagnostics(handlerFile)
	actions, err = s.c.codeActions(s.ctx, uri, wholeFile(handler), all, "source.fixAll")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.applyAction(uri, handler, findAction(t, actions, "source.fixAll", wantTitle)); got != fixed {
		t.Errorf("source.fixAll gives:\n%s\nwant the quick fix's result:\n%s", got, fixed)
	}

	// (c) The package that owns the shared pool calls pgxpool.New too, and
	// declares the accessor: no singlepool diagnostic (not even about the
	// accessor's shape).
	if diags := singlepoolDiagnostics(s.open(dbFile)); len(diags) != 0 {
		t.Errorf("singlepool diagnostics in the allowlisted %s:%s", dbFile, describe(diags))
	}

	// (d) A //nolint:singlepool directive on the line, as under every
	// other driver, accepts the finding: the analyzer applies it.
	const line = "\tpool, err := pgxpool.New(ctx, dsn)\n"
	if !strings.Contains(handler, line) {
		t.Fatalf("%s lacks %q", handlerFile, line)
	}
	mark := s.c.progressMark()
	accepted := strings.Replace(handler, line, strings.TrimSuffix(line, "\n")+" //nolint:singlepool // the report database, on purpose\n", 1)
	if err := s.c.didChange(uri, 2, accepted); err != nil {
		t.Fatal(err)
	}
	s.waitWork(mark, "diagnosing changed files")
	if diags := singlepoolDiagnostics(s.diagnostics(handlerFile)); len(diags) != 0 {
		t.Errorf("after //nolint:singlepool on the line, singlepool still reports:%s", describe(diags))
	}
}

// findAction returns the code action of the kind and title.
func findAction(t *testing.T, actions []CodeAction, kind, title string) CodeAction {
	t.Helper()
	var seen []string
	for _, a := range actions {
		if a.Kind == kind && a.Title == title {
			return a
		}
		seen = append(seen, fmt.Sprintf("%s %q", a.Kind, a.Title))
	}
	t.Fatalf("no %s code action %q among %d: %s", kind, title, len(actions), strings.Join(seen, ", "))
	return CodeAction{}
}

// applyAction applies the action's edit (resolving it first if gopls
// deferred it) to text, the content of uri.
func (s *session) applyAction(uri, text string, a CodeAction) string {
	s.t.Helper()
	if a.Edit == nil && len(a.Data) > 0 {
		var resolved CodeAction
		if err := s.c.call(s.ctx, "codeAction/resolve", a, &resolved); err != nil {
			s.t.Fatal(err)
		}
		a = resolved
	}
	if a.Edit == nil {
		s.t.Fatalf("code action %q has no edit (command %s)", a.Title, a.Command)
	}
	edits, err := a.Edit.EditsFor(uri)
	if err != nil {
		s.t.Fatalf("code action %q: %v", a.Title, err)
	}
	out, err := applyEdits(text, edits)
	if err != nil {
		s.t.Fatalf("applying the edits of %q: %v", a.Title, err)
	}
	return out
}

func wholeFile(text string) Range {
	lines := strings.Split(text, "\n")
	last := lines[len(lines)-1]
	return Range{End: Position{Line: len(lines) - 1, Character: len(last)}}
}

func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil && !*update {
		t.Fatal(err)
	}
	return string(b)
}

func writeGolden(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join("testdata", name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote testdata/%s", name)
}

// checkBuilds checks that the module in dir, with rel replaced by text,
// builds and passes go vet (in a copy; gopls keeps the original).
func checkBuilds(t *testing.T, dir, rel, text string) {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "app")
	e2eutil.CopyDir(t, dir, cp)
	if err := os.WriteFile(filepath.Join(cp, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := e2eutil.Run(t, cp, []string{"GOFLAGS=-mod=readonly", "GOPROXY=off"}, "go", "vet", "./..."); res.Code != 0 {
		t.Errorf("the fixed module does not pass go vet:\n%s%s", res.Stdout, res.Stderr)
	}
}

// configAllowingHandler is .singlepool.yml with the handler package added
// to allow.
const configAllowingHandler = `# singlepool settings for gopls (and any driver that reads this file).
allow:
  - example.com/app/internal/db
  - example.com/app/internal/handler
singleton:
  - github.com/jackc/pgx/v5/pgxpool.New=example.com/app/internal/db.Pool
`

// TestConfigChange changes .singlepool.yml while gopls runs (allowing the
// handler's package) and tells gopls in the ways an editor can: the
// diagnostic must go away. Then it restarts gopls with the same analysis
// cache, as "restart language server" does.
//
// Two caches stand between a settings file and a fresh diagnostic:
//   - gopls caches analysis results, in memory and on disk (GOPLSCACHE),
//     under a key made of the package's Go files and its dependencies'
//     results. scripts/build-gopls.sh adds the .singlepool.yml files above
//     the package to that key (settings.AnalysisCacheSalt).
//   - the analyzer runs inside the long-lived gopls process: if it keeps a
//     settings file it has read (or the compiled settings, or which file
//     applies to a directory) for the life of the process, gopls re-runs
//     it and gets the old settings, and then caches that stale result under
//     the new key, on disk too (written asynchronously, so whether it
//     survives to the restart is a race), so that a restart may show it.
func TestConfigChange(t *testing.T) {
	gopls := buildGopls(t)
	dir := newApp(t)
	cache := t.TempDir()
	s := startSession(t, gopls, dir, cache)
	uri := s.uri(handlerFile)
	handler := s.read(handlerFile)
	if diags := singlepoolDiagnostics(s.open(handlerFile)); len(diags) != 1 {
		t.Fatalf("before the change: got %d singlepool diagnostics, want 1:%s", len(diags), describe(diags))
	}

	// Editors report changes only to files the server watches: gopls
	// watches Go and go.mod files, and the build adds .singlepool.yml (as a
	// default "workspaceFiles" glob).
	wctx, cancel := context.WithTimeout(s.ctx, time.Minute) // gopls registers them after "initialized"
	defer cancel()
	if err := s.c.waitFor(wctx, "a file watcher for "+singlepool.ConfigFileName, func() bool {
		for _, w := range s.c.watchers {
			if strings.Contains(string(w), "**/"+singlepool.ConfigFileName) {
				return true
			}
		}
		return false
	}); err != nil {
		t.Errorf("gopls did not ask the editor to watch **/%s: %v; registered: %s", singlepool.ConfigFileName, err, s.c.watchers)
	}

	s.write(singlepool.ConfigFileName, configAllowingHandler)

	t.Run("didChangeWatchedFiles", func(t *testing.T) {
		// What an editor sends when gopls watches the file (VS Code does
		// for "workspaceFiles" globs).
		mark := s.c.progressMark()
		if err := s.c.didChangeWatchedFile(s.uri(singlepool.ConfigFileName), fileChanged); err != nil {
			t.Fatal(err)
		}
		s.waitWork(mark, "diagnosing files changed on disk")
		if diags := singlepoolDiagnostics(s.diagnostics(handlerFile)); len(diags) != 0 {
			t.Errorf("after .singlepool.yml allowed the handler's package and gopls was notified "+
				"(workspace/didChangeWatchedFiles), singlepool still reports:%s", describe(diags))
		}
	})

	t.Run("reopen", func(t *testing.T) {
		mark := s.c.progressMark()
		if err := s.c.didClose(uri); err != nil {
			t.Fatal(err)
		}
		s.waitWork(mark, "diagnosing close files")
		if diags := singlepoolDiagnostics(s.open(handlerFile)); len(diags) != 0 {
			t.Errorf("after .singlepool.yml allowed the handler's package and the file was closed and "+
				"reopened, singlepool still reports:%s", describe(diags))
		}
	})

	t.Run("didChange", func(t *testing.T) {
		// An edit of the Go file changes the package's content, so gopls
		// analyzes it again.
		mark := s.c.progressMark()
		if err := s.c.didChange(uri, 2, handler+"\n// edited\n"); err != nil {
			t.Fatal(err)
		}
		s.waitWork(mark, "diagnosing changed files")
		if diags := singlepoolDiagnostics(s.diagnostics(handlerFile)); len(diags) != 0 {
			t.Errorf("after .singlepool.yml allowed the handler's package and the Go file was edited, "+
				"singlepool still reports:%s", describe(diags))
		}
	})

	t.Run("restart", func(t *testing.T) {
		// A new gopls process (a new analyzer, which reads the file
		// afresh) with the same persistent analysis cache, which the
		// subtests above filled with results for the new settings.
		s.c.close()
		s2 := startSession(t, gopls, dir, cache)
		if diags := singlepoolDiagnostics(s2.open(handlerFile)); len(diags) != 0 {
			t.Errorf("after .singlepool.yml allowed the handler's package and gopls was restarted "+
				"(same GOPLSCACHE), singlepool still reports:%s", describe(diags))
		}
	})
}

// TestConfigChangeRestart changes .singlepool.yml while gopls is not
// running, then starts it again with the same analysis cache (GOPLSCACHE,
// which persists across restarts and is keyed by content): the result
// cached for the old settings must not be used.
func TestConfigChangeRestart(t *testing.T) {
	gopls := buildGopls(t)
	dir := newApp(t)
	cache := t.TempDir()
	s := startSession(t, gopls, dir, cache)
	if diags := singlepoolDiagnostics(s.open(handlerFile)); len(diags) != 1 {
		t.Fatalf("before the change: got %d singlepool diagnostics, want 1:%s", len(diags), describe(diags))
	}
	s.c.close()

	s.write(singlepool.ConfigFileName, configAllowingHandler)
	s2 := startSession(t, gopls, dir, cache)
	if diags := singlepoolDiagnostics(s2.open(handlerFile)); len(diags) != 0 {
		t.Errorf("after .singlepool.yml allowed the handler's package while gopls was stopped, "+
			"a new gopls with the same GOPLSCACHE still reports:%s", describe(diags))
	}
}
