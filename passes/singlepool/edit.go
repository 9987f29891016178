package singlepool

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// A span is a half-open range of removed source.
type span struct{ pos, end token.Pos }

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// inSpans reports whether pos lies in one of the spans.
func inSpans(pos token.Pos, spans []span) bool {
	for _, s := range spans {
		if s.pos <= pos && pos < s.end {
			return true
		}
	}
	return false
}

// enclosingPath is astutil.PathEnclosingInterval for a position, from the
// innermost node to the file, found from the top-level declaration that
// holds pos (by binary search) so that each call costs the depth, not
// the size of the file.
func enclosingPath(file *ast.File, pos token.Pos) []ast.Node {
	var path []ast.Node
	if d := topDecl(file, pos); d != nil {
		ast.Inspect(d, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			path = append(path, n)
			return true
		})
	}
	slices.Reverse(path)
	return append(path, file)
}

// topDecl returns the top-level declaration of file containing pos.
func topDecl(file *ast.File, pos token.Pos) ast.Node {
	i, _ := slices.BinarySearchFunc(file.Decls, pos, func(d ast.Decl, p token.Pos) int {
		switch {
		case d.End() <= p:
			return -1
		case d.Pos() > p:
			return 1
		}
		return 0
	})
	if i < len(file.Decls) && file.Decls[i].Pos() <= pos && pos < file.Decls[i].End() {
		return file.Decls[i]
	}
	return nil
}

// fileOf returns the syntax of the file containing pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// stmtSpan returns the range to delete for a statement: whole lines when
// it stands alone on them, else the statement itself.
func stmtSpan(tf *token.File, src []byte, st ast.Stmt) span {
	return lineSpan(tf, src, st.Pos(), st.End())
}

// lineSpan widens [pos, end) to whole lines, with the final newline and
// any comment after end, when nothing else shares those lines.
func lineSpan(tf *token.File, src []byte, pos, end token.Pos) span {
	if src == nil {
		return span{pos, end}
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	if ls > 0 && src[ls-1] != '\n' {
		return span{pos, end}
	}
	le := stop
	for le < len(src) && (src[le] == ' ' || src[le] == '\t') {
		le++
	}
	if le+1 < len(src) && src[le] == '/' && src[le+1] == '/' {
		for le < len(src) && src[le] != '\n' {
			le++
		}
	}
	if le < len(src) && src[le] != '\n' {
		return span{pos, end}
	}
	if le < len(src) {
		le++
	}
	return span{tf.Pos(ls), tf.Pos(le)}
}

// fileContent returns the source of a file, or nil if it cannot be read.
func fileContent(pass *analysis.Pass, tf *token.File) []byte {
	if pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}

func nodeText(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, fset, n); err != nil {
		return "?"
	}
	return b.String()
}

// briefText is nodeText for a message: one line, and a long call shown as
// "f(...)", so that a function literal argument does not fill the screen.
func briefText(fset *token.FileSet, n ast.Node) string {
	const limit = 60
	text := nodeText(fset, n)
	if len(text) <= limit && !strings.Contains(text, "\n") {
		return text
	}
	if call, ok := n.(*ast.CallExpr); ok {
		if fun := nodeText(fset, call.Fun); len(fun) <= limit && !strings.Contains(fun, "\n") {
			return fun + "(...)"
		}
	}
	text, _, _ = strings.Cut(text, "\n")
	if len(text) > limit {
		text = text[:limit]
		for !utf8.ValidString(text) { // cut at a rune boundary
			text = text[:len(text)-1]
		}
	}
	return text + "..."
}
