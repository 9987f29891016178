package driver

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Analyze loads the packages that args name (a's flags, then package
// patterns) as Run does and analyzes them with a, for a command built on
// the analysis (singlepool -init). Packages that do not load or
// type-check are an error naming them.
func Analyze(a *analysis.Analyzer, args []string) (*checker.Graph, error) {
	var opts options
	fs := newFlagSet(a, &opts, true)
	patterns, ok := parseArgs(fs, args)
	if !ok {
		// Parse again for the flag package's own words.
		return nil, fs.Parse(args)
	}
	if len(patterns) == 0 {
		return nil, errors.New("no package patterns given (for example ./...)")
	}
	pkgs, err := loadFor(a, patterns, opts.tests)
	if err != nil {
		return nil, err
	}
	var bad []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			bad = append(bad, e.Error())
		}
	})
	if len(bad) > 0 {
		if len(bad) > 5 {
			bad = append(bad[:5], fmt.Sprintf("and %d more", len(bad)-5))
		}
		return nil, errors.New("the packages do not load or type-check (singlepool -init needs them to):\n\t" + strings.Join(bad, "\n\t"))
	}
	return checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
}
