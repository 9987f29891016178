package server

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// position converts a byte offset in text to an LSP position in UTF-16
// code units, LSP's default encoding (and the only one every client
// speaks).
func position(text string, offset int) protocol.Position {
	offset = min(max(offset, 0), len(text))
	line, start := 0, 0
	for i := 0; i < offset; i++ {
		if text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	col := 0
	for _, r := range text[start:offset] {
		col += utf16.RuneLen(r)
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// offset converts an LSP position (UTF-16) in text to a byte offset; a
// position past a line's end is its end.
func offset(text string, p protocol.Position) int {
	i := 0
	for line := uint32(0); line < p.Line; line++ {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return len(text)
		}
		i += j + 1
	}
	for col := uint32(0); col < p.Character && i < len(text) && text[i] != '\n'; {
		r, size := utf8.DecodeRuneInString(text[i:])
		col += uint32(utf16.RuneLen(r))
		i += size
	}
	return i
}

func lspRange(text string, start, end int) protocol.Range {
	return protocol.Range{Start: position(text, start), End: position(text, end)}
}
