package scaffold

import (
	"slices"
	"testing"
)

func TestArgs(t *testing.T) {
	for _, c := range []struct {
		args []string
		path string
		rest []string
		ok   bool
	}{
		{[]string{"-init=example.com/a/db", "./..."}, "example.com/a/db", []string{"./..."}, true},
		{[]string{"-max-conns=100", "--init", "example.com/a/db", "./..."}, "example.com/a/db", []string{"-max-conns=100", "./..."}, true},
		{[]string{"-fix", "./..."}, "", []string{"-fix", "./..."}, false},
		// After the patterns it is a pattern, not the flag.
		{[]string{"./...", "-init=x"}, "", []string{"./...", "-init=x"}, false},
	} {
		path, rest, ok := Args(c.args)
		if path != c.path || ok != c.ok || !slices.Equal(rest, c.rest) {
			t.Errorf("Args(%q) = %q, %q, %v; want %q, %q, %v", c.args, path, rest, ok, c.path, c.rest, c.ok)
		}
	}
}

func TestTarget(t *testing.T) {
	mod := goModule{Path: "example.com/app", Dir: "/src/app"}
	for _, c := range []struct {
		path, dir, name string
		bad             bool
	}{
		{"example.com/app/internal/db", "/src/app/internal/db", "db", false},
		{"example.com/app/shared-pool", "/src/app/shared-pool", "sharedpool", false},
		{"example.com/app", "", "", true},      // the module's root package is its own code
		{"example.com/other/db", "", "", true}, // outside the module
		{"example.com/app/internal/9", "", "", true},
		{"example.com/app/internal/type", "", "", true},
		{"", "", "", true},
	} {
		dir, name, err := target(mod, c.path)
		if (err != nil) != c.bad || dir != c.dir || name != c.name {
			t.Errorf("target(%q) = %q, %q, %v; want %q, %q, error %v", c.path, dir, name, err, c.dir, c.name, c.bad)
		}
	}
}
