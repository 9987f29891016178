package code

import (
	"go/types"
	"sync"
)

// PackageFinder returns FindPackage for pkg, memoized: a file with many
// sites looks up the same accessor package for each.
func PackageFinder(pkg *types.Package) func(string) *types.Package {
	memo := make(map[string]*types.Package)
	return func(path string) *types.Package {
		p, ok := memo[path]
		if !ok {
			p = FindPackage(pkg, path)
			memo[path] = p
		}
		return p
	}
}

// FindPackage finds path among the transitive imports of pkg.
func FindPackage(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) *types.Package
	visit = func(p *types.Package) *types.Package {
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				if r := visit(imp); r != nil {
					return r
				}
			}
		}
		return nil
	}
	return visit(pkg)
}

// LookupFunc finds the named function or method among the package's
// imports.
func LookupFunc(pkg *types.Package, name FuncName) *types.Func {
	p := FindPackage(pkg, name.Pkg)
	if p == nil {
		return nil
	}
	if name.Recv != "" {
		tn, ok := p.Scope().Lookup(name.Recv).(*types.TypeName)
		if !ok {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, p, name.Name)
		fn, _ := obj.(*types.Func)
		return fn
	}
	fn, _ := p.Scope().Lookup(name.Name).(*types.Func)
	return fn
}

// A PkgMemo remembers a yes/no answer per package. It forgets everything
// past a bound, since a long-lived driver (gopls) type-checks new
// packages all the time.
type PkgMemo struct {
	mu sync.Mutex
	m  map[*types.Package]bool
}

const pkgMemoMax = 1 << 16

func (c *PkgMemo) Get(p *types.Package, compute func() bool) bool {
	c.mu.Lock()
	r, ok := c.m[p]
	c.mu.Unlock()
	if ok {
		return r
	}
	r = compute()
	c.mu.Lock()
	if c.m == nil || len(c.m) >= pkgMemoMax {
		c.m = make(map[*types.Package]bool)
	}
	c.m[p] = r
	c.mu.Unlock()
	return r
}
