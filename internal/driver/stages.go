package driver

import (
	"go/types"
	"os"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Callers first: the dependencies that may call a constructor are loaded
// and analyzed before anything else, and a dependency that only imports
// one of them (directly or not) is read from export data unless it names
// a function or method that got a fact there, or the shared pool's
// accessor, or sits above a matched package (analyzed last).
//
// Such importers were most of the dependencies loaded from source on large
// modules (spire: 19 of 23, sigstore and cosign above a storage package
// that calls spanner.NewClient), and they only matter for their facts: a
// fact arises in a package that calls a constructor or a function holding
// a fact, which it can only do by naming it. Export data can refer to a
// package type-checked from source (the importer reuses the objects it
// finds in the package's scope), and the packages below an importer read
// from export data are given to the checker as direct imports of the
// packages above it, so that their facts (the sites max-pools adds up,
// the methods that build pools) still reach the matched packages.

// staging is what Load needs to analyze the constructor callers first.
type staging struct {
	// analyze runs the analyzer on packages loaded by Load (and their
	// source-loaded imports).
	analyze func(pkgs []*packages.Package) (*checker.Graph, error)
	// accessors returns the shared pool's accessors named by the
	// settings of the packages in dirs: calling one makes a fact too.
	accessors func(dirs []string) ([]singlepool.FuncName, error)
}

// stagingFor returns the staging that runs a.
func stagingFor(a *analysis.Analyzer) *staging {
	return &staging{
		analyze: func(pkgs []*packages.Package) (*checker.Graph, error) {
			return checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		},
		accessors: func(dirs []string) ([]singlepool.FuncName, error) {
			return singlepool.Accessors(a, dirs)
		},
	}
}

// callersFirst loads the constructor callers and what they need from
// source and analyzes them; then, layer by layer up the importers above
// them, it demotes to export data each importer that names no function
// holding a fact (in what is analyzed so far), and loads and analyzes the
// others, whose facts the next layer may name. It changes nothing when
// there is no such importer.
func (ld *loader) callersFirst(st *staging, dirs []string) error {
	// The callers and every source package under them come first.
	below := make(map[*node]bool)
	var mark func(n *node)
	mark = func(n *node) {
		if below[n] || !n.source {
			return
		}
		below[n] = true
		for _, imp := range n.pkg.Imports {
			mark(ld.nodes[imp])
		}
	}
	var callers []*node
	for _, n := range ld.nodes {
		if n.source && !n.root && n.why == "" {
			callers = append(callers, n)
			mark(n)
		}
	}
	// A matched package is analyzed last: what imports one (a test
	// variant's helper) may name its functions, so it stays on source,
	// and needs no analysis to tell (whatever imports it stays too).
	undecided := make(map[*node]bool)
	abovesRoot := make(map[*node]bool)
	for _, n := range ld.nodes {
		if n.source && !n.root && !below[n] && !ld.aboveRoot(n, abovesRoot) {
			undecided[n] = true
		}
	}
	if !worthStaging(below, undecided) {
		return nil
	}
	// What holds a fact, by package (functions are named through a direct
	// import, methods through any), starting with the accessors.
	accessors, err := st.accessors(dirs)
	if err != nil {
		return err
	}
	h := &heldNames{funcs: groupCtors(accessors), methods: make(map[string]*callables)}
	for path, c := range h.funcs {
		if len(c.methods) > 0 {
			h.methods[path] = c
		}
	}
	next := callers
	for {
		if len(next) > 0 {
			complete, err := ld.analyzeFirst(st, next, h)
			if err != nil {
				return err
			}
			if !complete {
				return nil // facts may be missing: keep every importer
			}
		}
		if len(undecided) == 0 {
			return nil
		}
		// The importers with nothing undecided below.
		blocked := make(map[*node]bool)
		var waits func(n *node) bool
		waits = func(n *node) bool {
			b, ok := blocked[n]
			if !ok {
				for _, imp := range n.pkg.Imports {
					m := ld.nodes[imp]
					if undecided[m] || m.source && waits(m) {
						b = true
						break
					}
				}
				blocked[n] = b
			}
			return b
		}
		var layer []*node
		for n := range undecided {
			if !waits(n) {
				layer = append(layer, n)
			}
		}
		if len(layer) == 0 {
			return nil // (impossible in an import DAG) keep the rest
		}
		next = nil
		for _, n := range layer {
			delete(undecided, n)
			if ld.names(n, h.funcs, h.methods) {
				next = append(next, n)
			} else {
				n.source = false
				n.demoted = true
			}
		}
	}
}

// aboveRoot reports whether n imports a matched package, directly or
// through packages loaded from source.
func (ld *loader) aboveRoot(n *node, memo map[*node]bool) bool {
	above, ok := memo[n]
	if !ok {
		memo[n] = false // (no cycles in Go; this only ends the walk)
		for _, imp := range n.pkg.Imports {
			m := ld.nodes[imp]
			if m.root || m.source && ld.aboveRoot(m, memo) {
				above = true
				break
			}
		}
		memo[n] = above
	}
	return above
}

// worthStaging reports whether the importers that may be read from export
// data outweigh, in source size, the packages analyzed first (then again
// with the rest): the stage costs their analysis twice, and the loading
// waits for them. Either way the findings are the same.
func worthStaging(first, importers map[*node]bool) bool {
	if len(importers) == 0 {
		return false
	}
	size := func(ns map[*node]bool) (total int64) {
		for n := range ns {
			for _, name := range n.pkg.CompiledGoFiles {
				if fi, err := os.Stat(name); err == nil {
					total += fi.Size()
				}
			}
		}
		return total
	}
	return size(importers) > size(first)
}

// heldNames are the names of what holds a fact, as ld.names takes them.
type heldNames struct {
	funcs, methods map[string]*callables
}

// analyzeFirst loads pkgs and what they need, analyzes them, and adds the
// names of what holds a fact to h. It returns false if the analysis failed
// somewhere, so that facts may be missing.
func (ld *loader) analyzeFirst(st *staging, pkgs []*node, h *heldNames) (bool, error) {
	var wg sync.WaitGroup
	for _, n := range pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ld.load(n)
		}()
	}
	wg.Wait()
	// The checker must see only what is loaded from source; the full
	// imports come back for the loading to follow (export data is read
	// along them).
	full := make(map[*node]map[string]*packages.Package)
	var prune func(n *node)
	prune = func(n *node) {
		if _, ok := full[n]; ok {
			return
		}
		full[n] = n.pkg.Imports
		ld.pruneImports(n)
		for _, imp := range n.pkg.Imports {
			prune(ld.nodes[imp])
		}
	}
	roots := make([]*packages.Package, len(pkgs))
	for i, n := range pkgs {
		prune(n)
		roots[i] = n.pkg
	}
	graph, err := st.analyze(roots)
	for n, imports := range full {
		n.pkg.Imports = imports
	}
	if err != nil {
		return false, err
	}
	for act := range graph.All() {
		if act.Err != nil {
			return false, nil
		}
		for _, f := range act.AllObjectFacts() {
			obj := f.Object
			if obj.Pkg() == nil {
				continue
			}
			path := obj.Pkg().Path()
			if h.funcs[path] == nil {
				h.funcs[path] = new(callables)
			}
			fn, ok := obj.(*types.Func)
			method := ok && fn.Signature().Recv() != nil
			h.funcs[path].add(obj.Name(), method)
			if method {
				h.methods[path] = h.funcs[path]
			}
		}
	}
	return true, nil
}

// pruneImports keeps in n's Imports only what the checker must analyze
// for n: its source-loaded imports, and for an import read from export
// data, the source-loaded packages nearest below it, whose facts the
// checker passes up only along Imports.
func (ld *loader) pruneImports(n *node) {
	kept := make(map[string]*packages.Package)
	seen := make(map[*node]bool)
	var walk func(m *node)
	walk = func(m *node) {
		for path, imp := range m.pkg.Imports {
			d := ld.nodes[imp]
			switch {
			case seen[d]:
			case d.source:
				seen[d] = true
				if m == n {
					kept[path] = imp
				} else if _, dup := kept[imp.ID]; !dup {
					kept[imp.ID] = imp
				}
			case d.demoted:
				// (Below any other export data package there is
				// nothing from source.)
				seen[d] = true
				walk(d)
			}
		}
	}
	walk(n)
	n.pkg.Imports = kept
}
