package driver

import (
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// FixSummary tells the user of `singlepool -fix` what the fixes will do,
// which singlechecker does not: how many findings have a fix and in how
// many files, and each finding left without one with its reason. It
// analyzes the packages once more with a fresh analyzer (so that the
// analyzer singlechecker then runs keeps its flags unparsed) and writes to
// w. It returns false, having written nothing, when args is not a -fix
// run it can analyze; a run that fails is left to singlechecker, which
// reports the failure. The Verdict says what the caller does next.
func FixSummary(w io.Writer, args []string) (ok bool, v Verdict) {
	rest, isFix := withoutFixFlags(args)
	if !isFix {
		return false, Verdict{}
	}
	a := singlepool.NewFlagAnalyzer()
	var opts options
	patterns, ok := parseArgs(newFlagSet(a, &opts, true), rest)
	if !ok || len(patterns) == 0 || opts.json {
		return false, Verdict{}
	}
	pkgs, err := loadFor(a, patterns, opts.tests)
	if err != nil {
		return false, Verdict{}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return false, Verdict{}
	}
	var fixed, total int
	files := make(map[string]bool)
	var left []string
	eachFinding(graph, func(_ string, pos token.Position, d analysis.Diagnostic) {
		if programWide(d) {
			return // about the program, not a site
		}
		total++
		if len(d.SuggestedFixes) > 0 {
			fixed++
			files[pos.Filename] = true
			return
		}
		reason, bad := noFixReason(d)
		switch bad {
		case badSettings:
			v.Stop = true
		case badAccessor:
			v.Partial = true
		}
		left = append(left, fmt.Sprintf("\t%s: %s", posn(pos), reason))
	})
	if total == 0 {
		return false, Verdict{}
	}
	slices.Sort(left)
	plural := "s"
	if len(files) == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "singlepool -fix: %d of %d findings have a fix, in %d file%s", fixed, total, len(files), plural)
	if len(left) == 0 {
		fmt.Fprintln(w, ".")
		return true, v
	}
	fmt.Fprintf(w, "; %d left without one:\n%s\n", len(left), strings.Join(left, "\n"))
	printProposals(w, proposals(graph))
	switch {
	case v.Stop:
		fmt.Fprintln(w, "singlepool -fix: the settings are wrong (see above): nothing was written")
	case v.Partial:
		fmt.Fprintln(w, "singlepool -fix: an accessor is wrong or cannot be read (see above): its constructor's sites are left as they are; the other fixes are written")
	}
	return true, v
}

// A Verdict is what a -fix run does after its summary: Stop, write
// nothing and fail (a settings file is wrong); Partial, write the fixes
// and fail (an accessor is missing or does not fit: only its
// constructor's sites, which have no fix, are left).
type Verdict struct {
	Stop, Partial bool
}

// withoutFixFlags returns args without -fix and -diff, and whether -fix
// was given (before the package patterns).
func withoutFixFlags(args []string) ([]string, bool) {
	var rest []string
	isFix := false
	for i, a := range args {
		if !strings.HasPrefix(a, "-") {
			return append(rest, args[i:]...), isFix
		}
		switch strings.TrimLeft(a, "-") {
		case "fix", "fix=true":
			isFix = true
			continue
		case "diff", "diff=true", "fix=false", "diff=false":
			continue
		}
		rest = append(rest, a)
	}
	return rest, isFix
}

// relPath shows name relative to the working directory when it is below it.
func relPath(name string) string {
	if wd, err := filepath.Abs("."); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}
