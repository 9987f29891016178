package gopls

// A small LSP client for driving gopls in tests: JSON-RPC 2.0 over the
// server's stdin/stdout with Content-Length framing (LSP "base protocol").
// It answers the requests gopls sends to the client, records the
// notifications it receives (publishDiagnostics, $/progress, log
// messages), and lets a test wait for a condition on them.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Protocol types: only the fields the tests use.

type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"` // UTF-16 code units
}

type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

func (r Range) String() string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line+1, r.Start.Character+1, r.End.Line+1, r.End.Character+1)
}

type Diagnostic struct {
	Range           Range  `json:"range"`
	Severity        int    `json:"severity,omitempty"`
	Code            string `json:"code,omitempty"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription,omitempty"`
	Source  string          `json:"source,omitempty"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

type PublishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     int          `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

type WorkspaceEdit struct {
	Changes         map[string][]TextEdit `json:"changes,omitempty"`
	DocumentChanges []struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Edits []TextEdit `json:"edits"`
		Kind  string     `json:"kind,omitempty"` // create, rename, delete: not expected
	} `json:"documentChanges,omitempty"`
}

// EditsFor returns the edits to the document uri, whichever of the two
// forms the server used.
func (w *WorkspaceEdit) EditsFor(uri string) ([]TextEdit, error) {
	var edits []TextEdit
	for u, e := range w.Changes {
		if u == uri {
			edits = append(edits, e...)
		} else {
			return nil, fmt.Errorf("edit also changes %s", u)
		}
	}
	for _, dc := range w.DocumentChanges {
		if dc.Kind != "" {
			return nil, fmt.Errorf("unexpected %s operation in documentChanges", dc.Kind)
		}
		if dc.TextDocument.URI != uri {
			return nil, fmt.Errorf("edit also changes %s", dc.TextDocument.URI)
		}
		edits = append(edits, dc.Edits...)
	}
	return edits, nil
}

type CodeAction struct {
	Title       string          `json:"title"`
	Kind        string          `json:"kind,omitempty"`
	Diagnostics []Diagnostic    `json:"diagnostics,omitempty"`
	Edit        *WorkspaceEdit  `json:"edit,omitempty"`
	Command     json.RawMessage `json:"command,omitempty"`
	Data        json.RawMessage `json:"data,omitempty"`
}

// JSON-RPC.

type rpcError struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// A progressEvent is one $/progress notification (work done progress).
type progressEvent struct {
	token string
	kind  string // begin, report, end
	title string // the title given at begin
}

// lspClient is a connection to one gopls process.
type lspClient struct {
	t             testing.TB
	cmd           *exec.Cmd
	stdin         io.WriteCloser
	settings      map[string]any // answered to workspace/configuration
	serverVersion string         // from the initialize result
	stderr        *syncBuffer
	done          chan struct{} // closed when the reader stops

	wmu    sync.Mutex // serializes writes
	nextID int

	mu       sync.Mutex
	changed  chan struct{} // closed (and replaced) whenever the state below changes
	pending  map[string]chan *rpcMessage
	diags    map[string][]PublishDiagnosticsParams // by URI, in arrival order
	progress []progressEvent
	titles   map[string]string // progress token -> title
	logs     []string
	watchers []json.RawMessage // didChangeWatchedFiles registrations
	readErr  error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startGopls starts `gopls serve` (stdio) in dir with env added to the
// environment. On test failure it logs gopls's stderr and log messages.
func startGopls(t testing.TB, gopls, dir string, env []string, settings map[string]any) *lspClient {
	t.Helper()
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &lspClient{
		t:        t,
		cmd:      cmd,
		stdin:    stdin,
		settings: settings,
		stderr:   new(syncBuffer),
		done:     make(chan struct{}),
		changed:  make(chan struct{}),
		pending:  make(map[string]chan *rpcMessage),
		diags:    make(map[string][]PublishDiagnosticsParams),
		titles:   make(map[string]string),
	}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting gopls: %v", err)
	}
	go c.readLoop(bufio.NewReader(stdout))
	t.Cleanup(func() {
		c.close()
		if t.Failed() {
			c.mu.Lock()
			logs := strings.Join(c.logs, "\n")
			c.mu.Unlock()
			t.Logf("gopls log messages:\n%s", logs)
			t.Logf("gopls stderr:\n%s", c.stderr.String())
		}
	})
	return c
}

