package server

import (
	"testing"

	"go.lsp.dev/protocol"
)

// Positions are in UTF-16 code units: é is one, 😀 two, and both are
// several bytes.
func TestPosition(t *testing.T) {
	text := "ab\n\té😀x\ny"
	for _, c := range []struct {
		off  int
		line uint32
		char uint32
	}{
		{0, 0, 0}, {2, 0, 2}, {3, 1, 0}, {4, 1, 1}, {6, 1, 2}, {10, 1, 4}, {11, 1, 5}, {12, 2, 0}, {13, 2, 1},
	} {
		p := position(text, c.off)
		if p.Line != c.line || p.Character != c.char {
			t.Errorf("position(%d) = %d:%d, want %d:%d", c.off, p.Line, p.Character, c.line, c.char)
		}
		if back := offset(text, p); back != c.off {
			t.Errorf("offset(%d:%d) = %d, want %d", p.Line, p.Character, back, c.off)
		}
	}
	if got := offset(text, protocol.Position{Line: 0, Character: 99}); got != 2 {
		t.Errorf("past the line's end: offset %d, want 2 (the end of the line)", got)
	}
}
