package server_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestProxy speaks LSP to `singlepool lsp -gopls=<stock gopls>`, the one
// server an editor such as eglot runs for Go: gopls' answers come through
// (hover, its own code action kinds and diagnostics), singlepool's
// diagnostics are merged into gopls' for the same file, its quick fix is
// among the code actions, and after the fix only gopls' diagnostics stay.
func TestProxy(t *testing.T) {
	gopls := stockGopls(t)
	dir := t.TempDir()
	e2eutil.CopyDir(t, "testdata/app", dir)
	name := filepath.Join(dir, "users", "users.go")
	file := uri.File(name)

	c := start(t, dir, "-gopls="+gopls)
	ctx := context.Background()
	yes := true
	init, err := c.server.Initialize(ctx, &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(dir), Name: "app"}})},
		Capabilities: protocol.ClientCapabilities{
			Workspace: &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}},
			// Code action literals: gopls then lists its kinds, not true.
			TextDocument: &protocol.TextDocumentClientCapabilities{CodeAction: &protocol.CodeActionClientCapabilities{
				CodeActionLiteralSupport: protocol.ClientCodeActionLiteralOptions{CodeActionKind: protocol.ClientCodeActionKindOptions{
					ValueSet: []protocol.CodeActionKind{"quickfix", "refactor", "source"},
				}},
			}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if init.ServerInfo.Name != "gopls" {
		t.Errorf("serverInfo: %q, want gopls' own", init.ServerInfo.Name)
	}
	kinds := codeActionKinds(t, init.Capabilities)
	for _, want := range []string{"quickfix", "source.fixAll.singlepool", "source.organizeImports"} {
		if !strings.Contains(kinds, want) {
			t.Errorf("codeActionProvider kinds %s lack %s (gopls' and singlepool's merged)", kinds, want)
		}
	}
	if err := c.server.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	watching := time.After(30 * time.Second)
	for found := false; !found; {
		select {
		case reg := <-c.regs:
			for _, r := range reg.Registrations {
				found = found || r.ID == "singlepool-watch"
			}
		case <-watching:
			t.Fatal("singlepool's registration of file watchers did not reach the editor within 30 s")
		}
	}

	if err := c.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: file, LanguageID: "go", Version: 1, Text: nvimEdited}}); err != nil {
		t.Fatal(err)
	}
	ours, theirs := c.until(file, "singlepool's and gopls'", func(ours, theirs []protocol.Diagnostic) bool { return len(ours) > 0 && len(theirs) > 0 })
	if len(ours) != 1 || ours[0].Range.Start.Line != 13 || !strings.Contains(message(ours[0]), "pgxpool.New creates a new connection pool") {
		t.Errorf("singlepool's diagnostics: %v, want one at line 13 (pgxpool.New)", ours)
	}
	if !hasMessage(theirs, "fmt.Sprintf format %s has arg n of wrong type int") {
		t.Errorf("gopls' diagnostics: %v, want its printf finding", theirs)
	}

	hover, err := c.server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: file}, Position: position(nvimEdited, "Sprintf")}})
	hb, _ := protocol.Marshal(hover)
	if err != nil || hover == nil || !strings.Contains(string(hb), "Sprintf formats") {
		t.Errorf("hover on Sprintf through the proxy: %+v, %v; want gopls' documentation", hover, err)
	}

	actions, err := c.server.CodeAction(ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: file},
		Range:        ours[0].Range,
		Context:      protocol.CodeActionContext{Diagnostics: ours},
	})
	if err != nil {
		t.Fatal(err)
	}
	var fix *protocol.CodeAction
	var others []string
	for _, a := range actions {
		a, ok := a.(*protocol.CodeAction)
		if !ok {
			continue
		}
		if a.IsPreferred != nil && *a.IsPreferred && a.Kind != nil && *a.Kind == protocol.CodeActionKindQuickFix {
			fix = a
		} else if a.Kind != nil && !strings.Contains(string(*a.Kind), "singlepool") && !strings.Contains(a.Title, "singlepool") {
			others = append(others, string(*a.Kind)+": "+a.Title)
		}
	}
	if fix == nil {
		t.Fatalf("code actions: no preferred quick fix from singlepool among %d: %v", len(actions), actions)
	}
	t.Logf("gopls' code actions beside singlepool's: %v", others)
	if len(others) == 0 {
		t.Errorf("code actions: none of gopls' own on pgxpool.New's range; the answer was not merged")
	}
	fixed := apply(t, nvimEdited, fix.Edit.Changes[file])
	if err := os.WriteFile(name, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.change(file, 2, fixed)
	ours, theirs = c.until(file, "gopls' alone", func(ours, theirs []protocol.Diagnostic) bool { return len(ours) == 0 && len(theirs) > 0 })
	if !hasMessage(theirs, "fmt.Sprintf format %s has arg n of wrong type int") || len(ours) != 0 {
		t.Errorf("after the fix: singlepool %v, gopls %v; want none of singlepool's and gopls' printf finding", ours, theirs)
	}
}

