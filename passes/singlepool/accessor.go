package singlepool

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// checkVisibleAccessor checks the accessor's signature when its package
// is among the imports (go vet sees only those); otherwise the check runs
// when singlepool analyzes the accessor's own package.
func checkVisibleAccessor(find func(string) *types.Package, ctor *types.Func, acc code.FuncName) string {
	p := find(acc.Pkg)
	if p == nil {
		return ""
	}
	sig, ok := accessorSignature(p.Scope().Lookup(acc.Name))
	if !ok {
		return fmt.Sprintf("accessor %s is not declared", acc)
	}
	if want, ok := accessorFits(ctor, sig); !ok {
		return fmt.Sprintf("accessor %s does not fit %s: want %s", acc.Short(), code.FuncNameOf(ctor).Short(), want)
	}
	return ""
}

// accessorFits applies the shape rule: the accessor returns the
// constructor's results, and takes a context.Context exactly when the
// constructor's first parameter is one. It returns the wanted signature.
func accessorFits(ctor *types.Func, as *types.Signature) (string, bool) {
	cs := ctor.Signature()
	ctxFirst := cs.Params().Len() > 0 && code.IsContext(cs.Params().At(0).Type())
	want := wantedShape(ctor)
	if as.TypeParams().Len() > 0 || as.Variadic() {
		return want, false
	}
	if ctxFirst && (as.Params().Len() != 1 || !code.IsContext(as.Params().At(0).Type())) {
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

// wantedShape is the accessor signature the shape rule asks for ctor.
func wantedShape(ctor *types.Func) string {
	cs := ctor.Signature()
	want := "func("
	if cs.Params().Len() > 0 && code.IsContext(cs.Params().At(0).Type()) {
		want += "context.Context"
	}
	return want + ") " + types.TypeString(cs.Results(), (*types.Package).Name)
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
	ctors := slices.SortedFunc(maps.Keys(s.singletons), func(a, b code.FuncName) int {
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
		ctor := code.LookupFunc(pass.Pkg, ctorName)
		if ctor == nil {
			continue // the constructor's package is not imported: nothing to compare
		}
		if want, ok := accessorFits(ctor, sig); !ok {
			report(pass, obj.Pos(), token.NoPos, categoryAccessor,
				fmt.Sprintf("singleton accessor %s does not fit the shape rule for %s: want %s, have %s",
					acc.Short(), ctorName.Short(), want, types.TypeString(sig, (*types.Package).Name)), nil)
			continue
		}
		if why := unreadConnection(pass, s, ctorName, acc); why != "" {
			report(pass, obj.Pos(), token.NoPos, categoryAccessor,
				fmt.Sprintf("singlepool cannot read what %s connects to (%s), so -fix leaves the %s sites as they are: state it with shared-args=%s=(...) (singlepool -summary proposes the line)",
					acc.Short(), why, ctorName.Short(), ctorName), nil)
		}
	}
}

// unreadConnection says why the accessor's own code does not tell what it
// connects to, when no shared-args states it: the one report of what
// keeps every site of its constructor without a fix. "" if it can be read.
func unreadConnection(pass *analysis.Pass, s *settings, ctor, acc code.FuncName) string {
	if _, stated := s.sharedArgs[ctor]; stated {
		return ""
	}
	dir, ok := code.PackageSource(code.ModuleRoot(code.PackageDir(pass)), acc.Pkg)
	if !ok {
		return ""
	}
	_, why := connid.Accessor(dir, acc, constructorsFor(pass, s))
	return why
}

// checkAccessorSource checks the accessor against the shape rule from
// its package's source, when the package being analyzed does not import
// it (so its types are not visible) but it is in the same module: a
// missing or misfit accessor means no fix, under every driver, rather
// than calls that do not build. "" if it fits, or cannot be read.
func checkAccessorSource(pass *analysis.Pass, ctor *types.Func, acc code.FuncName) string {
	dir, ok := code.PackageSource(code.ModuleRoot(code.PackageDir(pass)), acc.Pkg)
	if !ok {
		return ""
	}
	ft, imports, declared, ok := connid.DeclaredFunc(dir, acc.Name)
	if !ok {
		return ""
	}
	if !declared {
		return fmt.Sprintf("accessor %s is not declared", acc)
	}
	if ft == nil {
		return "" // a variable whose type the syntax does not show
	}
	cs := ctor.Signature()
	ctxFirst := cs.Params().Len() > 0 && code.IsContext(cs.Params().At(0).Type())
	params := connid.FieldTypes(ft.Params, imports)
	results := connid.FieldTypes(ft.Results, imports)
	wantParams := []string{}
	if ctxFirst {
		wantParams = []string{"context.Context"}
	}
	var wantResults []string
	for i := range cs.Results().Len() {
		wantResults = append(wantResults, types.TypeString(cs.Results().At(i).Type(), (*types.Package).Path))
	}
	if !slices.Equal(params, wantParams) || !slices.Equal(results, wantResults) {
		return fmt.Sprintf("accessor %s does not fit %s: want %s", acc.Short(), code.FuncNameOf(ctor).Short(), wantedShape(ctor))
	}
	return ""
}
