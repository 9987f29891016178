package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// An overview is what -summary prints for the person adopting singlepool:
// per rule, how many findings and how many have a fix; each finding left
// without one and why; and the programs over max-pools or max-conns, with
// their pools and connections.
type overview struct {
	Findings int          `json:"findings"`
	Fixable  int          `json:"fixable"`
	Rules    []ruleCount  `json:"rules"`
	Unfixed  []unfixed    `json:"unfixed"`
	Programs []programMsg `json:"programs,omitempty"`
	// SharedArgs proposes the lines that unlock the sites waiting for
	// an accessor whose connection singlepool cannot read.
	SharedArgs []proposal `json:"shared_args,omitempty"`
}

type ruleCount struct {
	Rule     string `json:"rule"`
	Findings int    `json:"findings"`
	Fixable  int    `json:"fixable"`
}

type unfixed struct {
	Posn   string `json:"posn"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

type programMsg struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

// summarize gathers the overview of the root packages' diagnostics.
func summarize(graph *checker.Graph) overview {
	var o overview
	rules := make(map[string]*ruleCount)
	eachFinding(graph, func(pkgPath string, pos token.Position, d analysis.Diagnostic) {
		if programWide(d) {
			o.Programs = append(o.Programs, programMsg{Package: pkgPath, Message: d.Message})
			return
		}
		rc := rules[d.Category]
		if rc == nil {
			rc = &ruleCount{Rule: d.Category}
			rules[d.Category] = rc
		}
		rc.Findings++
		o.Findings++
		if len(d.SuggestedFixes) > 0 {
			rc.Fixable++
			o.Fixable++
			return
		}
		reason, _ := noFixReason(d)
		o.Unfixed = append(o.Unfixed, unfixed{Posn: posn(pos), Rule: d.Category, Reason: reason})
	})
	for _, rc := range rules {
		o.Rules = append(o.Rules, *rc)
	}
	slices.SortFunc(o.Rules, func(a, b ruleCount) int { return strings.Compare(a.Rule, b.Rule) })
	slices.SortFunc(o.Unfixed, func(a, b unfixed) int { return strings.Compare(a.Rule+a.Posn, b.Rule+b.Posn) })
	slices.SortFunc(o.Programs, func(a, b programMsg) int { return strings.Compare(a.Package+a.Message, b.Package+b.Message) })
	o.SharedArgs = proposals(graph)
	return o
}

// eachFinding calls f once per distinct diagnostic of the root packages: a
// package and its test variant report a site twice.
func eachFinding(graph *checker.Graph, f func(pkgPath string, pos token.Position, d analysis.Diagnostic)) {
	seen := make(map[string]bool)
	for act := range graph.All() {
		if !act.IsRoot || act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			if key := pos.String() + d.Message; !seen[key] {
				seen[key] = true
				f(act.Package.PkgPath, pos, d)
			}
		}
	}
}

// programWide reports whether d is about a program (on its package
// clause), not a site.
func programWide(d analysis.Diagnostic) bool {
	return d.Category == "max-pools" || d.Category == "max-conns"
}

// What is wrong in the settings when a finding has no fix.
const (
	settingsFine = iota
	badSettings  // a settings file
	badAccessor  // an accessor, missing, misfit or unread: its constructor alone
)

// noFixReason says why a finding has no fix, in the user's words, and
// whether that is because the settings are wrong.
func noFixReason(d analysis.Diagnostic) (reason string, bad int) {
	switch _, r, cut := strings.Cut(d.Message, "(no suggested fix: "); {
	case d.Category == "bad-config":
		return d.Message, badSettings
	case d.Category == "bad-accessor":
		return d.Message, badAccessor
	case cut:
		reason = strings.TrimSuffix(r, ")")
		// A missing or misfit accessor, seen from a site.
		if strings.HasPrefix(reason, "accessor ") {
			return reason, badAccessor
		}
		return reason, settingsFine
	case d.Category == "pool-factory" || factoryCall.MatchString(d.Message):
		return "a call of a function that builds a pool: fix the construction site it names", settingsFine
	case d.Category == "close-shared" || d.Category == "nolint" || d.Category == "unbounded-pool":
		return d.Message, settingsFine
	}
	return "no accessor is configured for its constructor (singleton)", settingsFine
}

// factoryCall matches the message of a call of a factory or helper,
// which names the construction site: "(sqlx.Connect at dbutil/dbutil.go:16)".
var factoryCall = regexp.MustCompile(`\(\S+ at \S+\.go:\d+\)`)

func posn(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d", relPath(p.Filename), p.Line, p.Column)
}

// printOverview writes the overview as text, or as one JSON object
// {"summary": ...} after the diagnostics' JSON.
func printOverview(w io.Writer, o overview, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(w).Encode(struct {
			Summary overview `json:"summary"`
		}{o})
	}
	fmt.Fprintf(w, "singlepool summary: %d findings, %d with a fix (apply them with singlepool -fix or go fix -fixtool)\n", o.Findings, o.Fixable)
	for _, rc := range o.Rules {
		fmt.Fprintf(w, "  %-20s %4d findings, %4d with a fix\n", rc.Rule, rc.Findings, rc.Fixable)
	}
	if len(o.Unfixed) > 0 {
		fmt.Fprintf(w, "without a fix (%d): review each; accept one with //nolint:singlepool // reason\n", len(o.Unfixed))
		rule := ""
		for _, u := range o.Unfixed {
			if u.Rule != rule {
				rule = u.Rule
				fmt.Fprintf(w, "  %s:\n", rule)
			}
			fmt.Fprintf(w, "    %s: %s\n", u.Posn, u.Reason)
		}
	}
	printProposals(w, o.SharedArgs)
	if len(o.Programs) > 0 {
		fmt.Fprintln(w, "programs over max-pools or max-conns:")
		for _, p := range o.Programs {
			fmt.Fprintf(w, "  %s: %s\n", p.Package, p.Message)
		}
	}
	_, err := fmt.Fprint(w)
	return err
}
