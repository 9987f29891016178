// Command singlepool-lsp is singlepool's language server (stdio), which
// editors run beside gopls for Go files: diagnostics as you type, the
// suggested fix as a quick fix. `singlepool lsp` runs it.
//
// Flags are singlepool's (-allow, -singleton, -config, ...); without them
// the settings come from the nearest .singlepool.yml, re-read on each
// analysis.
//
// With -gopls=PATH it is the user's gopls too, for editors that run one
// language server per language: it starts that gopls (with the arguments
// after --) and forwards every message, adding singlepool's diagnostics
// and code actions to gopls' own.
//
//	singlepool lsp                       # beside gopls
//	singlepool lsp -gopls=gopls          # in place of gopls, running it
//	singlepool lsp -gopls=gopls -- -remote=auto
//
// A gopls command other than serve (`-- version -json`, `-- vulncheck
// ...`) is gopls' alone: it runs as if gopls had been called, so a wrapper
// script named gopls (`exec singlepool lsp -gopls=... -- "$@"`) can stand
// in for gopls where an editor also runs gopls' other commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/singlepool/singlepool/lsp/server"
	"github.com/singlepool/singlepool/passes/singlepool"
)

type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return nil }

// goplsCommands are gopls' commands (v0.23.0, internal/cmd) other than
// serve, which speaks LSP.
var goplsCommands = map[string]bool{
	"api-json": true, "call_hierarchy": true, "check": true, "codeaction": true,
	"codelens": true, "definition": true, "execute": true, "folding_ranges": true, "format": true,
	"help": true, "highlight": true, "implementation": true, "imports": true, "licenses": true,
	"links": true, "mcp": true, "prepare_rename": true, "references": true, "remote": true,
	"rename": true, "semtok": true, "signature": true, "stats": true, "symbols": true,
	"version": true, "vulncheck": true, "workspace_symbol": true,
}

// goplsCommand returns the gopls command args name, if it is not serve
// (given or implied): the first of gopls' command words before serve,
// skipping flags and their values.
func goplsCommand(args []string) string {
	for _, a := range args {
		if a == "serve" {
			return ""
		}
		if goplsCommands[a] {
			return a
		}
	}
	return ""
}

func main() {
	a := singlepool.Analyzer
	fs := flag.NewFlagSet("singlepool lsp", flag.ExitOnError)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	gopls := fs.String("gopls", "", "run this gopls (a path, or a name on PATH) behind singlepool, for editors that take one Go language server: its arguments follow --")
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "lsp" {
		args = args[1:]
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 && *gopls == "" {
		fmt.Fprintln(os.Stderr, "usage: singlepool lsp [singlepool flags] [-gopls=PATH [-- gopls arguments]] (speaks LSP on stdin and stdout)")
		os.Exit(2)
	}
	if *gopls == "" {
		os.Exit(server.Serve(context.Background(), a, stdio{}))
	}
	path, err := exec.LookPath(*gopls)
	if err != nil {
		fmt.Fprintf(os.Stderr, "singlepool lsp: -gopls=%s: %v\n", *gopls, err)
		os.Exit(2)
	}
	cmd := exec.Command(path, fs.Args()...)
	cmd.Stderr = os.Stderr // gopls' log, as the editor would show it
	if goplsCommand(fs.Args()) != "" {
		cmd.Stdin, cmd.Stdout = os.Stdin, os.Stdout
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			os.Exit(exit.ExitCode())
		case err != nil:
			fmt.Fprintf(os.Stderr, "singlepool lsp: -gopls=%s: %v\n", *gopls, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(server.Proxy(context.Background(), a, stdio{}, cmd))
}
