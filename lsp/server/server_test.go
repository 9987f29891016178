package server_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error { p.WriteCloser.Close(); return p.ReadCloser.Close() }

type codec struct{}

func (codec) Marshal(v any) ([]byte, error)   { return protocol.Marshal(v) }
func (codec) Unmarshal(b []byte, v any) error { return protocol.Unmarshal(b, v) }

// client is the editor's side: it starts the real singlepool-lsp binary
// and collects the diagnostics it publishes.
type client struct {
	t      *testing.T
	server protocol.Server
	diags  chan *protocol.PublishDiagnosticsParams
	regs   chan *protocol.RegistrationParams
}

// buildSinglepool builds singlepool and singlepool-lsp side by side, as
// make build puts them (the editor runs `singlepool lsp`), and returns
// singlepool's path.
func buildSinglepool(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	for _, pkg := range []string{"github.com/singlepool/singlepool/cmd/singlepool", "../cmd/singlepool-lsp"} {
		if out, err := exec.Command("go", "build", "-o", bin+"/", pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return filepath.Join(bin, "singlepool")
}

// start runs `singlepool lsp` with args in dir and speaks LSP to it.
func start(t *testing.T, dir string, args ...string) *client {
	t.Helper()
	cmd := exec.Command(buildSinglepool(t), append([]string{"lsp"}, args...)...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(pipes{out, in}), jsonrpc2.WithCodec(codec{}))
	c := &client{t: t, server: protocol.ServerDispatcher(conn), diags: make(chan *protocol.PublishDiagnosticsParams, 16), regs: make(chan *protocol.RegistrationParams, 16)}
	conn.Go(context.Background(), func(_ context.Context, r *jsonrpc2.Request) (any, error) {
		if r.Method() == protocol.MethodTextDocumentPublishDiagnostics {
			var p protocol.PublishDiagnosticsParams
			if err := protocol.Unmarshal(r.Params(), &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.diags <- &p
		}
		if r.Method() == protocol.MethodClientRegisterCapability {
			var p protocol.RegistrationParams
			if err := protocol.Unmarshal(r.Params(), &p); err != nil {
				t.Errorf("registerCapability: %v", err)
			}
			c.regs <- &p
		}
		return nil, nil
	})
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := c.server.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		_ = c.server.Exit(ctx)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("singlepool-lsp after shutdown and exit: %v, want exit 0", err)
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("singlepool-lsp did not exit after shutdown and exit")
		}
	})
	return c
}

// next waits for the diagnostics of file at version or later.
func (c *client) next(file uri.URI, version int32) []protocol.Diagnostic {
	c.t.Helper()
	return c.await(file, fmt.Sprintf("version %d or later", version), func(p *protocol.PublishDiagnosticsParams) bool {
		v, ok := p.Version.Get()
		return !ok || v >= version
	})
}

// await waits up to 2 minutes for diagnostics of file that accept takes
// (want says which, for the failure).
func (c *client) await(file uri.URI, want string, accept func(*protocol.PublishDiagnosticsParams) bool) []protocol.Diagnostic {
	c.t.Helper()
	timeout := time.After(2 * time.Minute)
	var last []protocol.Diagnostic
	for {
		select {
		case p := <-c.diags:
			if p.URI != file {
				continue
			}
			if last = p.Diagnostics; accept(p) {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics of %s with %s within 2 minutes; the last were %v", file, want, last)
		}
	}
}

// change sends file's whole unsaved text at version.
func (c *client) change(file uri.URI, version int32, text string) {
	c.t.Helper()
	if err := c.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: file}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangeWholeDocument{Text: text}},
	}); err != nil {
		c.t.Fatal(err)
	}
}

const edited = `// Package users reads users.
package users

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Ping checks the database.
func Ping(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}
`

