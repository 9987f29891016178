package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
)

// Proxy serves LSP on rw as the user's own gopls, which it starts (cmd,
// its stdin and stdout not yet set) and forwards every message to and
// from unchanged, ids included; singlepool's diagnostics are added to
// gopls' own for each file, and its code actions to gopls' answer. It is
// for editors that run one language server per language (eglot, Zed's
// gopls setting, a client that lets the user replace gopls' command).
// It returns the exit code as Serve does, or 1 when gopls fails.
func Proxy(ctx context.Context, a *analysis.Analyzer, rw io.ReadWriteCloser, cmd *exec.Cmd) int {
	in, err := cmd.StdinPipe()
	if err != nil {
		return proxyFailed(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return proxyFailed(err)
	}
	if err := cmd.Start(); err != nil {
		return proxyFailed(fmt.Errorf("starting gopls (-gopls=%s): %v", cmd.Path, err))
	}
	p := &proxy{
		editor:  jsonrpc2.NewStream(rw),
		gopls:   jsonrpc2.NewStream(pipes{out, in}),
		pending: make(map[jsonrpc2.ID]pendingAnswer),
		theirs:  make(map[string]*published),
		ours:    make(map[string]*published),
	}
	code := 1
	p.s = New(a, p, func(c int) { code = c }) // called by fromEditor, before it returns errExit
	goplsDone := make(chan error, 1)
	go func() { goplsDone <- p.fromGopls(ctx) }()
	editorDone := make(chan error, 1)
	go func() { editorDone <- p.fromEditor(ctx) }()
	select {
	case err := <-editorDone:
		if err == errExit { // gopls was told too
			select {
			case err := <-goplsDone:
				if !errors.Is(err, io.EOF) {
					p.s.logf("gopls after exit: %v", err)
				}
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
			}
			_ = cmd.Wait()
			return code
		}
		p.s.logf("the editor's connection ended: %v", err)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return 1
	case err := <-goplsDone:
		_ = cmd.Wait()
		p.s.logf("gopls stopped: %v (%s)", err, cmd.ProcessState)
		return 1
	}
}

var errExit = errors.New("exit")

func proxyFailed(err error) int {
	fmt.Fprintln(os.Stderr, "singlepool lsp:", err)
	return 1
}

// pipes is a child's stdout and stdin as one stream.
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error { p.WriteCloser.Close(); return p.ReadCloser.Close() }

type proxy struct {
	editor, gopls jsonrpc2.Stream // both safe for concurrent writes
	s             *Server

	mu      sync.Mutex
	pending map[jsonrpc2.ID]pendingAnswer // the editor's requests whose answers get singlepool's part
	theirs  map[string]*published         // gopls' latest diagnostics, by file
	ours    map[string]*published         // singlepool's
	calls   int                           // requests of singlepool's own to the editor
}

type pendingAnswer struct {
	method string
	ours   json.RawMessage // code actions: singlepool's, a JSON array
}

// published is one publishDiagnostics' content.
type published struct {
	uri     string
	version *int32
	diags   []json.RawMessage
}

// ownID marks the ids of singlepool's own requests to the editor: their
// answers are not gopls' to read.
const ownID = "singlepool-"

// fromEditor forwards the editor's messages to gopls, in order, and hands
// the ones singlepool needs to the server first.
func (p *proxy) fromEditor(ctx context.Context) error {
	for {
		msg, _, err := p.editor.Read(ctx)
		if err != nil {
			return err
		}
		switch m := msg.(type) {
		case *jsonrpc2.Response:
			if id, ok := m.ID().StringValue(); ok && strings.HasPrefix(id, ownID) {
				continue
			}
		case *jsonrpc2.Call:
			p.editorCall(ctx, m)
		case *jsonrpc2.Notification:
			if m.Method() == protocol.MethodExit {
				if _, err := p.gopls.Write(ctx, m); err != nil {
					return err
				}
				_ = p.s.Exit(ctx)
				return errExit
			}
			p.editorNotification(ctx, m.Method(), m.Params())
		}
		if _, err := p.gopls.Write(ctx, msg); err != nil {
			return err
		}
	}
}

// editorCall notes what singlepool adds to the answer of a request
// before it goes to gopls.
func (p *proxy) editorCall(ctx context.Context, m *jsonrpc2.Call) {
	switch m.Method() {
	case protocol.MethodInitialize:
		var params protocol.InitializeParams
		if err := protocol.Unmarshal(m.Params(), &params); err == nil {
			p.s.noteClient(params.Capabilities) // initializationOptions are gopls'
		}
		p.expect(m.ID(), m.Method(), nil)
	case protocol.MethodTextDocumentCodeAction:
		var params protocol.CodeActionParams
		if err := protocol.Unmarshal(m.Params(), &params); err != nil {
			return
		}
		actions, _ := p.s.CodeAction(ctx, &params)
		var raw []json.RawMessage
		for _, a := range actions {
			if b, err := protocol.Marshal(a); err == nil {
				raw = append(raw, b)
			}
		}
		b, _ := json.Marshal(raw)
		p.expect(m.ID(), m.Method(), b)
	case protocol.MethodShutdown:
		_ = p.s.Shutdown(ctx)
	}
}

func (p *proxy) expect(id jsonrpc2.ID, method string, ours json.RawMessage) {
	p.mu.Lock()
	p.pending[id] = pendingAnswer{method, ours}
	p.mu.Unlock()
}

// editorNotification hands the document notifications to the server
// (its handlers only record and schedule).
func (p *proxy) editorNotification(ctx context.Context, method string, params jsonrpc2.RawMessage) {
	var err error
	switch method {
	case protocol.MethodInitialized:
		err = p.s.Initialized(ctx, nil)
	case protocol.MethodTextDocumentDidOpen:
		err = decoded(ctx, params, p.s.DidOpen)
	case protocol.MethodTextDocumentDidChange:
		err = decoded(ctx, params, p.s.DidChange)
	case protocol.MethodTextDocumentDidSave:
		err = decoded(ctx, params, p.s.DidSave)
	case protocol.MethodTextDocumentDidClose:
		err = decoded(ctx, params, p.s.DidClose)
	case protocol.MethodWorkspaceDidChangeWatchedFiles:
		err = p.s.DidChangeWatchedFiles(ctx, nil)
	}
	if err != nil {
		p.s.logf("%s: %v", method, err)
	}
}

// decoded calls handle with params decoded.
func decoded[P any](ctx context.Context, params jsonrpc2.RawMessage, handle func(context.Context, *P) error) error {
	var v P
	if err := protocol.Unmarshal(params, &v); err != nil {
		return err
	}
	return handle(ctx, &v)
}

// fromGopls forwards gopls' messages to the editor, merging singlepool's
// part into the answers and diagnostics that have one.
func (p *proxy) fromGopls(ctx context.Context) error {
	for {
		msg, _, err := p.gopls.Read(ctx)
		if err != nil {
			return err
		}
		switch m := msg.(type) {
		case *jsonrpc2.Response:
			if merged, ok := p.mergeAnswer(m); ok {
				msg = merged
			}
		case *jsonrpc2.Notification:
			if m.Method() == protocol.MethodTextDocumentPublishDiagnostics {
				if err := p.goplsDiagnostics(ctx, json.RawMessage(m.Params())); err == nil {
					continue
				}
			}
		}
		if _, err := p.editor.Write(ctx, msg); err != nil {
			return err
		}
	}
}

// mergeAnswer adds singlepool's part to gopls' answer of a request noted
// by editorCall.
func (p *proxy) mergeAnswer(m *jsonrpc2.Response) (*jsonrpc2.Response, bool) {
	p.mu.Lock()
	pa, ok := p.pending[m.ID()]
	delete(p.pending, m.ID())
	p.mu.Unlock()
	if !ok {
		return nil, false
	}
	method, ours := pa.method, pa.ours
	if m.Err() != nil {
		if method == protocol.MethodTextDocumentCodeAction && len(ours) > 0 && string(ours) != "null" {
			return jsonrpc2.NewResponse(m.ID(), jsonrpc2.RawMessage(ours), nil), true // singlepool's actions still hold
		}
		return nil, false
	}
	var result json.RawMessage
	var err error
	switch method {
	case protocol.MethodInitialize:
		result, err = withCodeActionKinds(json.RawMessage(m.Result()))
	case protocol.MethodTextDocumentCodeAction:
		result, err = appendArrays(json.RawMessage(m.Result()), ours)
	}
	if err != nil {
		p.s.logf("merging gopls' answer to %s: %v", method, err)
		return nil, false
	}
	return jsonrpc2.NewResponse(m.ID(), jsonrpc2.RawMessage(result), nil), true
}

// withCodeActionKinds adds singlepool's code action kinds to gopls'
// initialize result.
func withCodeActionKinds(result json.RawMessage) (json.RawMessage, error) {
	var r map[string]json.RawMessage
	if err := json.Unmarshal(result, &r); err != nil {
		return nil, err
	}
	var caps map[string]json.RawMessage
	if err := json.Unmarshal(r["capabilities"], &caps); err != nil {
		return nil, err
	}
	if string(caps["codeActionProvider"]) == "true" {
		return result, nil // every kind already
	}
	provider := make(map[string]json.RawMessage)              // its other fields kept as they are
	_ = json.Unmarshal(caps["codeActionProvider"], &provider) // absent or false: none
	var kinds []string
	if err := json.Unmarshal(provider["codeActionKinds"], &kinds); provider["codeActionKinds"] != nil && err != nil {
		return nil, err
	}
	for _, k := range []string{string(protocol.CodeActionKindQuickFix), string(fixAllKind)} {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	var err error
	if provider["codeActionKinds"], err = json.Marshal(kinds); err != nil {
		return nil, err
	}
	if caps["codeActionProvider"], err = json.Marshal(provider); err != nil {
		return nil, err
	}
	if r["capabilities"], err = json.Marshal(caps); err != nil {
		return nil, err
	}
	return json.Marshal(r)
}

// appendArrays concatenates two JSON arrays (null is empty).
func appendArrays(a, b json.RawMessage) (json.RawMessage, error) {
	var x, y []json.RawMessage
	if err := json.Unmarshal(a, &x); err != nil {
		return nil, err
	}
	if len(b) > 0 {
		if err := json.Unmarshal(b, &y); err != nil {
			return nil, err
		}
	}
	if x == nil && y == nil {
		return a, nil
	}
	return json.Marshal(append(x, y...))
}

// goplsDiagnostics records gopls' diagnostics of a file and publishes
// them with singlepool's.
func (p *proxy) goplsDiagnostics(ctx context.Context, params json.RawMessage) error {
	var v struct {
		URI         string            `json:"uri"`
		Version     *int32            `json:"version"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(params, &v); err != nil {
		return err
	}
	return p.publish(ctx, &published{v.URI, v.Version, v.Diagnostics}, p.theirs)
}

// PublishDiagnostics publishes singlepool's diagnostics of a file with
// gopls' latest ones (the server calls it).
func (p *proxy) PublishDiagnostics(ctx context.Context, params *protocol.PublishDiagnosticsParams) error {
	pub := &published{uri: string(params.URI)}
	if v, ok := params.Version.Get(); ok {
		pub.version = &v
	}
	for _, d := range params.Diagnostics {
		b, err := protocol.Marshal(d)
		if err != nil {
			return err
		}
		pub.diags = append(pub.diags, b)
	}
	return p.publish(ctx, pub, p.ours)
}

// publish records pub as one side's latest for its file, then sends both
// sides' diagnostics of the file, with pub's URI and version.
func (p *proxy) publish(ctx context.Context, pub *published, side map[string]*published) error {
	key := fileKey(pub.uri)
	p.mu.Lock()
	side[key] = pub
	all := []json.RawMessage{}
	for _, s := range []*published{p.theirs[key], p.ours[key]} {
		if s != nil {
			all = append(all, s.diags...)
		}
	}
	p.mu.Unlock()
	params, err := json.Marshal(struct {
		URI         string            `json:"uri"`
		Version     *int32            `json:"version,omitempty"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}{pub.uri, pub.version, all})
	if err != nil {
		return err
	}
	_, err = p.editor.Write(ctx, jsonrpc2.NewNotification(protocol.MethodTextDocumentPublishDiagnostics, jsonrpc2.RawMessage(params)))
	return err
}

// fileKey names a document the same way whichever side's URI spelling.
func fileKey(u string) string {
	if parsed, err := uri.Parse(u); err == nil && parsed.IsFile() {
		return parsed.FsPath()
	}
	return u
}

// RegisterCapability sends singlepool's own request to the editor, under
// an id gopls does not use; the answer is dropped (see fromEditor).
func (p *proxy) RegisterCapability(ctx context.Context, params *protocol.RegistrationParams) error {
	b, err := protocol.Marshal(params)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.calls++
	id := jsonrpc2.NewStringID(ownID + strconv.Itoa(p.calls))
	p.mu.Unlock()
	_, err = p.editor.Write(ctx, jsonrpc2.NewCall(id, protocol.MethodClientRegisterCapability, jsonrpc2.RawMessage(b)))
	return err
}
