// Command singlepool reports database pool and client constructors used
// outside the package that owns the shared pool.
//
// Standalone:
//
//	singlepool -allow=example.com/app/internal/db ./...
//
// Starting from scratch, write the shared package and .singlepool.yml:
//
//	singlepool -init=example.com/app/internal/db ./...
//
// In an editor, beside gopls (speaks LSP on stdin and stdout):
//
//	singlepool lsp
//
// Under go vet:
//
//	go vet -vettool=$(command -v singlepool) -allow=example.com/app/internal/db ./...
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/singlepool/singlepool/internal/driver"
	"github.com/singlepool/singlepool/internal/scaffold"
	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		// go vet asks for the tool's version to key its result cache.
		os.Exit(printVersion(os.Stdout))
	}
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		// The language server, for editors, beside gopls.
		os.Exit(runLSP(os.Args[2:]))
	}
	if path, rest, ok := scaffold.Args(os.Args[1:]); ok && !isVetRun(os.Args[1:]) {
		// -init=IMPORTPATH: write the shared package and the settings.
		os.Exit(scaffold.Run(os.Stderr, path, rest))
	}
	if isVetRun(os.Args[1:]) {
		checkVetFlags(os.Args[1 : len(os.Args)-1])
	} else if code, ok := driver.Run(singlepool.Analyzer, os.Args[1:]); ok {
		// The common standalone run, loading only what facts need
		// from source.
		os.Exit(code)
	} else if os.Getenv(fixOnlyEnv) == "" {
		// -fix: say what will be fixed and what will not, then let
		// singlechecker apply the fixes. With a wrong settings file,
		// write nothing; with a wrong accessor, write the other
		// constructors' fixes (its own sites have none) and fail.
		_, v := driver.FixSummary(os.Stderr, os.Args[1:])
		switch {
		case v.Stop:
			os.Exit(1)
		case v.Partial:
			os.Exit(max(fixOnly(), 1))
		}
	}
	singlechecker.Main(singlepool.Analyzer)
}

// fixOnlyEnv, set, makes a -fix run apply the fixes without a summary.
const fixOnlyEnv = "SINGLEPOOL_FIX_ONLY"

// fixOnly applies the fixes in a child run of this command (singlechecker
// exits by itself, and a run with a wrong accessor must still fail) and
// returns its exit code.
func fixOnly() int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "singlepool -fix:", err)
		return 1
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(os.Environ(), fixOnlyEnv+"=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "singlepool -fix:", err)
		return 1
	}
	return 0
}

// isVetRun reports whether go vet started the tool: its last argument is
// the package's vet configuration file.
func isVetRun(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// checkVetFlags rejects a bad singlepool flag value with one line. go vet
// starts the tool once per package, dependencies included; the flag
// package's own handling would print the whole usage text every time.
func checkVetFlags(args []string) {
	for _, a := range args {
		name, value, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !ok || singlepool.Analyzer.Flags.Lookup(name) == nil {
			continue
		}
		if err := singlepool.ValidateFlag(name, value); err != nil {
			fmt.Fprintf(os.Stderr, "singlepool: invalid value %q for flag -%s: %v\n", value, name, err)
			os.Exit(2)
		}
	}
}
