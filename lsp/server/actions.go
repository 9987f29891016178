package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/singlepool/singlepool/internal/driver"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// fixAllKind is the kind of the action fixing every finding of a file
// that has a fix: editors run source.fixAll on save when asked to.
const fixAllKind protocol.CodeActionKind = "source.fixAll.singlepool"

// nolintComment is what the suppress action appends to the line; the
// reason is the user's to write.
const nolintComment = " //nolint:singlepool // reason"

// CodeAction offers, for each finding in the range, its suggested fix as
// the preferred quick fix and //nolint:singlepool as a second one; and
// source.fixAll.singlepool for the whole file.
func (s *Server) CodeAction(_ context.Context, p *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	name, ok := goFile(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	s.mu.Lock()
	found := s.findings[name]
	d := s.docs[name]
	s.mu.Unlock()
	if d == nil || len(found) == 0 {
		return nil, nil
	}
	want := func(k protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if k == o || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
	start, end := offset(d.text, p.Range.Start), offset(d.text, p.Range.End)
	var out []protocol.CommandOrCodeAction
	var all []driver.EditorFix
	for _, f := range found {
		if len(f.Fixes) > 0 {
			all = append(all, f.Fixes[0])
		}
		if f.End < start || f.Start > end || !want(protocol.CodeActionKindQuickFix) {
			continue
		}
		diag := diagnostics(d.text, []driver.EditorFinding{f})
		for i, fix := range f.Fixes {
			out = append(out, action(fix.Message, protocol.CodeActionKindQuickFix, i == 0, diag, s.edit(fix.Edits)))
		}
		out = append(out, action("Suppress with //nolint:singlepool", protocol.CodeActionKindQuickFix, false, diag,
			s.edit(map[string][]driver.EditorEdit{name: {nolintEdit(d.text, f.Start)}})))
	}
	if len(all) > 0 && want(fixAllKind) {
		out = append(out, action("Fix all singlepool findings", fixAllKind, false, nil, s.edit(merge(all))))
	}
	return out, nil
}

func action(title string, kind protocol.CodeActionKind, preferred bool, diags []protocol.Diagnostic, edit *protocol.WorkspaceEdit) *protocol.CodeAction {
	a := &protocol.CodeAction{Title: title, Kind: &kind, Diagnostics: diags, Edit: edit}
	if preferred {
		a.IsPreferred = &preferred
	}
	return a
}

// nolintEdit appends the //nolint comment at the end of the line holding
// offset.
func nolintEdit(text string, off int) driver.EditorEdit {
	eol := strings.IndexByte(text[off:], '\n')
	if eol < 0 {
		eol = len(text)
	} else {
		eol += off
	}
	// Before a \r of a CRLF line ending.
	if eol > 0 && text[eol-1] == '\r' {
		eol--
	}
	return driver.EditorEdit{Start: eol, End: eol, New: nolintComment}
}

// merge joins fixes into one set of edits, leaving out a fix that
// overlaps one already taken (apply them in two rounds, as -fix would).
func merge(fixes []driver.EditorFix) map[string][]driver.EditorEdit {
	out := make(map[string][]driver.EditorEdit)
	for _, fix := range fixes {
		if overlaps(out, fix.Edits) {
			continue
		}
		for name, es := range fix.Edits {
			for _, e := range es {
				if !contains(out[name], e) {
					out[name] = append(out[name], e)
				}
			}
		}
	}
	return out
}

func overlaps(have, add map[string][]driver.EditorEdit) bool {
	for name, es := range add {
		for _, e := range es {
			for _, h := range have[name] {
				if h == e {
					continue // the same edit (an import two fixes add)
				}
				if e.Start < h.End && h.Start < e.End || e.Start == h.Start {
					return true
				}
			}
		}
	}
	return false
}

func contains(es []driver.EditorEdit, e driver.EditorEdit) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// edit converts byte-offset edits to a WorkspaceEdit, each file's
// positions computed in its current text (the editor's, if open).
func (s *Server) edit(edits map[string][]driver.EditorEdit) *protocol.WorkspaceEdit {
	changes := make(map[uri.URI][]protocol.TextEdit)
	names := make([]string, 0, len(edits))
	for name := range edits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := s.text(name)
		for _, e := range edits[name] {
			changes[uri.File(name)] = append(changes[uri.File(name)], protocol.TextEdit{Range: lspRange(text, e.Start, e.End), NewText: e.New})
		}
	}
	return &protocol.WorkspaceEdit{Changes: changes}
}

func (s *Server) text(name string) string {
	s.mu.Lock()
	d := s.docs[name]
	s.mu.Unlock()
	if d != nil {
		return d.text
	}
	b, _ := os.ReadFile(name)
	return string(b)
}

// applyOptions reads initializationOptions: {"config": FILE} names the
// settings file to use instead of the nearest .singlepool.yml.
func (s *Server) applyOptions(raw []byte) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var opts struct {
		Config string `json:"config"`
	}
	if err := json.Unmarshal(raw, &opts); err != nil {
		return fmt.Errorf("initializationOptions: %v (want {\"config\": \"path/to/.singlepool.yml\"})", err)
	}
	if opts.Config != "" {
		if err := s.analyzer.Flags.Set("config", opts.Config); err != nil {
			return fmt.Errorf("initializationOptions.config: %v", err)
		}
	}
	return nil
}
