package singlepool

import (
	"fmt"
	"go/ast"
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
	want := wantedShape(ctor)
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

// wantedShape is the accessor signature the shape rule asks for ctor.
func wantedShape(ctor *types.Func) string {
	cs := ctor.Signature()
	want := "func("
	if cs.Params().Len() > 0 && isContext(cs.Params().At(0).Type()) {
		want += "context.Context"
	}
	return want + ") " + types.TypeString(cs.Results(), (*types.Package).Name)
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

// checkAccessorSource checks the accessor against the shape rule from
// its package's source, when the package being analyzed does not import
// it (so its types are not visible) but it is in the same module: a
// missing or misfit accessor means no fix, under every driver, rather
// than calls that do not build. "" if it fits, or cannot be read.
func checkAccessorSource(pass *analysis.Pass, ctor *types.Func, acc FuncName) string {
	dir, ok := packageSource(moduleRoot(packageDir(pass)), acc.Pkg)
	if !ok {
		return ""
	}
	pkg, err := derived.load(dir)
	if err != nil {
		return ""
	}
	ft, imports, declared := pkg.funcType(acc.Name)
	if !declared {
		return fmt.Sprintf("accessor %s is not declared", acc)
	}
	if ft == nil {
		return "" // a variable whose type the syntax does not show
	}
	cs := ctor.Signature()
	ctxFirst := cs.Params().Len() > 0 && isContext(cs.Params().At(0).Type())
	params := fieldTypes(ft.Params, imports)
	results := fieldTypes(ft.Results, imports)
	wantParams := []string{}
	if ctxFirst {
		wantParams = []string{"context.Context"}
	}
	var wantResults []string
	for i := range cs.Results().Len() {
		wantResults = append(wantResults, types.TypeString(cs.Results().At(i).Type(), (*types.Package).Path))
	}
	if !slices.Equal(params, wantParams) || !slices.Equal(results, wantResults) {
		return fmt.Sprintf("accessor %s does not fit %s: want %s", acc.short(), funcNameOf(ctor).short(), wantedShape(ctor))
	}
	return ""
}

// funcType returns the declared type of a package-level function, or of
// a variable initialized with a function literal or sync.OnceValue(s) of
// one, and the imports of its file; declared is false if name is neither.
func (p *syntaxPkg) funcType(name string) (ft *ast.FuncType, imports map[string]string, declared bool) {
	if fd, ok := p.funcs[name]; ok {
		return fd.Type, fileImports(p.funcFile[name]), true
	}
	vd, ok := p.vars[name]
	if !ok {
		return nil, nil, false
	}
	if t, ok := vd.spec.Type.(*ast.FuncType); ok {
		return t, fileImports(vd.file), true
	}
	if vd.i < len(vd.spec.Values) {
		if lit, ok := onceLiteral(vd.spec.Values[vd.i]); ok {
			t := *lit.Type
			if isOnceValue(vd.spec.Values[vd.i]) {
				t.Params = &ast.FieldList{} // OnceValue(s) returns func() (T...)
			}
			return &t, fileImports(vd.file), true
		}
	}
	return nil, nil, true
}

// onceLiteral returns the function literal of "func(...) {...}" or
// "sync.OnceValue(s)(func() ... {...})".
func onceLiteral(e ast.Expr) (*ast.FuncLit, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e, true
	case *ast.CallExpr:
		if isOnceValue(e) && len(e.Args) == 1 {
			lit, ok := ast.Unparen(e.Args[0]).(*ast.FuncLit)
			return lit, ok
		}
	}
	return nil, false
}

func isOnceValue(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "sync" && (sel.Sel.Name == "OnceValue" || sel.Sel.Name == "OnceValues")
}

// fieldTypes renders the types of a field list with package paths
// ("*github.com/jackc/pgx/v5/pgxpool.Pool"), one entry per name.
func fieldTypes(fl *ast.FieldList, imports map[string]string) []string {
	out := []string{}
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		t := typeText(f.Type, imports)
		n := max(len(f.Names), 1)
		for range n {
			out = append(out, t)
		}
	}
	return out
}

// typeText renders a type expression as types.TypeString does with
// package paths; "?" for forms the shape rule never needs.
func typeText(e ast.Expr, imports map[string]string) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return "*" + typeText(e.X, imports)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if path, ok := imports[x.Name]; ok {
				return path + "." + e.Sel.Name
			}
		}
	case *ast.ParenExpr:
		return typeText(e.X, imports)
	}
	return "?"
}
