package singlepool

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
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
					sites = append(sites, site{id: id, fn: fn, kind: k})
				}
				continue
			}
		}
		if f := importedFactory(pass, deps, fn); f != nil {
			sites = append(sites, site{id: id, fn: fn, kind: catalog.KindPool, factory: f})
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
			sites = append(sites, site{id: id, fn: fn, kind: catalog.KindPool, factory: factories[fn.Origin()], local: true})
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
