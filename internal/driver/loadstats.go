package driver

import (
	"fmt"
	"io"
	"os"
	"sort"
	"time"
)

var statsOut io.Writer = os.Stderr // tests replace it

// printStats says how the program is loaded, for SINGLEPOOL_LOADSTATS=1
// (and, with =list, which dependencies come from source and why): what
// the standalone command costs over type-checking is mostly the
// dependencies it must type-check from source.
func (ld *loader) printStats(w io.Writer, list bool) {
	var roots, export, calls int
	var deps, demoted []*node
	for _, n := range ld.nodes {
		switch {
		case n.root:
			roots++
		case n.demoted:
			demoted = append(demoted, n)
		case !n.source:
			export++
		default:
			deps = append(deps, n)
			if n.why == "" {
				calls++
			}
		}
	}
	fmt.Fprintf(w, "singlepool: %d packages: %d matched; %d dependencies from source (%d may call a constructor, %d import a package loaded from source); %d from export data, %d of them above a package loaded from source (they name no function holding a fact)\n",
		len(ld.nodes), roots, len(deps), calls, len(deps)-calls, export+len(demoted), len(demoted))
	if !list {
		return
	}
	byID := func(ns []*node) {
		sort.Slice(ns, func(i, j int) bool { return ns[i].pkg.ID < ns[j].pkg.ID })
	}
	byID(deps)
	for _, n := range deps {
		if n.why == "" {
			fmt.Fprintf(w, "singlepool: from source: %s (names a constructor)\n", n.pkg.ID)
		} else {
			fmt.Fprintf(w, "singlepool: from source: %s (imports %s)\n", n.pkg.ID, n.why)
		}
	}
	byID(demoted)
	for _, n := range demoted {
		fmt.Fprintf(w, "singlepool: from export data: %s (imports %s, names no function holding a fact)\n", n.pkg.ID, n.why)
	}
}

// printTimes says, after loading, how long type-checking from source took:
// the matched packages (which any analyzer pays for) against the
// dependencies (singlepool's own price), and with list, per dependency.
func (ld *loader) printTimes(w io.Writer, list bool) {
	var roots, deps time.Duration
	var slow []*node
	for _, n := range ld.nodes {
		switch {
		case n.root:
			roots += n.checked
		case n.source:
			deps += n.checked
			slow = append(slow, n)
		}
	}
	fmt.Fprintf(w, "singlepool: type-checked from source in %v: matched packages %v, dependencies %v\n",
		(roots + deps).Round(time.Millisecond), roots.Round(time.Millisecond), deps.Round(time.Millisecond))
	if !list {
		return
	}
	sort.Slice(slow, func(i, j int) bool { return slow[i].checked > slow[j].checked })
	for _, n := range slow {
		fmt.Fprintf(w, "singlepool: type-checked %s in %v\n", n.pkg.ID, n.checked.Round(time.Millisecond))
	}
}
