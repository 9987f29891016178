package singlepool

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"github.com/singlepool/singlepool/passes/singlepool/internal/poolsize"
	"golang.org/x/tools/go/analysis"
)

// A site is one use of a constructor.
type site struct {
	id      *ast.Ident
	fn      *types.Func
	kind    catalog.Kind
	factory *factoryFact // set when fn is a factory
	// local: fn is a factory of this package, reported only where it
	// runs per request or per iteration (elsewhere its own site is).
	local bool
	known *siteFacts // shared by the copies of the site
}

// siteFacts is what the rules learn about a site, each computed once, on
// first use, however many rules ask: the facts step (the pools a program
// counts) and the rules step (messages, fixes, unbounded-pool) alike.
type siteFacts struct {
	path     []ast.Node // innermost first, from the identifier to its file
	freq     frequency.Frequency
	freqDone bool
	system   string
	size     catalog.Size // as the code states it
	sizeDone bool
}

func newSite(id *ast.Ident, fn *types.Func, k catalog.Kind, f *factoryFact, local bool) site {
	return site{id: id, fn: fn, kind: k, factory: f, local: local, known: new(siteFacts)}
}

// path returns the site's path, innermost first, from its identifier to
// its file; nil if the file is not the package's.
func (st site) path(pass *analysis.Pass) []ast.Node {
	if st.known.path == nil {
		if file := code.FileOf(pass, st.id.Pos()); file != nil {
			st.known.path = code.EnclosingPath(file, st.id.Pos())
		}
	}
	return st.known.path
}

// frequency is how often the site runs. Lazy initialization (the pool
// built into a cache behind a check that it is empty) runs once, even in a
// handler.
func (st site) frequency(pass *analysis.Pass, hs *frequency.Index) frequency.Frequency {
	if !st.known.freqDone {
		st.known.freqDone = true
		path := st.path(pass)
		f := frequency.Of(pass, hs, path)
		if !f.Once() && frequency.CachedConstruction(pass, path) {
			f = frequency.Frequency{}
		}
		st.known.freq = f
	}
	return st.known.freq
}

// statedSize is the site's database system and the limit of its pool as
// the code around it states it.
func (st site) statedSize(pass *analysis.Pass) (string, catalog.Size) {
	if !st.known.sizeDone {
		st.known.sizeDone = true
		st.known.system, st.known.size = poolsize.Of(pass, st.fn, st.path(pass))
	}
	return st.known.system, st.known.size
}

// budgetSize is what the site's pools count for the connection budget: a
// pool per request or iteration has no bound, whatever each one's limit.
func (st site) budgetSize(pass *analysis.Pass, hs *frequency.Index) (string, catalog.Size) {
	system, size := st.statedSize(pass)
	if f := st.frequency(pass, hs); !f.Once() {
		size = catalog.Size{Unbounded: true, Source: "a pool per " + f.Per}
	}
	return system, size
}

// mayUseConstructors reports whether pkg can refer to a constructor at all:
// a package-level constructor needs a direct import of its package, a
// method one a transitive import. It lets most packages return before any
// work proportional to their size.
func mayUseConstructors(pkg *types.Package, s *settings) bool {
	for _, imp := range pkg.Imports() {
		if s.pkgs[imp.Path()] {
			return true
		}
	}
	return len(s.methodPkgs) > 0 && s.methodReach.reaches(pkg, s.methodPkgs)
}

// A reachCache remembers, per package, whether it imports a package of
// methodPkgs, directly or not. Without it every package would walk its
// whole import graph: quadratic in a program of thousands of packages.
type reachCache struct{ memo code.PkgMemo }

func (c *reachCache) reaches(p *types.Package, methodPkgs map[string]bool) bool {
	return c.memo.Get(p, func() bool {
		for _, imp := range p.Imports() {
			if methodPkgs[imp.Path()] || c.reaches(imp, methodPkgs) {
				return true
			}
		}
		return false
	})
}

// findSites returns the uses of constructors in the package, by file name and position.
func findSites(pass *analysis.Pass, s *settings, deps depSummary) []site {
	var sites []site
	for id, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if s.pkgs[fn.Pkg().Path()] {
			if k, ok := s.ctors[code.FuncNameOf(fn)]; ok {
				if !wrapsExistingPool(pass, id, fn) {
					sites = append(sites, newSite(id, fn, k, nil, false))
				}
				continue
			}
		}
		if f := importedFactory(pass, deps, fn); f != nil {
			sites = append(sites, newSite(id, fn, catalog.KindPool, f, false))
		}
	}
	sortSites(pass, sites)
	return sites
}

// localFactoryCalls adds the calls of the package's own factories to
// sites, kept in order.
func localFactoryCalls(pass *analysis.Pass, sites []site, factories map[*types.Func]*factoryFact) []site {
	if len(factories) == 0 {
		return sites
	}
	n := len(sites)
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && factories[fn.Origin()] != nil {
			sites = append(sites, newSite(id, fn, catalog.KindPool, factories[fn.Origin()], true))
		}
	}
	if len(sites) > n {
		sortSites(pass, sites)
	}
	return sites
}

// sortSites sorts by file name, then offset: drivers parse a package's
// files in parallel (go/packages), so the order of files in token.Pos
// space, and with it the order of reports (-json), would vary run to run.
func sortSites(pass *analysis.Pass, sites []site) {
	sort.Slice(sites, func(i, j int) bool {
		fi, fj := pass.Fset.File(sites[i].id.Pos()), pass.Fset.File(sites[j].id.Pos())
		if fi != fj {
			return fi.Name() < fj.Name()
		}
		return sites[i].id.Pos() < sites[j].id.Pos()
	})
}

// checksFile reports whether the file is checked under the test and
// generated-file policies.
func (s *settings) checksFile(name string, f *ast.File) bool {
	if s.cfg.AllowTests && strings.HasSuffix(name, "_test.go") {
		return false
	}
	if !s.cfg.CheckGenerated && ast.IsGenerated(f) && !code.IsCgoOutput(f) {
		return false
	}
	return true
}
