package driver

import (
	"fmt"
	"io"
	"os"
	"sort"
)

var statsOut io.Writer = os.Stderr // tests replace it

// printStats says how the program is loaded, for SINGLEPOOL_LOADSTATS=1
// (and, with =list, which dependencies come from source and why): what
// the standalone command costs over type-checking is mostly the
// dependencies it must type-check from source.
func (ld *loader) printStats(w io.Writer, list bool) {
	var roots, export, calls int
	var deps []*node
	for _, n := range ld.nodes {
		switch {
		case n.root:
			roots++
		case !n.source:
			export++
		default:
			deps = append(deps, n)
			if n.why == "" {
				calls++
			}
		}
	}
	fmt.Fprintf(w, "singlepool: %d packages: %d matched; %d dependencies from source (%d may call a constructor, %d import a package loaded from source); %d from export data\n",
		len(ld.nodes), roots, len(deps), calls, len(deps)-calls, export)
	if !list {
		return
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].pkg.ID < deps[j].pkg.ID })
	for _, n := range deps {
		if n.why == "" {
			fmt.Fprintf(w, "singlepool: from source: %s (names a constructor)\n", n.pkg.ID)
		} else {
			fmt.Fprintf(w, "singlepool: from source: %s (imports %s)\n", n.pkg.ID, n.why)
		}
	}
}
