// Package server is singlepool's language server: it runs beside the
// user's own gopls, analyzes the package of each open Go file with the
// editor's unsaved text, publishes singlepool's findings as diagnostics
// and offers their suggested fixes as code actions.
package server

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/singlepool/singlepool/internal/driver"
	"github.com/singlepool/singlepool/passes/singlepool"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
)

// Debounce is how long the server waits after an edit before analyzing:
// typing should not start an analysis per keystroke.
const Debounce = 300 * time.Millisecond

// Server is the language server's state. Its handlers run one at a time,
// in the order the messages arrive; analyses run on a goroutine of their
// own (see analyzeLoop) and publish when done.
type Server struct {
	protocol.UnimplementedServer

	client   Client
	analyzer *analysis.Analyzer
	editor   driver.Editor // keeps each package's graph between edits
	logf     func(format string, args ...any)

	mu       sync.Mutex
	docs     map[string]*document              // open files, by absolute name
	findings map[string][]driver.EditorFinding // the latest analysis', by file
	timers   map[string]*time.Timer            // pending analyses, by directory
	pending  chan string                       // directories to analyze
	shutdown bool
	watch    bool // the client registers file watchers on request
	exit     func(code int)
}

type document struct {
	uri     uri.URI
	version int32
	text    string
}

// Client is what the server asks of the editor: a protocol.Client, or the
// proxy in front of the user's gopls (see Proxy).
type Client interface {
	PublishDiagnostics(context.Context, *protocol.PublishDiagnosticsParams) error
	RegisterCapability(context.Context, *protocol.RegistrationParams) error
}

// New returns a server that analyzes with a (its flags already set) and
// talks to client.
func New(a *analysis.Analyzer, client Client, exit func(code int)) *Server {
	s := &Server{
		client:   client,
		analyzer: a,
		logf:     log.New(os.Stderr, "singlepool lsp: ", 0).Printf,
		docs:     make(map[string]*document),
		findings: make(map[string][]driver.EditorFinding),
		timers:   make(map[string]*time.Timer),
		pending:  make(chan string, 64),
		exit:     exit,
	}
	go s.analyzeLoop()
	return s
}

// Initialize states what the server does: full text sync (Go files are
// small; the overlay needs the whole text anyway) and code actions.
func (s *Server) Initialize(_ context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	if err := s.applyOptions(p.InitializationOptions); err != nil {
		return nil, err
	}
	s.noteClient(p.Capabilities)
	yes := true
	full := protocol.TextDocumentSyncKindFull
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &full, Save: protocol.Boolean(true)},
			CodeActionProvider: &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{
				protocol.CodeActionKindQuickFix, fixAllKind,
			}},
		},
		ServerInfo: protocol.ServerInfo{Name: "singlepool"},
	}, nil
}

// noteClient records what the client can do.
func (s *Server) noteClient(c protocol.ClientCapabilities) {
	if w := c.Workspace; w != nil && w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
		s.watch = *w.DidChangeWatchedFiles.DynamicRegistration
	}
}

// Initialized asks the client to report changes of settings files and Go
// files on disk (a saved dependency changes what its importers see).
func (s *Server) Initialized(context.Context, *protocol.InitializedParams) error {
	if !s.watch {
		return nil
	}
	opts, err := protocol.Marshal(protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
		{GlobPattern: protocol.Pattern("**/" + singlepool.ConfigFileName)},
		{GlobPattern: protocol.Pattern("**/*.go")},
	}})
	if err != nil {
		return err
	}
	// A request of the server's own: not inside this handler, which the
	// connection runs in order with the client's messages.
	go func() {
		err := s.client.RegisterCapability(context.Background(), &protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "singlepool-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: opts,
		}}})
		if err != nil {
			s.logf("registering file watchers: %v", err)
		}
	}()
	return nil
}

// DidOpen analyzes the file's package now.
func (s *Server) DidOpen(_ context.Context, p *protocol.DidOpenTextDocumentParams) error {
	name, ok := goFile(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	s.docs[name] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.mu.Unlock()
	s.schedule(filepath.Dir(name), 0)
	return nil
}

// DidChange records the unsaved text and analyzes after Debounce.
func (s *Server) DidChange(_ context.Context, p *protocol.DidChangeTextDocumentParams) error {
	name, ok := goFile(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	d := s.docs[name]
	if d == nil {
		d = &document{uri: p.TextDocument.URI}
		s.docs[name] = d
	}
	d.version = p.TextDocument.Version
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			d.text = c.Text
		case *protocol.TextDocumentContentChangePartial:
			d.text = d.text[:offset(d.text, c.Range.Start)] + c.Text + d.text[offset(d.text, c.Range.End):]
		}
	}
	s.mu.Unlock()
	s.schedule(filepath.Dir(name), Debounce)
	return nil
}

