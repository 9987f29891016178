package driver

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis/checker"
)

// A proposal is a shared-args line for a constructor whose accessor's
// connection singlepool cannot read: pre-filled with what most of the
// sites waiting for it connect with, and how many of them it unlocks.
type proposal struct {
	Constructor string `json:"constructor"`
	Accessor    string `json:"accessor"`
	Line        string `json:"line"`  // as .singlepool.yml's shared-args lists it
	Sites       int    `json:"sites"` // the sites the line gives a fix
	Waiting     int    `json:"waiting"`
}

// proposals gathers the root packages' unread sites (a package and its
// test variant report a site twice) into one proposal per constructor.
func proposals(graph *checker.Graph) []proposal {
	type group struct {
		accessor string
		args     map[string]int
		waiting  int
	}
	groups := make(map[string]*group)
	seen := make(map[string]bool)
	for act := range graph.All() {
		res, ok := act.Result.(*singlepool.Result)
		if !act.IsRoot || act.Err != nil || !ok || res == nil {
			continue
		}
		for _, u := range res.Unread {
			key := act.Package.Fset.Position(u.Pos).String() + u.Constructor
			if seen[key] {
				continue
			}
			seen[key] = true
			g := groups[u.Constructor]
			if g == nil {
				g = &group{accessor: u.Accessor, args: make(map[string]int)}
				groups[u.Constructor] = g
			}
			g.waiting++
			if u.Args != "" {
				g.args[u.Args]++
			}
		}
	}
	var ps []proposal
	for _, ctor := range slices.Sorted(maps.Keys(groups)) {
		g := groups[ctor]
		p := proposal{Constructor: ctor, Accessor: g.accessor, Line: ctor + "=(...)", Waiting: g.waiting}
		// The arguments most sites use; of equals, the first in order.
		for _, args := range slices.Sorted(maps.Keys(g.args)) {
			if g.args[args] > p.Sites {
				p.Line, p.Sites = ctor+"="+args, g.args[args]
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// printProposals writes the proposals as the settings to paste.
func printProposals(w io.Writer, ps []proposal) {
	if len(ps) == 0 {
		return
	}
	fmt.Fprintln(w, "singlepool cannot read what these accessors connect to; if it is what their sites use, add to .singlepool.yml:")
	fmt.Fprintln(w, "shared-args:")
	for _, p := range ps {
		if p.Sites == 0 {
			fmt.Fprintf(w, "  # %s: its %d sites use values shared-args cannot state; write what %s connects with\n", p.Accessor, p.Waiting, p.Accessor)
		} else {
			fmt.Fprintf(w, "  # %s: gives a fix to %d of the %d sites waiting for it\n", p.Accessor, p.Sites, p.Waiting)
		}
		fmt.Fprintf(w, "  - %s\n", p.Line)
	}
}
