package singlepool

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// //nolint directives, with golangci-lint's semantics (v2.15.0,
// pkg/result/processors/nolint_filter.go), so that one comment works under
// every driver: "//nolint:singlepool", "//nolint:all" and a bare "//nolint"
// silence singlepool on the lines of their comment group, and, when the
// group stands alone, on the whole node that starts on the next line in the
// same column (a declaration, a statement). Text after a second "//" is the
// reason. Under golangci-lint the plugin leaves directives to golangci-lint
// itself (see NewWithoutNolint).

// nolintPattern is golangci-lint's test of a directive, applied to the
// comment's text without its leading slashes and spaces.
var nolintPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^nolint( |:|$)`) })

// A directive is one //nolint comment that applies to singlepool.
type directive struct {
	pos      token.Pos // the comment
	text     string
	from, to int  // lines silenced, the expansion included
	col      int  // the comment group's column, for the expansion
	named    bool // it names singlepool, not all linters
	reason   bool // "//nolint:singlepool // reason"
	used     bool
	checking bool // its file is checked (test and generated-file policies)
}

// parseDirective reads one comment: whether it is a directive applying to
// singlepool, whether it names singlepool, and whether it gives a reason.
func parseDirective(comment string) (applies, named, reason bool) {
	text := strings.TrimLeft(comment, "/ ")
	if !nolintPattern().MatchString(text) {
		return false, false, false
	}
	body, why, hasWhy := strings.Cut(text, "//")
	reason = hasWhy && strings.TrimSpace(why) != ""
	if strings.HasPrefix(text, "nolint:all") || !strings.HasPrefix(text, "nolint:") {
		return true, false, reason
	}
	for item := range strings.SplitSeq(strings.TrimPrefix(body, "nolint:"), ",") {
		switch strings.ToLower(strings.TrimSpace(item)) {
		case "all":
			return true, false, reason
		case Name:
			applies, named = true, true
		}
	}
	return applies, named, reason
}

// A nolintFilter stands between the analysis and pass.Report: it drops the
// diagnostics a directive silences, and at the end of the package reports
// the directives the settings ask about.
type nolintFilter struct {
	pass   *analysis.Pass
	s      *settings
	report func(analysis.Diagnostic) // the driver's
	files  map[*token.File][]*directive
}

// installNolintFilter wraps pass.Report; the returned function reports the
// directives without a reason or unused, as the settings ask.
func installNolintFilter(pass *analysis.Pass, s *settings) func() {
	f := &nolintFilter{pass: pass, s: s, report: pass.Report}
	pass.Report = f.filter
	return f.finish
}

func (f *nolintFilter) filter(d analysis.Diagnostic) {
	if f.files == nil {
		f.index()
	}
	if d.Category != categoryNolint {
		tf := f.pass.Fset.File(d.Pos)
		if tf != nil {
			line := tf.Line(d.Pos)
			silenced := false
			for _, dir := range f.files[tf] {
				if dir.from <= line && line <= dir.to {
					dir.used, silenced = true, true
				}
			}
			if silenced {
				return
			}
		}
	}
	f.report(d)
}

// index finds the package's directives and the lines each silences.
func (f *nolintFilter) index() {
	f.files = make(map[*token.File][]*directive)
	fset := f.pass.Fset
	for _, file := range f.pass.Files {
		tf := fset.File(file.FileStart)
		var dirs []*directive
		for _, g := range file.Comments {
			for _, c := range g.List {
				applies, named, reason := parseDirective(c.Text)
				if !applies {
					continue
				}
				start := fset.Position(g.Pos())
				dirs = append(dirs, &directive{
					pos: c.Pos(), text: c.Text, named: named, reason: reason,
					from: start.Line, to: fset.Position(g.End()).Line, col: start.Column,
					checking: f.s.checksFile(tf.Name(), file),
				})
			}
		}
		if len(dirs) == 0 {
			continue
		}
		// A group standing before a node in its column silences the node.
		ends := make([]int, len(dirs))
		for i, d := range dirs {
			ends[i] = d.to
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			p := fset.Position(n.Pos())
			for i, d := range dirs {
				if ends[i] == p.Line-1 && d.col == p.Column {
					d.to = max(d.to, fset.Position(n.End()).Line)
				}
			}
			return true
		})
		f.files[tf] = dirs
	}
}

// finish reports, as the settings ask, the directives silencing singlepool
// without a reason, and those naming singlepool that silenced nothing.
func (f *nolintFilter) finish() {
	cfg := f.s.cfg
	if !cfg.RequireReason && !cfg.ReportUnusedNolint {
		return
	}
	if f.files == nil {
		f.index()
	}
	for _, file := range f.pass.Files {
		for _, d := range f.files[f.pass.Fset.File(file.FileStart)] {
			if !d.checking {
				continue
			}
			text := strings.TrimSpace(d.text)
			switch {
			case cfg.ReportUnusedNolint && d.named && !d.used:
				report(f.pass, d.pos, token.NoPos, categoryNolint,
					text+" is unused: singlepool reports nothing here; remove it", nil)
			case cfg.RequireReason && !d.reason && (d.named || d.used):
				report(f.pass, d.pos, token.NoPos, categoryNolint,
					text+" silences singlepool without a reason: write it after the directive, //nolint:"+Name+" // why this pool is intended", nil)
			}
		}
	}
}