// DidSave analyzes now: importers read from export data see the saved file.
func (s *Server) DidSave(_ context.Context, p *protocol.DidSaveTextDocumentParams) error {
	if name, ok := goFile(p.TextDocument.URI); ok {
		s.schedule(filepath.Dir(name), 0)
	}
	return nil
}

// DidClose forgets the file and clears its diagnostics.
func (s *Server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	name, ok := goFile(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	delete(s.docs, name)
	delete(s.findings, name)
	s.mu.Unlock()
	return s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
}

// DidChangeWatchedFiles re-analyzes every open package when a settings
// file or a Go file changes on disk (the analyzer reads .singlepool.yml
// afresh on each run).
func (s *Server) DidChangeWatchedFiles(context.Context, *protocol.DidChangeWatchedFilesParams) error {
	s.mu.Lock()
	dirs := make(map[string]bool)
	for name := range s.docs {
		dirs[filepath.Dir(name)] = true
	}
	s.mu.Unlock()
	for dir := range dirs {
		s.schedule(dir, 0)
	}
	return nil
}

// Shutdown is acknowledged; Exit ends the process.
func (s *Server) Shutdown(context.Context) error {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()
	return nil
}

// Exit ends the process: 0 after shutdown, 1 otherwise (LSP's rule).
func (s *Server) Exit(context.Context) error {
	s.mu.Lock()
	clean := s.shutdown
	s.mu.Unlock()
	if clean {
		s.exit(0)
	} else {
		s.exit(1)
	}
	return nil
}

// schedule analyzes dir after delay, replacing an analysis of dir not yet
// started.
func (s *Server) schedule(dir string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.timers[dir]; t != nil {
		t.Stop()
	}
	s.timers[dir] = time.AfterFunc(delay, func() { s.pending <- dir })
}

// analyzeLoop runs the analyses one at a time: each loads and type-checks
// a package and its dependencies' facts, and two at once would only share
// the same cores.
func (s *Server) analyzeLoop() {
	for dir := range s.pending {
		s.analyze(dir)
	}
}

// analyze analyzes dir with every open file's text and publishes the
// findings of dir's open files (none clears them).
func (s *Server) analyze(dir string) {
	s.mu.Lock()
	overlay := make(map[string][]byte)
	versions := make(map[string]int32)
	for name, d := range s.docs {
		overlay[name] = []byte(d.text)
		versions[name] = d.version
	}
	s.mu.Unlock()
	found, err := s.editor.AnalyzeDir(s.analyzer, dir, overlay)
	if err != nil {
		var le *driver.LoadError
		if !errors.As(err, &le) {
			s.logf("%s: %v", dir, err)
		}
		// The user's gopls reports code that does not type-check; stale
		// findings would point at the wrong places.
		found = nil
	}
	byFile := make(map[string][]driver.EditorFinding)
	for _, f := range found {
		byFile[f.File] = append(byFile[f.File], f)
	}
	s.mu.Lock()
	var publish []*protocol.PublishDiagnosticsParams
	for name, d := range s.docs {
		if filepath.Dir(name) != dir {
			continue
		}
		if d.version != versions[name] {
			continue // edited since: the next analysis publishes
		}
		s.findings[name] = byFile[name]
		publish = append(publish, &protocol.PublishDiagnosticsParams{
			URI:         d.uri,
			Version:     protocol.NewOptional(d.version),
			Diagnostics: diagnostics(d.text, byFile[name]),
		})
	}
	s.mu.Unlock()
	for _, p := range publish {
		if err := s.client.PublishDiagnostics(context.Background(), p); err != nil {
			s.logf("publishing %s: %v", p.URI, err)
		}
	}
}

// diagnostics converts findings to LSP diagnostics: source singlepool,
// the rule as code and its documentation as codeDescription.
func diagnostics(text string, found []driver.EditorFinding) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	for _, f := range found {
		d := protocol.Diagnostic{
			Range:    lspRange(text, f.Start, f.End),
			Severity: protocol.DiagnosticSeverityWarning,
			Source:   protocol.NewOptional("singlepool"),
			Message:  protocol.String(f.Message),
		}
		if f.Category != "" {
			d.Code = protocol.String(f.Category)
		}
		if href, err := uri.Parse(f.URL); f.URL != "" && err == nil {
			d.CodeDescription = protocol.CodeDescription{Href: href}
		}
		out = append(out, d)
	}
	return out
}

// goFile returns the file name of a file: URI of a Go file.
func goFile(u uri.URI) (string, bool) {
	if !u.IsFile() {
		return "", false
	}
	name := u.FsPath()
	return name, strings.HasSuffix(name, ".go")
}
