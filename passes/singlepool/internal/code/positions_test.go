package code

import (
	"testing"
)

func TestPathDir(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"github.com/pressly/goose/v3", "goose"},
		{"github.com/pressly/goose/v3/database", "database"},
		{"example.com/app/internal/users", "users"},
		{"example.com/app/v2x", "v2x"},
		{"example.com/app/v", "v"},
		{"v2", "v2"},
		{"fixnone", "fixnone"},
	} {
		if got := PathDir(c.path); got != c.want {
			t.Errorf("pathDir(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}