// until waits for diagnostics of file that satisfy ok, split into
// singlepool's and the others (gopls').
func (c *client) until(file uri.URI, want string, ok func(ours, theirs []protocol.Diagnostic) bool) (ours, theirs []protocol.Diagnostic) {
	c.t.Helper()
	split := func(diags []protocol.Diagnostic) (ours, theirs []protocol.Diagnostic) {
		for _, d := range diags {
			if src, _ := d.Source.Get(); src == "singlepool" {
				ours = append(ours, d)
			} else {
				theirs = append(theirs, d)
			}
		}
		return ours, theirs
	}
	return split(c.await(file, want, func(p *protocol.PublishDiagnosticsParams) bool { return ok(split(p.Diagnostics)) }))
}

func hasMessage(diags []protocol.Diagnostic, msg string) bool {
	for _, d := range diags {
		if strings.Contains(message(d), msg) {
			return true
		}
	}
	return false
}

// message is d's message as plain text.
func message(d protocol.Diagnostic) string {
	s, _ := d.Message.(protocol.String)
	return string(s)
}

// position is where word first appears in text (ASCII).
func position(text, word string) protocol.Position {
	i := strings.Index(text, word)
	line := strings.Count(text[:i], "\n")
	return protocol.Position{Line: uint32(line), Character: uint32(i - strings.LastIndex(text[:i], "\n") - 1)}
}

func codeActionKinds(t *testing.T, caps protocol.ServerCapabilities) string {
	t.Helper()
	b, err := protocol.Marshal(caps.CodeActionProvider)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGoplsWrapper: a script named gopls that runs `singlepool lsp
// -gopls=<stock gopls> -- "$@"` (VS Code's go.alternateTools, see
// docs/editors.md) answers gopls' version commands as gopls does, which
// the Go extension reads on every start, and serves LSP with gopls'
// flags (-mode=stdio, which older versions of the extension pass).
func TestGoplsWrapper(t *testing.T) {
	gopls := stockGopls(t)
	wrapper := filepath.Join(t.TempDir(), "gopls")
	script := "#!/bin/sh\nexec " + buildSinglepool(t) + " lsp -gopls=" + gopls + " -- \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(wrapper, "version", "-json").Output()
	var v struct {
		Main struct{ Path, Version string }
	}
	if err != nil || json.Unmarshal(out, &v) != nil || v.Main.Version != "v0.23.0" {
		t.Errorf("gopls version -json through the wrapper: %v\n%s\nwant gopls' JSON with Main.Version v0.23.0", err, out)
	}
	out, err = exec.Command(wrapper, "version").Output()
	direct, derr := exec.Command(gopls, "version").Output()
	if err != nil || derr != nil || string(out) != string(direct) || !strings.HasPrefix(string(out), "golang.org/x/tools/gopls v0.23.0") {
		t.Errorf("gopls version through the wrapper: %v\n%s\nwant gopls' own output (%v):\n%s", err, out, derr, direct)
	}
	if err := exec.Command(wrapper, "no-such-command").Run(); err == nil {
		t.Error("an unknown gopls command through the wrapper: exit 0, want gopls' failure")
	}

	dir := t.TempDir()
	e2eutil.CopyDir(t, "testdata/app", dir)
	file := uri.File(filepath.Join(dir, "users", "users.go"))
	c := start(t, dir, "-gopls="+gopls, "--", "-mode=stdio")
	ctx := context.Background()
	if _, err := c.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
		t.Fatal(err)
	}
	if err := c.server.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	if err := c.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: file, LanguageID: "go", Version: 1, Text: nvimEdited}}); err != nil {
		t.Fatal(err)
	}
	c.until(file, "singlepool's and gopls'", func(ours, theirs []protocol.Diagnostic) bool { return len(ours) > 0 && len(theirs) > 0 })
}
