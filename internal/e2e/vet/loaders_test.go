package vet

import (
	"path/filepath"
	"testing"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// TestLoadersAgree runs the standalone command twice per command line: as
// shipped (internal/driver loads only constructor importers from source)
// and with SINGLEPOOL_LOAD=source (singlechecker, whole program from
// source). Output and exit code must be byte-identical: the cheaper
// loading must not lose a finding, a fact or an error.
func TestLoadersAgree(t *testing.T) {
	cases := []struct {
		module string
		args   [][]string
	}{
		{"detect", [][]string{
			{"./..."},
			{"-allow=example.com/app/internal/db", "./..."},
			{"-allow=example.com/app/internal/db", "-json", "./..."},
			// main calls its factories once (not reported): the budget
			// over the program is what reaches cmd through facts.
			{"-allow=example.com/app/internal/db", "-max-pools=1", "-c=1", "-test=false", "./cmd/..."},
			{"-max-pools=2", "./..."},
			{"./nosuchdir"},
		}},
		{"fixapp", [][]string{
			{"./..."},
			{"-json", "./..."},
		}},
		// Only the standard library: wrappers across packages (one
		// imported under another name, one calling a method constructor
		// on a value from a package it does not import), constructors
		// named in .singlepool.yml, a package that does not type-check,
		// a package under an invalid settings file, an external test.
		{"../../../driver/testdata/app", [][]string{
			{"./..."},
			{"-test=false", "./..."},
			{"-json", "./user", "./mid"},
			{"-allow=example.com/app/...", "./..."},
			{"user/user.go"}, // a file list: package command-line-arguments
			// Dependencies behind the named packages: which are read from
			// source decides which facts exist.
			{"./usevia", "./usealias", "./user", "./mid"},
			{"-json", "./usevia", "./usealias"},
			// An invalid settings file below badcfg: bad-config there,
			// the module's settings everywhere else.
			{"./badcfg", "./user"},
			// Importers of a constructor caller: quiet is read from
			// export data (it names nothing holding a fact), loud and
			// above from source; store's method facts and sites reach
			// stagedmain past quiet.
			{"./staged", "./cmd/stagedmain"},
			{"-max-pools=1", "-json", "./staged", "./cmd/stagedmain"},
			// A dependency that wraps the shared pool's accessor (which
			// holds no fact) stays on source: its wrapper gets one.
			{"./shared/app"},
			// A constructor caller that does not type-check: its
			// analysis fails, so brokenquiet above it stays on source.
			{"./brokenroot"},
		}},
	}
	for _, c := range cases {
		bin, dir := setup(t, c.module)
		for _, args := range c.args {
			t.Run(filepath.Base(c.module), func(t *testing.T) {
				fast := e2eutil.Run(t, dir, goEnv, bin, args...)
				full := e2eutil.Run(t, dir, append(goEnv, "SINGLEPOOL_LOAD=source"), bin, args...)
				if fast.Code != full.Code || fast.Stdout != full.Stdout || fast.Stderr != full.Stderr {
					t.Errorf("%v: the loaders disagree\n-- fast: exit %d\n%s%s\n-- whole program from source: exit %d\n%s%s",
						args, fast.Code, fast.Stdout, fast.Stderr, full.Code, full.Stdout, full.Stderr)
				}
				if fast.Stdout == "" && fast.Stderr == "" {
					t.Errorf("%v: no output at all; the comparison is vacuous", args)
				}
			})
		}
	}
}
