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
package main

import (
	"context"
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
	os.Exit(server.Proxy(context.Background(), a, stdio{}, cmd))
}
