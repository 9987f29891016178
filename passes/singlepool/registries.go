package singlepool

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// Registries: package-level variables that hold the ways to open a pool,
// looked up and called.
//
//	var openers = map[string]func(string, string) (*sql.DB, error){"pgx": sql.Open}
//	openers[name](name, dsn)                 // registryFactory
//
//	var drivers = map[string]database.Driver{"pg": &pgDriver{}}
//	drivers[name].Open(dsn)                  // registryMethodFactory
//
// A call builds a pool whichever entry it picks only if every entry does,
// so one entry that builds nothing (a fake) makes it no factory; so does
// a registry written anywhere but its declaration (Register functions,
// entries added from other packages): what cannot be seen is not claimed.

// registryFactory returns a fact if the package-level variable v is a
// constructor or factory value, or a map, slice or array literal whose
// elements all are: calling it, or an element of it, builds a pool.
func registryFactory(pass *analysis.Pass, v *types.Var, calls map[*ast.Ident]site, local map[*types.Func]*factoryFact) *factoryFact {
	values := registryValues(pass, v)
	var found *factoryFact
	for _, e := range values {
		ref := code.CalleeRef(e)
		if ref == nil {
			return nil
		}
		var f *factoryFact
		if st, ok := calls[ref]; ok && st.kind != catalog.KindConn {
			f = st.factory
			if f == nil {
				f = &factoryFact{Ctor: code.FuncNameOf(st.fn).String(), Via: code.ShortFuncName(st.fn) + " at " + code.SitePos(pass, ref.Pos())}
			}
		} else if fn, ok := pass.TypesInfo.Uses[ref].(*types.Func); ok {
			f = local[fn] // a factory of this package
		}
		if f == nil {
			return nil // one value that builds nothing: not every call builds a pool
		}
		if found == nil {
			found = f
		}
	}
	if found != nil && writtenOutsideDecl(pass, v) {
		return nil // (checked last: it walks the whole package)
	}
	return found
}

// registryMethodFactory returns a fact if call calls method m on an
// element of a registry of values (reg[k].M(..), or through a local
// d, ok := reg[k]) and every element's M is a factory of this package.
func registryMethodFactory(pass *analysis.Pass, call *ast.CallExpr, m *types.Func, local map[*types.Func]*factoryFact) *factoryFact {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || m.Signature().Recv() == nil || !types.IsInterface(m.Signature().Recv().Type()) {
		return nil // a concrete method is its own fact (callFactory)
	}
	x := ast.Unparen(sel.X)
	if id, ok := x.(*ast.Ident); ok {
		// d, ok := drivers[scheme]; d.Open(url)
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !code.IsLocal(pass, v) {
			return nil
		}
		file := code.FileOf(pass, v.Pos())
		if file == nil || code.IsParam(file, v) {
			return nil
		}
		init, why := code.VarInit(pass, file, v)
		if why != "" || registryOf(pass, init) == nil {
			return nil
		}
		if connid.LaterWrite(pass, []ast.Node{code.EnclosingBody(code.EnclosingPath(file, v.Pos()))}, v) != "" {
			return nil
		}
		x = ast.Unparen(init)
	}
	v := registryOf(pass, x)
	if v == nil {
		return nil
	}
	values := registryValues(pass, v)
	var found *factoryFact
	for _, e := range values {
		t := pass.TypesInfo.TypeOf(e)
		if t == nil || types.IsInterface(t) {
			return nil // a value whose method cannot be told from here
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, pass.Pkg, m.Name())
		impl, ok := obj.(*types.Func)
		if !ok {
			return nil
		}
		f := local[impl.Origin()]
		if f == nil {
			return nil
		}
		if found == nil {
			found = &factoryFact{Ctor: f.Ctor, Via: code.ShortFuncName(impl) + ": " + f.Via, Helper: f.Helper, Closes: f.Closes}
		}
	}
	if found != nil && writtenOutsideDecl(pass, v) {
		return nil
	}
	return found
}

// registryOf returns the package-level variable e indexes (reg[k]), if any.
func registryOf(pass *analysis.Pass, e ast.Expr) *types.Var {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	reg, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := pass.TypesInfo.Uses[reg].(*types.Var)
	if !ok || v.Parent() != pass.Pkg.Scope() {
		return nil
	}
	return v
}

// registryValues returns the values of the package-level variable v, if
// it is initialized with a map, slice or array literal (or one value);
// nil otherwise. (Whether it is written elsewhere is the caller's last
// check.)
func registryValues(pass *analysis.Pass, v *types.Var) []ast.Expr {
	file := code.FileOf(pass, v.Pos())
	if file == nil {
		return nil
	}
	init, why := code.VarInit(pass, file, v)
	if why != "" || init == nil {
		return nil
	}
	lit, ok := ast.Unparen(init).(*ast.CompositeLit)
	if !ok {
		return []ast.Expr{init}
	}
	values := make([]ast.Expr, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		values = append(values, elt)
	}
	return values
}

// writtenOutsideDecl reports whether the package assigns v or one of its
// elements (v = .., v[k] = .., v = append(v, ..)), or takes its address.
func writtenOutsideDecl(pass *analysis.Pass, v *types.Var) bool {
	rooted := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return pass.TypesInfo.Uses[x] == v
			case *ast.IndexExpr:
				e = x.X
			default:
				return false
			}
		}
	}
	written := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					written = written || rooted(l)
				}
			case *ast.UnaryExpr:
				written = written || n.Op == token.AND && rooted(n.X)
			case *ast.IncDecStmt:
				written = written || rooted(n.X)
			}
			return !written
		})
	}
	return written
}
