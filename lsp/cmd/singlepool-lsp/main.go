// Command singlepool-lsp is singlepool's language server (stdio), which
// editors run beside gopls for Go files: diagnostics as you type, the
// suggested fix as a quick fix. `singlepool lsp` runs it.
//
// Flags are singlepool's (-allow, -singleton, -config, ...); without them
// the settings come from the nearest .singlepool.yml, re-read on each
// analysis.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

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
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "lsp" {
		args = args[1:]
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: singlepool lsp [singlepool flags] (speaks LSP on stdin and stdout)")
		os.Exit(2)
	}
	os.Exit(server.Serve(context.Background(), a, stdio{}))
}