// close shuts gopls down politely (shutdown, exit), then kills it if it
// has not exited after a while.
func (c *lspClient) close() {
	select {
	case <-c.done:
	default:
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := c.call(ctx, "shutdown", nil, nil); err == nil {
			_ = c.notify("exit", nil)
		}
		cancel()
	}
	_ = c.stdin.Close()
	exited := make(chan struct{})
	go func() { _ = c.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		<-exited
	}
}

func (c *lspClient) write(msg *rpcMessage) error {
	msg.JSONRPC = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = c.stdin.Write(body)
	return err
}

func marshalParams(params any) (json.RawMessage, error) {
	if params == nil {
		return nil, nil
	}
	return json.Marshal(params)
}

// call sends a request and decodes its result into result (if not nil).
func (c *lspClient) call(ctx context.Context, method string, params, result any) error {
	p, err := marshalParams(params)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	c.wmu.Unlock()
	ch := make(chan *rpcMessage, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()
	if err := c.write(&rpcMessage{ID: json.RawMessage(id), Method: method, Params: p}); err != nil {
		return fmt.Errorf("%s: %v", method, err)
	}
	select {
	case resp := <-ch:
		if resp.Error != nil {
			return fmt.Errorf("%s: %w", method, resp.Error)
		}
		if result != nil {
			if err := json.Unmarshal(resp.Result, result); err != nil {
				return fmt.Errorf("%s: decoding result %s: %v", method, resp.Result, err)
			}
		}
		return nil
	case <-c.done:
		return fmt.Errorf("%s: connection closed: %v", method, c.readError())
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *lspClient) notify(method string, params any) error {
	p, err := marshalParams(params)
	if err != nil {
		return err
	}
	return c.write(&rpcMessage{Method: method, Params: p})
}

func (c *lspClient) readError() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readErr
}

// readLoop reads messages until the stream ends.
func (c *lspClient) readLoop(r *bufio.Reader) {
	defer close(c.done)
	for {
		msg, err := readMessage(r)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.broadcastLocked()
			c.mu.Unlock()
			return
		}
		c.handle(msg)
	}
}

// readMessage reads one framed message: headers, a blank line, and
// Content-Length bytes of JSON.
func readMessage(r *bufio.Reader) (*rpcMessage, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("bad header line %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without Content-Length")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	msg := new(rpcMessage)
	if err := json.Unmarshal(body, msg); err != nil {
		return nil, fmt.Errorf("decoding %s: %v", body, err)
	}
	return msg, nil
}

func (c *lspClient) broadcastLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

func (c *lspClient) handle(msg *rpcMessage) {
	isRequest := msg.Method != "" && len(msg.ID) > 0
	isResponse := msg.Method == "" && len(msg.ID) > 0
	switch {
	case isResponse:
		id := string(msg.ID)
		if s, err := strconv.Unquote(id); err == nil {
			id = s
		}
		c.mu.Lock()
		ch := c.pending[id]
		c.mu.Unlock()
		if ch != nil {
			ch <- msg
		}
	case isRequest:
		result, rerr := c.serverRequest(msg)
		resp := &rpcMessage{ID: msg.ID, Error: rerr}
		if rerr == nil {
			b, err := json.Marshal(result)
			if err != nil {
				resp.Error = &rpcError{Code: -32603, Message: err.Error()}
			} else {
				resp.Result = b
			}
		}
		if err := c.write(resp); err != nil {
			c.mu.Lock()
			c.logs = append(c.logs, "client: answering "+msg.Method+": "+err.Error())
			c.mu.Unlock()
		}
	default:
		c.notification(msg)
	}
}

// serverRequest answers a request gopls sends to the client.
func (c *lspClient) serverRequest(msg *rpcMessage) (any, *rpcError) {
	switch msg.Method {
	case "workspace/configuration":
		var p struct {
			Items []struct {
				Section string `json:"section"`
			} `json:"items"`
		}
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			return nil, &rpcError{Code: -32602, Message: err.Error()}
		}
		res := make([]any, len(p.Items))
		for i, it := range p.Items {
			if it.Section == "gopls" {
				res[i] = c.settings
			}
		}
		return res, nil
	case "window/workDoneProgress/create", "client/unregisterCapability", "window/showMessageRequest":
		return nil, nil
	case "client/registerCapability":
		var p struct {
			Registrations []struct {
				Method          string          `json:"method"`
				RegisterOptions json.RawMessage `json:"registerOptions"`
			} `json:"registrations"`
		}
		if err := json.Unmarshal(msg.Params, &p); err == nil {
			c.mu.Lock()
			for _, r := range p.Registrations {
				if r.Method == "workspace/didChangeWatchedFiles" {
					c.watchers = append(c.watchers, r.RegisterOptions)
				}
			}
			c.broadcastLocked()
			c.mu.Unlock()
		}
		return nil, nil
	case "workspace/applyEdit":
		return map[string]any{"applied": false, "failureReason": "the test client applies no edits"}, nil
	}
	return nil, &rpcError{Code: -32601, Message: "method not supported by the test client: " + msg.Method}
}

