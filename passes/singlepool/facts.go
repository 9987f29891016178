package singlepool

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"golang.org/x/tools/go/analysis"
)

// A factoryFact marks a function or method that creates a new pool on
// every call: it returns the pool, or stores it in its receiver or a
// global. Wrappers of factories are factories too.
//
// A helper (Helper) opens a pool on every call but keeps it: it closes it
// before returning (Closes), or drops it. Its calls are reported like a
// factory's; its result is not the pool.
type factoryFact struct {
	Ctor   string // canonical key of the underlying constructor
	Via    string // "pgxpool.New at store/store.go:12"
	Helper bool
	Closes bool
}

func (*factoryFact) AFact() {}

func (f *factoryFact) String() string {
	switch {
	case f.Closes:
		return "opens-closes(" + f.Via + ")"
	case f.Helper:
		return "helper(" + f.Via + ")"
	}
	return "factory(" + f.Via + ")"
}

// A packageFact summarizes a package for its importers: whether it
// declares factories, and its construction sites, which a main package
// adds up for max-pools. Sites, not syntax, to keep facts small.
//
// Deps carries the sites of the package's dependencies, all the way down:
// go vet gives a package the facts of the packages its own export data
// mentions, and a dependency that opens a pool in a function body only (a
// filer store behind a registry) is not among them.
type packageFact struct {
	Factories bool
	Shares    bool // declares functions that return the shared pool
	Sites     []poolSite
	Deps      []poolSite
}

// A poolSite is one construction site of a pool type, with the database
// system it talks to and its connection limit (for max-conns).
type poolSite struct {
	Type   string // "*github.com/jackc/pgx/v5/pgxpool.Pool"
	Pos    string // "store/store.go:12"
	System string // "postgres"
	Size   catalog.Size
}

func (*packageFact) AFact() {}

func (f *packageFact) String() string {
	deps := ""
	if len(f.Deps) > 0 {
		deps = fmt.Sprintf(", deps=%d", len(f.Deps))
	}
	if f.Shares {
		deps += ", shares"
	}
	return fmt.Sprintf("pools(factories=%v, sites=%d%s)", f.Factories, len(f.Sites), deps)
}

// depSummary is what the package's dependencies export.
type depSummary struct {
	factoryPkgs map[*types.Package]bool
	sharedPkgs  map[*types.Package]bool // declare functions returning the shared pool
	sites       []poolSite
}

func dependencies(pass *analysis.Pass) depSummary {
	d := depSummary{factoryPkgs: make(map[*types.Package]bool), sharedPkgs: make(map[*types.Package]bool)}
	// A site reaches a package through every dependency above it (each
	// fact carries the sites below too, and the checker shows a package
	// the facts of all its dependencies): a set keeps the union linear.
	seen := make(map[poolSite]bool)
	for _, pf := range pass.AllPackageFacts() {
		f, ok := pf.Fact.(*packageFact)
		if !ok || pf.Package == pass.Pkg {
			continue
		}
		if f.Factories {
			d.factoryPkgs[pf.Package] = true
		}
		if f.Shares {
			d.sharedPkgs[pf.Package] = true
		}
		for _, sites := range [][]poolSite{f.Sites, f.Deps} {
			for _, st := range sites {
				if !seen[st] {
					seen[st] = true
					d.sites = append(d.sites, st)
				}
			}
		}
	}
	sortPoolSites(d.sites)
	return d
}

