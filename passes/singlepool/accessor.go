package singlepool

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// packageFinder returns findPackage for pkg, memoized: a file with many
// sites looks up the same accessor package for each.
func packageFinder(pkg *types.Package) func(string) *types.Package {
	memo := make(map[string]*types.Package)
	return func(path string) *types.Package {
		p, ok := memo[path]
		if !ok {
			p = findPackage(pkg, path)
			memo[path] = p
		}
		return p
	}
}

// findPackage finds path among the transitive imports of pkg.
func findPackage(pkg *types.Package, path string) *types.Package {
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

// checkVisibleAccessor checks the accessor's signature when its package
// is among the imports (go vet sees only those); otherwise the check runs
// when singlepool analyzes the accessor's own package.
func checkVisibleAccessor(find func(string) *types.Package, ctor *types.Func, acc FuncName) string {
	p := find(acc.Pkg)
	if p == nil {
		return ""
	}
	sig, ok := accessorSignature(p.Scope().Lookup(acc.Name))
	if !ok {
		return fmt.Sprintf("accessor %s is not declared", acc)
	}
	if want, ok := accessorFits(ctor, sig); !ok {
		return fmt.Sprintf("accessor %s does not fit %s: want %s", acc.short(), funcNameOf(ctor).short(), want)
	}
	return ""
}

// accessorFits applies the shape rule: the accessor returns the
// constructor's results, and takes a context.Context exactly when the
// constructor's first parameter is one. It returns the wanted signature.
func accessorFits(ctor *types.Func, as *types.Signature) (string, bool) {
	cs := ctor.Signature()
	ctxFirst := cs.Params().Len() > 0 && isContext(cs.Params().At(0).Type())
	want := "func("
	if ctxFirst {
		want += "context.Context"
	}
	want += ") " + types.TypeString(cs.Results(), (*types.Package).Name)
	if as.TypeParams().Len() > 0 || as.Variadic() {
		return want, false
	}
	if ctxFirst && (as.Params().Len() != 1 || !isContext(as.Params().At(0).Type())) {
		return want, false
	}
	if !ctxFirst && as.Params().Len() != 0 {
		return want, false
	}
	if as.Results().Len() != cs.Results().Len() {
		return want, false
	}
	for i := range cs.Results().Len() {
		if !types.Identical(cs.Results().At(i).Type(), as.Results().At(i).Type()) {
			return want, false
		}
	}
	return want, true
}

func isContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// accessorSignature returns the signature of an accessor: a function,
// or a package-level variable of function type, as Go writes a singleton
// (var SQL = sync.OnceValues(func() (*sql.DB, error) {...})).
func accessorSignature(obj types.Object) (*types.Signature, bool) {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature(), true
	case *types.Var:
		sig, ok := obj.Type().Underlying().(*types.Signature)
		return sig, ok
	}
	return nil, false
}

// checkAccessors reports configured accessors declared in this
// (allowlisted) package whose signature does not fit the shape rule, and
// accessors that are missing from it.
func checkAccessors(pass *analysis.Pass, s *settings) {
	if len(pass.Files) == 0 {
		return
	}
	pkgPath := strings.TrimSuffix(pass.Pkg.Path(), "_test")
	ctors := slices.SortedFunc(maps.Keys(s.singletons), func(a, b FuncName) int {
		return strings.Compare(a.String(), b.String())
	})
	for _, ctorName := range ctors {
		acc := s.singletons[ctorName]
		if acc.Pkg != pkgPath {
			continue
		}
		obj := pass.Pkg.Scope().Lookup(acc.Name)
		sig, ok := accessorSignature(obj)
		if !ok {
			if strings.HasSuffix(pass.Pkg.Path(), "_test") {
				continue
			}
			report(pass, pass.Files[0].Name.Pos(), token.NoPos, categoryAccessor,
				fmt.Sprintf("singleton accessor %s for %s is not a function or function variable declared in this package", acc, ctorName), nil)
			continue
		}
		ctor := lookupFunc(pass.Pkg, ctorName)
		if ctor == nil {
			continue // the constructor's package is not imported: nothing to compare
		}
		if want, ok := accessorFits(ctor, sig); !ok {
			report(pass, obj.Pos(), token.NoPos, categoryAccessor,
				fmt.Sprintf("singleton accessor %s does not fit the shape rule for %s: want %s, have %s",
					acc.short(), ctorName.short(), want, types.TypeString(sig, (*types.Package).Name)), nil)
		}
	}
}

// lookupFunc finds the named function or method among the package's
// imports.
func lookupFunc(pkg *types.Package, name FuncName) *types.Func {
	p := findPackage(pkg, name.Pkg)
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
