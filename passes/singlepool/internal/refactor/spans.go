package refactor

import (
	"go/ast"
	"go/token"
)

// A Span is a half-open range of removed source.
type Span struct{ Pos, End token.Pos }

// InSpans reports whether pos lies in one of the spans.
func InSpans(pos token.Pos, spans []Span) bool {
	for _, s := range spans {
		if s.Pos <= pos && pos < s.End {
			return true
		}
	}
	return false
}

// StmtSpan returns the range to delete for a statement: whole lines when
// it stands alone on them, else the statement itself.
func StmtSpan(tf *token.File, src []byte, st ast.Stmt) Span {
	return LineSpan(tf, src, st.Pos(), st.End())
}

// LineSpan widens [pos, end) to whole lines, with the final newline and
// any comment after end, when nothing else shares those lines.
func LineSpan(tf *token.File, src []byte, pos, end token.Pos) Span {
	if src == nil {
		return Span{pos, end}
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	if ls > 0 && src[ls-1] != '\n' {
		return Span{pos, end}
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
		return Span{pos, end}
	}
	if le < len(src) {
		le++
	}
	return Span{tf.Pos(ls), tf.Pos(le)}
}
