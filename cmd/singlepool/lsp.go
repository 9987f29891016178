package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// lspServer is the language server's command: a module of its own
// (lsp/), so that its LSP library is not a requirement of the analyzer's
// module, which golangci-lint and gopls builds inherit.
const lspServer = "singlepool-lsp"

// runLSP runs `singlepool lsp [flags]`: singlepool-lsp, found beside this
// executable or on PATH, with the same arguments and stdio.
func runLSP(args []string) int {
	bin, err := findLSP()
	if err != nil {
		fmt.Fprintf(os.Stderr, "singlepool lsp: %v; build it in a clone of singlepool with make build, which puts it in bin/ beside singlepool\n", err)
		return 2
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		fmt.Fprintf(os.Stderr, "singlepool lsp: running %s: %v\n", bin, err)
		return 1
	}
	return 0
}

func findLSP() (string, error) {
	if exe, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(exe), lspServer)
		if fi, err := os.Stat(beside); err == nil && !fi.IsDir() {
			return beside, nil
		}
	}
	bin, err := exec.LookPath(lspServer)
	if err != nil {
		return "", errors.New(lspServer + " is neither beside singlepool nor on PATH")
	}
	return bin, nil
}
