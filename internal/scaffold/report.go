package scaffold

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/singlepool/singlepool/internal/driver"
	"github.com/singlepool/singlepool/passes/singlepool"
)

// settingsText is the .singlepool.yml -init writes: the shared package
// allowed, each constructor mapped to its accessor, and the connection
// budget the sizes were computed from.
func settingsText(importPath string, accs []accessor, b singlepool.Budget) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, `# singlepool settings, written by singlepool -init with %s.
# Only that package may build a pool or client; singlepool -fix calls its
# accessors instead of each constructor (docs/adoption.md).
allow:
  - %s
singleton:
`, importPath, importPath)
	for _, a := range accs {
		for _, ctor := range a.ctors {
			fmt.Fprintf(&out, "  - %s=%s.%s\n", ctor, importPath, a.name)
		}
	}
	if len(b.MaxConns) > 0 {
		out.WriteString("# The servers' connection limits the program is checked against.\nmax-conns:\n")
		for _, m := range b.MaxConns {
			fmt.Fprintf(&out, "  - %q\n", m)
		}
	}
	if b.Given > 0 {
		fmt.Fprintf(&out, "replicas: %d\n", b.Given)
	}
	return out.Bytes()
}

// A fixOutcome is what the next -fix does with a site: fix it, or why not.
type fixOutcome struct {
	fixed  bool
	reason string
}

// fixesAfter analyzes the packages again, with the settings -init wrote
// (discovered as a plain run would), and says what -fix will do at each
// site, by position.
func fixesAfter(args []string) (map[string]fixOutcome, error) {
	a := singlepool.NewFlagAnalyzer()
	graph, err := driver.Analyze(a, args)
	if err != nil {
		return nil, fmt.Errorf("analyzing again with the written settings: %v", err)
	}
	out := make(map[string]fixOutcome)
	for act := range graph.All() {
		if !act.IsRoot || act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			if !siteRules[d.Category] {
				continue // about the pool's size or the program, not the site
			}
			pos := act.Package.Fset.Position(d.Pos)
			posn := fmt.Sprintf("%s:%d:%d", relPath(pos.Filename), pos.Line, pos.Column)
			o := fixOutcome{fixed: len(d.SuggestedFixes) > 0}
			if _, r, ok := strings.Cut(d.Message, "(no suggested fix: "); ok {
				o.reason = strings.TrimSuffix(r, ")")
			} else if !o.fixed {
				o.reason = d.Message
			}
			if prev, ok := out[posn]; !ok || !prev.fixed && o.fixed {
				out[posn] = o
			}
		}
	}
	return out, nil
}

// siteRules are the rules whose diagnostic -fix may fix by calling an
// accessor.
var siteRules = map[string]bool{"new-pool": true, "new-conn": true, "pool-per-request": true, "pool-per-iteration": true}

type reportData struct {
	importPath, pkgName string
	accessors           []accessor
	left                []leftSite
	notes               []string
	fixes               map[string]fixOutcome
	mains               []string
	args                []string
}

// report prints what -init wrote, which sites each accessor takes, what
// it left and why, and what is left to the user.
func report(w io.Writer, r reportData) {
	total, fixed := 0, 0
	for _, a := range r.accessors {
		var sites []siteRef
		for _, ctor := range a.ctors {
			sites = append(sites, a.db.ctors[ctor]...)
		}
		n := 0
		var withheld []string
		for _, s := range sites {
			if o := r.fixes[s.Posn]; o.fixed {
				n++
			} else {
				why := o.reason
				if why == "" {
					why = "not reported again"
				}
				withheld = append(withheld, fmt.Sprintf("      %s: %s", s.Posn, why))
			}
		}
		total += len(sites)
		fixed += n
		names := make([]string, len(a.ctors))
		for i, c := range a.ctors {
			names[i] = short(c)
		}
		fmt.Fprintf(w, "  %s.%s replaces %s: %s, %d with a fix\n", r.pkgName, a.name, strings.Join(names, ", "), plural(len(sites), "site"), n)
		for _, l := range withheld {
			fmt.Fprintln(w, l)
		}
	}
	if len(r.left) > 0 {
		fmt.Fprintf(w, "left alone (%s): they keep their own pool; review each, or accept it with //nolint:singlepool // reason\n", plural(len(r.left), "site"))
		printLeft(w, r.left)
	}
	for _, n := range r.notes {
		fmt.Fprintln(w, "note:", n)
	}
	fmt.Fprintln(w, "next:")
	fmt.Fprintf(w, "  1. singlepool -fix %s   (%d of %d sites get the shared pool)\n", strings.Join(patternsOf(r.args), " "), fixed, total)
	switch len(r.mains) {
	case 0:
		fmt.Fprintf(w, "  2. call %s.Close() at shutdown, in the program's main, after the last request\n", r.pkgName)
	default:
		fmt.Fprintf(w, "  2. call %s.Close() at shutdown, after the last request, in: %s\n", r.pkgName, strings.Join(shortPaths(r.mains), ", "))
	}
}

// printLeft lists the sites left alone, with why.
func printLeft(w io.Writer, left []leftSite) {
	for _, l := range left {
		fmt.Fprintf(w, "    %s: %s: %s\n", l.Posn, short(l.Constructor), l.why)
	}
}

// shortPaths shows import paths by their last elements, as users call
// their main packages (cmd/server).
func shortPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		dir, base := path.Split(p)
		if parent := path.Base(strings.TrimSuffix(dir, "/")); parent != "." && parent != "" {
			base = parent + "/" + base
		}
		out[i] = base + " (" + p + ")"
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
