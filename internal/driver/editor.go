package driver

import (
	"errors"
	"go/token"
	"path/filepath"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// An EditorFinding is a diagnostic of a file the editor shows, with
// positions as byte offsets into that file's text (the unsaved text when
// it has one), ready for a language server to convert.
type EditorFinding struct {
	File       string // absolute
	Start, End int    // byte offsets
	Category   string // the rule
	URL        string // the rule's documentation
	Message    string
	Fixes      []EditorFix
}

// An EditorFix is a suggested fix: its edits, by file, as byte offsets.
type EditorFix struct {
	Message string
	Edits   map[string][]EditorEdit
}

// An EditorEdit replaces File's bytes [Start, End) with New.
type EditorEdit struct {
	Start, End int
	New        string
}

// An Editor analyzes the packages a language server is asked about. It
// keeps go list's package graph of each directory between analyses, for
// as long as nothing go list read has changed (see listCache): an edit
// then costs the type-checking and the analysis only. Its methods may be
// called from several goroutines.
type Editor struct {
	lists listCache
}

// AnalyzeDir analyzes the package in dir and its tests, with the editor's
// unsaved files in overlay (absolute names), loading dependencies as Run
// does. a's flags are set by the caller. Findings in files of other
// directories (a dependency's) are left out; a package that does not load
// or type-check is an error naming it, as for Analyze.
func (e *Editor) AnalyzeDir(a *analysis.Analyzer, dir string, overlay map[string][]byte) ([]EditorFinding, error) {
	singlepool.Reread(a) // .singlepool.yml may have changed since the last run
	pkgs, err := loadFrom(source{dir: dir, overlay: overlay, lists: &e.lists}, []string{"."}, true, ctorsFor(a), stagingFor(a))
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, errors.New(dir + ": no Go package")
	}
	var bad []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			bad = append(bad, e.Error())
		}
	}
	if len(bad) > 0 {
		// The user's gopls shows these; singlepool analyzes code that
		// type-checks.
		return nil, &LoadError{Errors: bad}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	return editorFindings(graph, dir), nil
}

// A LoadError says the package does not load or type-check.
type LoadError struct{ Errors []string }

func (e *LoadError) Error() string {
	return "the package does not load or type-check: " + e.Errors[0]
}

// editorFindings collects the root actions' diagnostics in dir's files,
// once each (a package and its test variant share files).
func editorFindings(graph *checker.Graph, dir string) []EditorFinding {
	type key struct {
		file       string
		start, end int
		msg        string
	}
	seen := make(map[key]bool)
	var out []EditorFinding
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := fset.File(d.Pos)
			if f == nil || filepath.Dir(f.Name()) != filepath.Clean(dir) {
				continue
			}
			end := d.End
			if !end.IsValid() {
				end = d.Pos
			}
			k := key{f.Name(), f.Offset(d.Pos), f.Offset(end), d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, EditorFinding{
				File: k.file, Start: k.start, End: k.end,
				Category: d.Category, URL: d.URL, Message: d.Message,
				Fixes: editorFixes(fset, d.SuggestedFixes),
			})
		}
	}
	return out
}

func editorFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) []EditorFix {
	var out []EditorFix
	for _, fix := range fixes {
		ef := EditorFix{Message: fix.Message, Edits: make(map[string][]EditorEdit)}
		for _, e := range fix.TextEdits {
			f := fset.File(e.Pos)
			if f == nil {
				continue
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			ef.Edits[f.Name()] = append(ef.Edits[f.Name()], EditorEdit{f.Offset(e.Pos), f.Offset(end), string(e.NewText)})
		}
		out = append(out, ef)
	}
	return out
}