// sortPoolSites orders sites by type and position, the order messages list
// them in (the other fields only break ties, for a stable fact).
func sortPoolSites(sites []poolSite) {
	slices.SortFunc(sites, func(a, b poolSite) int {
		return cmp.Or(
			strings.Compare(a.Type, b.Type),
			strings.Compare(a.Pos, b.Pos),
			strings.Compare(a.Size.Source, b.Size.Source),
			strings.Compare(a.System, b.System),
			cmp.Compare(a.Size.N, b.Size.N),
			cmp.Compare(a.Size.PerCPU, b.Size.PerCPU),
			cmpBool(a.Size.MaxCPU, b.Size.MaxCPU),
			cmpBool(a.Size.Unbounded, b.Size.Unbounded),
			cmpBool(a.Size.Unknown, b.Size.Unknown),
		)
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// exportPackageFact exports the package's fact when there is something to
// tell its importers.
func exportPackageFact(pass *analysis.Pass, factories, shares bool, own []poolSite, deps depSummary) {
	if pass.Pkg.Name() == "main" {
		return // nothing imports it
	}
	if factories || shares || len(own) > 0 || len(deps.sites) > 0 {
		pass.ExportPackageFact(&packageFact{Factories: factories, Shares: shares, Sites: own, Deps: deps.sites})
	}
}

// importedFactory returns the fact of fn if it is a factory declared in
// another package.
func importedFactory(pass *analysis.Pass, deps depSummary, fn *types.Func) *factoryFact {
	if fn.Pkg() == pass.Pkg || !deps.factoryPkgs[fn.Pkg()] {
		return nil
	}
	f := new(factoryFact)
	if pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

// exportFacts finds the package's factories (to a fixed point, so that
// wrappers of wrappers in one package are found), exports their facts and
// the package fact, and returns the package's own construction sites and
// its factories.
func exportFacts(pass *analysis.Pass, s *settings, hs *frequency.Index, deps depSummary, sites []site, shares bool) ([]poolSite, map[*types.Func]*factoryFact) {
	// The constructor or factory that a call uses, from the sites.
	calls := make(map[*ast.Ident]site, len(sites))
	for _, st := range sites {
		calls[st.id] = st
	}
	factories := make(map[*types.Func]*factoryFact)
	var decls []*ast.FuncDecl
	if len(sites) > 0 { // with no site in the package, nothing in it builds a pool
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Name.Name != "init" {
					decls = append(decls, fd)
				}
			}
		}
		decls = factoryCandidates(pass, decls, calls)
	}
	var ifaces *packageInterfaces
	for changed := len(decls) > 0; changed; {
		changed = false
		for _, fd := range decls {
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || factories[fn] != nil {
				continue
			}
			if f := factoryIn(pass, fd, calls, factories); f != nil && (!f.Helper || !frequency.IsHandler(fn.Signature())) {
				// (A handler's own construction is reported per request;
				// its callers are the server.)
				factories[fn] = f
				changed = true
			}
		}
		if changed || ifaces == nil {
			if ifaces == nil {
				ifaces = interfacesOf(pass)
			}
			if ifaces.addFactories(pass, factories) {
				changed = true
			}
		}
	}
	exported := false
	for fn, f := range factories {
		if f.Helper && !exportsHelper(pass, fn) {
			continue // only this package can call it
		}
		pass.ExportObjectFact(fn, f)
		exported = true
	}
	var own []poolSite
	for _, st := range sites {
		if !s.countsSites() {
			break // sites travel in facts only when a program's count is wanted
		}
		if st.factory != nil || st.kind == catalog.KindConn {
			continue
		}
		if name := pass.Fset.File(st.id.Pos()).Name(); strings.HasSuffix(name, "_test.go") {
			continue // not linked into programs
		}
		ps := poolSite{Type: poolType(st.fn), Pos: code.SitePos(pass, st.id.Pos())}
		if len(s.maxConns) > 0 && st.path(pass) != nil {
			ps.System, ps.Size = st.budgetSize(pass, hs)
		}
		own = append(own, ps)
	}
	exportPackageFact(pass, exported, shares, own, deps)
	return own, factories
}

// poolType names what a constructor creates: its first result's type,
// each package written "path#name" so that the type is unique and
// shortType can still show the package's name (gocql for
// github.com/apache/cassandra-gocql-driver/v2).
func poolType(fn *types.Func) string {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return "?"
	}
	return types.TypeString(res.At(0).Type(), func(p *types.Package) string {
		return p.Path() + "#" + p.Name()
	})
}

// exportsHelper reports whether other packages may call the helper fn by
// name: it and its receiver type are exported, and it is not declared in
// a test file (a test or a test's helper).
func exportsHelper(pass *analysis.Pass, fn *types.Func) bool {
	if !fn.Exported() || strings.HasSuffix(pass.Fset.File(fn.Pos()).Name(), "_test.go") {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && !n.Obj().Exported() {
			return false
		}
	}
	return true
}
