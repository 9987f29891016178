package code

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// FileContent returns the source of a file, or nil if it cannot be read.
func FileContent(pass *analysis.Pass, tf *token.File) []byte {
	if pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}

func NodeText(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, fset, n); err != nil {
		return "?"
	}
	return b.String()
}

// BriefText is NodeText for a message: one line, and a long call shown as
// "f(...)", so that a function literal argument does not fill the screen.
func BriefText(fset *token.FileSet, n ast.Node) string {
	const limit = 60
	text := NodeText(fset, n)
	if len(text) <= limit && !strings.Contains(text, "\n") {
		return text
	}
	if call, ok := n.(*ast.CallExpr); ok {
		if fun := NodeText(fset, call.Fun); len(fun) <= limit && !strings.Contains(fun, "\n") {
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
