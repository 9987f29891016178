package main

import (
	"strings"
	"testing"
)

// TestGoplsCommand: serving LSP (no command, serve, flags with values)
// goes through singlepool; gopls' other commands are gopls' alone.
func TestGoplsCommand(t *testing.T) {
	for _, c := range []struct {
		args string
		want string
	}{
		{"", ""},
		{"-mode=stdio", ""},
		{"-remote=auto -logfile /tmp/log", ""},
		{"serve -rpc.trace", ""},
		{"serve version", ""},
		{"version -json", "version"},
		{"-logfile /tmp/log version", "version"},
		{"vulncheck -- -mode=convert -show=color", "vulncheck"},
		{"check main.go", "check"},
	} {
		if got := goplsCommand(strings.Fields(c.args)); got != c.want {
			t.Errorf("goplsCommand(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
