// Package driver runs singlepool from the command line over packages it
// loads itself: the named packages, the dependencies that can call a
// constructor, and those of their importers that name a function holding
// a fact, from source; every other dependency from export data (see Load). singlechecker would type-check the whole
// program from source, because singlepool uses facts; on a large module
// that costs several times what the analysis does.
//
// It handles the common invocation (analyzer flags, -json, -c, -test,
// -cpuprofile, -memprofile, -summary and package patterns) and leaves everything else (-fix,
// -diff, -flags, -V, the other profiling flags, go vet's unit runs, usage
// errors) to singlechecker, which parses the command line again.
// SINGLEPOOL_LOAD=source makes it step aside for every invocation, to
// compare the two.
package driver

import (
	"errors"
	"flag"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Run analyzes the packages args name with a (made by package singlepool),
// prints what singlechecker would print and returns its exit code: 0 clean,
// 1 errors, 3 diagnostics. It returns ok == false, having printed nothing,
// when the invocation is one for singlechecker, before touching a's flags.
func Run(a *analysis.Analyzer, args []string) (exitcode int, ok bool) {
	if os.Getenv("SINGLEPOOL_LOAD") == "source" {
		return 0, false
	}
	var probe options
	patterns, ok := parseArgs(newFlagSet(a, &probe, false), args)
	if !ok || len(patterns) == 0 {
		return 0, false
	}
	var opts options
	if _, ok := parseArgs(newFlagSet(a, &opts, true), args); !ok {
		return 0, false
	}
	log.SetFlags(0)
	log.SetPrefix(a.Name + ": ")
	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			log.Print(err)
			return 1, true
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Print(err)
			return 1, true
		}
		defer pprof.StopCPUProfile()
	}

	// (Invalid settings given as flags were rejected above; an invalid
	// settings file is reported by the analyzer in the packages it covers.)
	pkgs, err := loadFor(a, patterns, opts.tests)
	if err != nil {
		log.Print(err)
		return 1, true
	}
	if packages.PrintErrors(pkgs) > 0 {
		exitcode = 1
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		log.Print(err)
		return 1, true
	}
	exitcode = max(exitcode, printDiagnostics(graph, opts))
	if opts.summary {
		if err := printOverview(os.Stdout, summarize(graph), opts.json); err != nil {
			log.Print(err)
			return 1, true
		}
	}
	if opts.memprofile != "" {
		// As singlechecker does, at the end; the graph (syntax, types,
		// facts) is still live, which is what the profile is for.
		if err := writeHeapProfile(opts.memprofile); err != nil {
			log.Print(err)
			return 1, true
		}
		runtime.KeepAlive(graph)
	}
	return exitcode, true
}

// loadFor loads the packages patterns name for the analysis by a (see
// Load); no package at all is an error.
func loadFor(a *analysis.Analyzer, patterns []string, tests bool) ([]*packages.Package, error) {
	pkgs, err := Load(patterns, tests, ctorsFor(a), stagingFor(a))
	if err == nil && len(pkgs) == 0 {
		err = errors.New(strings.Join(patterns, " ") + " matched no packages")
	}
	return pkgs, err
}

// ctorsFor is Load's constructors callback for a.
func ctorsFor(a *analysis.Analyzer) func(dirs []string) ([]singlepool.FuncName, error) {
	return func(dirs []string) ([]singlepool.FuncName, error) { return singlepool.Constructors(a, dirs) }
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printDiagnostics prints as singlechecker does (x/tools'
// internal/checker.printDiagnostics) and returns the exit code.
func printDiagnostics(graph *checker.Graph, opts options) int {
	if opts.json {
		if err := graph.PrintJSON(os.Stdout); err != nil {
			return 1
		}
		return 0
	}
	if err := graph.PrintText(os.Stderr, opts.context); err != nil {
		return 1
	}
	var numErrors, rootDiags int
	for act := range graph.All() {
		if act.Err != nil {
			numErrors++
		} else if act.IsRoot {
			rootDiags += len(act.Diagnostics)
		}
	}
	switch {
	case numErrors > 0:
		return 1
	case rootDiags > 0:
		return 3
	}
	return 0
}

// options are the driver flags Run understands, with singlechecker's
// defaults.
type options struct {
	json       bool
	context    int
	tests      bool
	cpuprofile string
	memprofile string
	summary    bool
}

// newFlagSet returns a flag set with the driver flags Run understands and
// a's flags: the real ones if set is true, else stand-ins that only check
// the values, so that a command line Run leaves to singlechecker has not
// touched a's settings.
func newFlagSet(a *analysis.Analyzer, o *options, set bool) *flag.FlagSet {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.json, "json", false, "")
	fs.IntVar(&o.context, "c", -1, "")
	fs.BoolVar(&o.tests, "test", true, "")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "")
	fs.StringVar(&o.memprofile, "memprofile", "", "")
	fs.BoolVar(&o.summary, "summary", false, "")
	a.Flags.VisitAll(func(f *flag.Flag) {
		if set {
			fs.Var(f.Value, f.Name, f.Usage)
			return
		}
		b, _ := f.Value.(interface{ IsBoolFlag() bool })
		fs.Var(standIn{name: f.Name, bool: b != nil && b.IsBoolFlag()}, f.Name, "")
	})
	return fs
}

// parseArgs parses args and returns the package patterns; ok is false if
// args has a flag fs does not know or a bad value.
func parseArgs(fs *flag.FlagSet, args []string) (patterns []string, ok bool) {
	if err := fs.Parse(args); err != nil {
		return nil, false
	}
	return fs.Args(), true
}

// A standIn checks a value for one of the analyzer's flags without
// setting it.
type standIn struct {
	name string
	bool bool
}

func (f standIn) String() string   { return "" }
func (f standIn) IsBoolFlag() bool { return f.bool }
func (f standIn) Set(v string) error {
	return singlepool.ValidateFlag(f.name, v)
}