func (c *lspClient) notification(msg *rpcMessage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.broadcastLocked()
	switch msg.Method {
	case "textDocument/publishDiagnostics":
		var p PublishDiagnosticsParams
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			c.logs = append(c.logs, "client: bad publishDiagnostics: "+err.Error())
			return
		}
		c.diags[p.URI] = append(c.diags[p.URI], p)
	case "$/progress":
		var p struct {
			Token json.RawMessage `json:"token"`
			Value struct {
				Kind    string `json:"kind"`
				Title   string `json:"title"`
				Message string `json:"message"`
			} `json:"value"`
		}
		if err := json.Unmarshal(msg.Params, &p); err != nil {
			c.logs = append(c.logs, "client: bad $/progress: "+err.Error())
			return
		}
		tok := string(p.Token)
		if p.Value.Kind == "begin" {
			c.titles[tok] = p.Value.Title
		}
		c.progress = append(c.progress, progressEvent{token: tok, kind: p.Value.Kind, title: c.titles[tok]})
		c.logs = append(c.logs, fmt.Sprintf("progress %s %s %q %s", tok, p.Value.Kind, c.titles[tok], p.Value.Message))
	case "window/logMessage", "window/showMessage":
		var p struct {
			Type    int    `json:"type"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(msg.Params, &p)
		c.logs = append(c.logs, fmt.Sprintf("%s[%d]: %s", msg.Method, p.Type, p.Message))
	default:
		c.logs = append(c.logs, "notification "+msg.Method+": "+string(msg.Params))
	}
}

// waitFor waits until cond, evaluated with the client's state locked,
// holds; it re-evaluates cond after every message from gopls.
func (c *lspClient) waitFor(ctx context.Context, what string, cond func() bool) error {
	for {
		c.mu.Lock()
		ok := cond()
		ch, rerr := c.changed, c.readErr
		c.mu.Unlock()
		if ok {
			return nil
		}
		if rerr != nil {
			return fmt.Errorf("waiting for %s: connection closed: %v", what, rerr)
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}

// progressMark returns a cursor into the progress events, for
// waitWorkDone.
func (c *lspClient) progressMark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.progress)
}

// waitWorkDone waits for the end of a work-done progress named title that
// ended after mark. With the verboseWorkDoneProgress setting, gopls
// reports "diagnosing <cause>" work for every file event and ends it
// after it has published the diagnostics that the event caused: the same
// barrier gopls's own integration tests use.
func (c *lspClient) waitWorkDone(ctx context.Context, mark int, title string) error {
	return c.waitFor(ctx, fmt.Sprintf("the end of gopls work %q", title), func() bool {
		for _, e := range c.progress[mark:] {
			if e.kind == "end" && e.title == title {
				return true
			}
		}
		return false
	})
}

// diagnostics returns the last diagnostics published for uri, and whether
// any were published.
func (c *lspClient) diagnostics(uri string) ([]Diagnostic, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastDiagnosticsLocked(uri)
}

func (c *lspClient) lastDiagnosticsLocked(uri string) ([]Diagnostic, bool) {
	pubs := c.diags[uri]
	if len(pubs) == 0 {
		return nil, false
	}
	return pubs[len(pubs)-1].Diagnostics, true
}

// Requests and notifications the tests use.

func (c *lspClient) initialize(ctx context.Context, root string) error {
	rootURI := fileURI(root)
	params := map[string]any{
		"processId":  os.Getpid(),
		"clientInfo": map[string]any{"name": "singlepool-e2e", "version": "0"},
		"rootUri":    rootURI,
		"workspaceFolders": []any{
			map[string]any{"uri": rootURI, "name": filepath.Base(root)},
		},
		"initializationOptions": c.settings,
		"capabilities": map[string]any{
			"workspace": map[string]any{
				"configuration":    true,
				"workspaceFolders": true,
				"applyEdit":        true,
				"workspaceEdit":    map[string]any{"documentChanges": true},
				"didChangeWatchedFiles": map[string]any{
					"dynamicRegistration":    true,
					"relativePatternSupport": true,
				},
			},
			"textDocument": map[string]any{
				"synchronization": map[string]any{"didSave": true, "dynamicRegistration": false},
				"publishDiagnostics": map[string]any{
					"relatedInformation":     true,
					"versionSupport":         true,
					"codeDescriptionSupport": true,
					"dataSupport":            true,
					"tagSupport":             map[string]any{"valueSet": []int{1, 2}},
				},
				"codeAction": map[string]any{
					"dataSupport":    true,
					"resolveSupport": map[string]any{"properties": []string{"edit"}},
					"codeActionLiteralSupport": map[string]any{
						"codeActionKind": map[string]any{
							"valueSet": []string{"", "quickfix", "refactor", "refactor.extract",
								"refactor.inline", "refactor.rewrite", "source", "source.organizeImports", "source.fixAll"},
						},
					},
				},
			},
			"window": map[string]any{"workDoneProgress": true},
		},
	}
	var result struct {
		ServerInfo struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"serverInfo"`
	}
	if err := c.call(ctx, "initialize", params, &result); err != nil {
		return err
	}
	// gopls's serverInfo.version is its build information as JSON.
	version := result.ServerInfo.Version
	var info struct{ Version string }
	if json.Unmarshal([]byte(version), &info) == nil && info.Version != "" {
		version = info.Version
	}
	c.serverVersion = version
	c.t.Logf("initialized %s %s", result.ServerInfo.Name, version)
	return c.notify("initialized", map[string]any{})
}