// TestEditor speaks LSP to singlepool-lsp as an editor does: an unsaved
// edit that adds a pgxpool.New is reported, its quick fix gives code that
// builds and uses the shared pool, and a .singlepool.yml change is
// honored.
func TestEditor(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the go command is needed")
	}
	dir := t.TempDir()
	e2eutil.CopyDir(t, "testdata/app", dir)
	name := filepath.Join(dir, "users", "users.go")
	file := uri.File(name)
	saved, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}

	c := start(t, dir)
	ctx := context.Background()
	yes := true
	if _, err := c.server.Initialize(ctx, &protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		Workspace: &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}},
	}}); err != nil {
		t.Fatal(err)
	}
	if err := c.server.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	// The client is asked to watch the settings files.
	select {
	case reg := <-c.regs:
		if len(reg.Registrations) != 1 || reg.Registrations[0].Method != protocol.MethodWorkspaceDidChangeWatchedFiles ||
			!strings.Contains(string(reg.Registrations[0].RegisterOptions), `"**/.singlepool.yml"`) {
			t.Errorf("registerCapability: %+v, want workspace/didChangeWatchedFiles for **/.singlepool.yml", reg)
		}
	case <-time.After(30 * time.Second):
		t.Error("no client/registerCapability for the settings files within 30 s")
	}
	if err := c.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: file, LanguageID: "go", Version: 1, Text: string(saved)}}); err != nil {
		t.Fatal(err)
	}
	if d := c.next(file, 1); len(d) != 0 {
		t.Fatalf("the saved file uses the shared pool; got diagnostics %v", d)
	}

	// Unsaved: the file on disk does not change.
	c.change(file, 2, edited)
	diags := c.next(file, 2)
	if len(diags) != 1 {
		t.Fatalf("after the unsaved edit: %d diagnostics, want 1: %v", len(diags), diags)
	}
	d := diags[0]
	if src, _ := d.Source.Get(); src != "singlepool" || d.Range.Start.Line != 12 || d.Range.Start.Character != 22 {
		t.Errorf("diagnostic: source %q at %d:%d, want singlepool at 12:22 (New of pgxpool.New)", src, d.Range.Start.Line, d.Range.Start.Character)
	}
	if d.Code != protocol.String("new-pool") || !strings.Contains(d.CodeDescription.Href.String(), "rules.md#new-pool") {
		t.Errorf("diagnostic: code %v, codeDescription %v; want new-pool and its docs", d.Code, d.CodeDescription.Href)
	}

	actions, err := c.server.CodeAction(ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: file},
		Range:        d.Range,
		Context:      protocol.CodeActionContext{Diagnostics: diags},
	})
	if err != nil {
		t.Fatal(err)
	}
	var fix, nolint, fixAll *protocol.CodeAction
	for _, a := range actions {
		a, ok := a.(*protocol.CodeAction)
		if !ok {
			continue
		}
		switch {
		case a.IsPreferred != nil && *a.IsPreferred:
			fix = a
		case strings.Contains(a.Title, "nolint"):
			nolint = a
		case a.Kind != nil && *a.Kind == "source.fixAll.singlepool":
			fixAll = a
		}
	}
	if fix == nil || nolint == nil || fixAll == nil {
		t.Fatalf("code actions: want the fix (preferred), //nolint and source.fixAll.singlepool; got %d: %v", len(actions), actions)
	}
	fixed := apply(t, edited, fix.Edit.Changes[file])
	if !strings.Contains(fixed, "db.Pool(ctx)") || strings.Contains(fixed, "pgxpool.New") {
		t.Errorf("the fixed file does not call the shared pool:\n%s", fixed)
	}
	if got := apply(t, edited, nolint.Edit.Changes[file]); !strings.Contains(got, `os.Getenv("DATABASE_URL")) //nolint:singlepool // reason`) {
		t.Errorf("the //nolint action:\n%s", got)
	}
	if all := apply(t, edited, fixAll.Edit.Changes[file]); all != fixed {
		t.Errorf("source.fixAll.singlepool gives another text than the one fix:\n%s", all)
	}
	if err := os.WriteFile(name, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build after the quick fix: %v\n%s\n%s", err, out, fixed)
	}

	// The edit is reverted in the editor; then .singlepool.yml allows
	// users: the finding goes.
	if err := os.WriteFile(name, saved, 0o644); err != nil {
		t.Fatal(err)
	}
	c.change(file, 3, edited)
	if d := c.next(file, 3); len(d) != 1 {
		t.Fatalf("version 3: %d diagnostics, want 1", len(d))
	}
	cfg := filepath.Join(dir, ".singlepool.yml")
	b, _ := os.ReadFile(cfg)
	allowed := strings.Replace(string(b), "  - example.com/app/internal/db\n", "  - example.com/app/internal/db\n  - example.com/app/users\n", 1)
	if err := os.WriteFile(cfg, []byte(allowed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.server.DidChangeWatchedFiles(ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: uri.File(cfg), Type: protocol.FileChangeTypeChanged}}}); err != nil {
		t.Fatal(err)
	}
	if d := c.next(file, 3); len(d) != 0 {
		t.Errorf("after allowing example.com/app/users in .singlepool.yml: %d diagnostics, want none: %v", len(d), d)
	}

	if err := c.server.DidClose(ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: file}}); err != nil {
		t.Fatal(err)
	}
}

// apply applies LSP text edits (UTF-16 positions; the test's text is
// ASCII) to text.
func apply(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	if len(edits) == 0 {
		t.Fatal("no edits")
	}
	lines := strings.SplitAfter(text, "\n")
	off := func(p protocol.Position) int {
		n := 0
		for i := 0; i < int(p.Line); i++ {
			n += len(lines[i])
		}
		return n + int(p.Character)
	}
	sort.Slice(edits, func(i, j int) bool { return off(edits[i].Range.Start) > off(edits[j].Range.Start) })
	for _, e := range edits {
		text = text[:off(e.Range.Start)] + e.NewText + text[off(e.Range.End):]
	}
	return text
}
