package driver

import (
	"go/types"
	"sync"

	"github.com/singlepool/singlepool/passes/singlepool"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Callers first: the dependencies that may call a constructor are loaded
// and analyzed before anything else, and a dependency that only imports
// one of them (directly or not) is read from export data unless it names
// a function or method that got a fact there.
//
// Such importers are most of the dependencies loaded from source on a
// large module (spire: cosign and its neighbours above a storage package
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
// source, analyzes them, and demotes to export data each importer above
// them that names no function holding a fact (nor imports an importer that
// stays). It changes nothing when there is no such importer.
func (ld *loader) callersFirst(st *staging, dirs []string) error {
	// below: the callers and every source package under them, which are
	// loaded in this stage.
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
	var callers []*packages.Package
	for _, n := range ld.nodes {
		if n.source && !n.root && n.why == "" {
			callers = append(callers, n.pkg)
			mark(n)
		}
	}
	importers := 0
	for _, n := range ld.nodes {
		if n.source && !n.root && !below[n] {
			importers++
		}
	}
	if importers == 0 {
		return nil
	}
	var wg sync.WaitGroup
	for _, p := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ld.load(ld.nodes[p])
		}()
	}
	wg.Wait()
	// The checker must see only these packages; the full imports come
	// back for the loading to follow (export data is read along them).
	full := make(map[*node]map[string]*packages.Package, len(below))
	for n := range below {
		full[n] = n.pkg.Imports
		ld.pruneImports(n)
	}
	graph, err := st.analyze(callers)
	for n, imports := range full {
		n.pkg.Imports = imports
	}
	if err != nil {
		return err
	}
	// What holds a fact, by package (functions are named through a direct
	// import, methods through any), and the accessors.
	accessors, err := st.accessors(dirs)
	if err != nil {
		return err
	}
	held := groupCtors(accessors)
	methods := make(map[string]*callables)
	for path, c := range held {
		if len(c.methods) > 0 {
			methods[path] = c
		}
	}
	for act := range graph.All() {
		if act.Err != nil {
			return nil // facts may be missing: keep every importer
		}
		for _, f := range act.AllObjectFacts() {
			obj := f.Object
			if obj.Pkg() == nil {
				continue
			}
			path := obj.Pkg().Path()
			if held[path] == nil {
				held[path] = new(callables)
			}
			fn, ok := obj.(*types.Func)
			method := ok && fn.Signature().Recv() != nil
			held[path].add(obj.Name(), method)
			if method {
				methods[path] = held[path]
			}
		}
	}
	keep := make(map[*node]bool)
	done := make(map[*node]bool)
	var stays func(n *node) bool
	stays = func(n *node) bool {
		if done[n] {
			return keep[n]
		}
		done[n] = true
		// An importer that stays may get facts not known yet: whatever
		// imports it stays too.
		for _, imp := range n.pkg.Imports {
			m := ld.nodes[imp]
			if m.source && !m.root && !below[m] && stays(m) {
				keep[n] = true
			}
		}
		if !keep[n] {
			keep[n] = ld.names(n, held, methods)
		}
		return keep[n]
	}
	for _, n := range ld.nodes {
		if n.source && !n.root && !below[n] && !stays(n) {
			n.source = false
			n.demoted = true
		}
	}
	return nil
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