func (c *lspClient) didOpen(uri, text string) error {
	return c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text},
	})
}

func (c *lspClient) didChange(uri string, version int, text string) error {
	return c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
}

func (c *lspClient) didClose(uri string) error {
	return c.notify("textDocument/didClose", map[string]any{
		"textDocument": map[string]any{"uri": uri},
	})
}

// File change types of workspace/didChangeWatchedFiles.
const (
	fileCreated = 1
	fileChanged = 2
	fileDeleted = 3
)

func (c *lspClient) didChangeWatchedFile(uri string, typ int) error {
	return c.notify("workspace/didChangeWatchedFiles", map[string]any{
		"changes": []any{map[string]any{"uri": uri, "type": typ}},
	})
}

func (c *lspClient) codeActions(ctx context.Context, uri string, rng Range, diags []Diagnostic, only ...string) ([]CodeAction, error) {
	if diags == nil {
		diags = []Diagnostic{}
	}
	params := map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng,
		"context": map[string]any{
			"diagnostics": diags,
			"only":        only,
			"triggerKind": 1, // Invoked
		},
	}
	var actions []CodeAction
	err := c.call(ctx, "textDocument/codeAction", params, &actions)
	return actions, err
}

// Helpers.

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// offset converts an LSP position (UTF-16 columns) to a byte offset in text.
func offset(text string, p Position) (int, error) {
	line := 0
	i := 0
	for line < p.Line {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return 0, fmt.Errorf("line %d out of range", p.Line)
		}
		i += j + 1
		line++
	}
	col := 0
	for col < p.Character {
		if i >= len(text) || text[i] == '\n' {
			return 0, fmt.Errorf("column %d out of range on line %d", p.Character, p.Line)
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		col += utf16.RuneLen(r)
		i += size
	}
	if col != p.Character {
		return 0, fmt.Errorf("column %d splits a character on line %d", p.Character, p.Line)
	}
	return i, nil
}

// textAt returns the text in the range.
func textAt(text string, r Range) (string, error) {
	start, err := offset(text, r.Start)
	if err != nil {
		return "", err
	}
	end, err := offset(text, r.End)
	if err != nil {
		return "", err
	}
	if end < start {
		return "", fmt.Errorf("range %v ends before it starts", r)
	}
	return text[start:end], nil
}

// applyEdits applies LSP text edits, which must not overlap; inserts at
// the same position keep their order in the array, as the LSP requires.
func applyEdits(text string, edits []TextEdit) (string, error) {
	type abs struct {
		start, end int
		newText    string
		index      int
	}
	var as []abs
	for i, e := range edits {
		s, err := offset(text, e.Range.Start)
		if err != nil {
			return "", err
		}
		en, err := offset(text, e.Range.End)
		if err != nil {
			return "", err
		}
		if en < s {
			return "", fmt.Errorf("edit %d: range %v ends before it starts", i, e.Range)
		}
		as = append(as, abs{s, en, e.NewText, i})
	}
	sort.SliceStable(as, func(i, j int) bool { return as[i].start < as[j].start })
	var b strings.Builder
	last := 0
	for _, a := range as {
		if a.start < last {
			return "", fmt.Errorf("edit %d overlaps the previous one", a.index)
		}
		b.WriteString(text[last:a.start])
		b.WriteString(a.newText)
		last = a.end
	}
	b.WriteString(text[last:])
	return b.String(), nil
}
