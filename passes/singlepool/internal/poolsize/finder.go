package poolsize

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Reading a pool's limit from the code around its construction: a
// constant or a connection string, a config's field, a setter on the pool
// or its options, or the function the pool is handed to (which may limit
// it). See poolsize.go for the rules table and Of.

// A sizeFinder reads the limit from the code around a construction.
type sizeFinder struct {
	pass *analysis.Pass
	body ast.Node // the function around the construction
}

// intConst returns e's value if it is an integer constant.
func (f *sizeFinder) intConst(e ast.Expr) (int, bool) {
	tv, ok := f.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return int(n), ok
}

// limit is the size a setter or field gives: a constant, or a bound that
// is not one.
func (f *sizeFinder) limit(e ast.Expr, source string) catalog.Size {
	if n, ok := f.intConst(e); ok {
		if n <= 0 && source == catalog.SetMaxOpenConns {
			return catalog.Size{Unbounded: true, Source: fmt.Sprintf("SetMaxOpenConns(%d): no limit", n)}
		}
		return catalog.Size{N: n, Source: source}
	}
	return catalog.Size{Unknown: true, Source: fmt.Sprintf("%s(%s), not a constant", source, code.BriefText(f.pass.Fset, e))}
}

// fromDSN finds pool_max_conns in the constant parts of a connection
// string (a literal, a constant, a concatenation, a local's value).
func (f *sizeFinder) fromDSN(e ast.Expr) (catalog.Size, bool) {
	for _, part := range f.stringParts(e, 3) {
		if m := catalog.PoolMaxConns().FindStringSubmatch(part); m != nil {
			n, _ := strconv.Atoi(m[1])
			return catalog.Size{N: n, Source: "pool_max_conns"}, true
		}
	}
	return catalog.Size{}, false
}

// stringParts returns the string constants e is built from.
func (f *sizeFinder) stringParts(e ast.Expr, depth int) []string {
	if depth == 0 {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := f.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(f.stringParts(e.X, depth), f.stringParts(e.Y, depth)...)
		}
	case *ast.CallExpr: // fmt.Sprintf("...pool_max_conns=%d", ...) and the like
		var parts []string
		for _, a := range e.Args {
			parts = append(parts, f.stringParts(a, depth-1)...)
		}
		return parts
	case *ast.Ident:
		if v, ok := f.pass.TypesInfo.Uses[e].(*types.Var); ok && code.IsLocal(f.pass, v) {
			if file := code.FileOf(f.pass, v.Pos()); file != nil {
				if init, why := code.VarInit(f.pass, file, v); why == "" {
					return f.stringParts(init, depth-1)
				}
			}
		}
	}
	return nil
}

// fromConfig finds the field's value in the config argument: a composite
// literal (&redis.Options{PoolSize: 20}), or a local set field by field
// (cfg.MaxConns = 10) or parsed from a connection string
// (pgxpool.ParseConfig(dsn)).
func (f *sizeFinder) fromConfig(arg ast.Expr, field string) (catalog.Size, bool) {
	arg = ast.Unparen(arg)
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	if lit, ok := arg.(*ast.CompositeLit); ok {
		return f.fieldOf(lit, field)
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return catalog.Size{}, false
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return catalog.Size{}, false
	}
	// The last assignment of the field before the construction wins.
	var found *catalog.Size
	ast.Inspect(f.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || n.Pos() > arg.Pos() {
			return true
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != field || i >= len(as.Rhs) {
				continue
			}
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && f.pass.TypesInfo.Uses[x] == v {
				z := f.limit(as.Rhs[i], field)
				found = &z
			}
		}
		return true
	})
	if found != nil {
		return *found, true
	}
	if file := code.FileOf(f.pass, v.Pos()); file != nil && code.IsLocal(f.pass, v) {
		if init, why := code.VarInit(f.pass, file, v); why == "" {
			init = ast.Unparen(init)
			if u, ok := init.(*ast.UnaryExpr); ok && u.Op == token.AND {
				init = ast.Unparen(u.X)
			}
			switch init := init.(type) {
			case *ast.CompositeLit:
				return f.fieldOf(init, field)
			case *ast.CallExpr: // pgxpool.ParseConfig(dsn)
				if len(init.Args) == 1 {
					return f.fromDSN(init.Args[0])
				}
			}
		}
	}
	return catalog.Size{}, false
}

func (f *sizeFinder) fieldOf(lit *ast.CompositeLit, field string) (catalog.Size, bool) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == field {
				return f.limit(kv.Value, field), true
			}
		}
	}
	return catalog.Size{}, false
}

// fromSetter finds target.SetMaxOpenConns(n): on the variable itself (or
// a value reached from it: x.DB, gdb.DB()'s result), in the function, or,
// for a field or package variable, anywhere in the package.
func (f *sizeFinder) fromSetter(target types.Object, setter string) (catalog.Size, bool) {
	info := f.pass.TypesInfo
	views := map[types.Object]bool{target: true} // the pool, and locals holding its *sql.DB
	scopes := []ast.Node{f.body}
	if v, ok := target.(*types.Var); ok && (v.IsField() || v.Parent() == f.pass.Pkg.Scope()) {
		scopes = scopes[:0]
		for _, file := range f.pass.Files {
			scopes = append(scopes, file)
		}
	}
	reaches := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return views[info.Uses[x]]
			case *ast.SelectorExpr:
				if views[info.Uses[x.Sel]] {
					return true
				}
				e = x.X
			case *ast.CallExpr: // gdb.DB()
				e = x.Fun
			default:
				return false
			}
		}
	}
	var found *catalog.Size
	for _, scope := range scopes {
		ast.Inspect(scope, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt: // sqlDB, err := gdb.DB()
				if len(n.Rhs) == 1 && len(n.Lhs) > 0 {
					if c, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && reaches(c) {
						if id, ok := n.Lhs[0].(*ast.Ident); ok && info.ObjectOf(id) != nil {
							views[info.ObjectOf(id)] = true
						}
					}
				}
			case *ast.CallExpr:
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if ok && sel.Sel.Name == setter && len(n.Args) == 1 && reaches(sel.X) {
					z := f.limit(n.Args[0], setter)
					found = &z
				}
			}
			return true
		})
	}
	if found != nil {
		return *found, true
	}
	return catalog.Size{}, false
}

// handedTo returns the function the pool is passed to, by the call itself
// (use(sql.Open(...))) or by its variable, in the function: that function
// may set its limit, which this package does not show.
func (f *sizeFinder) handedTo(call *ast.CallExpr, target types.Object, path []ast.Node) string {
	info := f.pass.TypesInfo
	for i, n := range path {
		if n != ast.Node(call) || i+1 >= len(path) {
			continue
		}
		switch outer := path[i+1].(type) {
		case *ast.CallExpr:
			if ast.Unparen(outer.Fun) != ast.Expr(call) && !f.keepsAsIs(outer) {
				return code.BriefText(f.pass.Fset, outer.Fun)
			}
		case *ast.ReturnStmt:
			// Returned from a literal handed to a call: a reconnect
			// callback, UseConnectionPools(db, func() (*sql.DB, error) {...}).
			for j := i + 2; j+1 < len(path); j++ {
				if lit, ok := path[j].(*ast.FuncLit); ok {
					if c, ok := path[j+1].(*ast.CallExpr); ok && ast.Unparen(c.Fun) != ast.Expr(lit) && !f.keepsAsIs(c) {
						return code.BriefText(f.pass.Fset, c.Fun)
					}
					break
				}
			}
		}
		break
	}
	if target == nil {
		return ""
	}
	found := ""
	ast.Inspect(f.body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found != "" || c == call {
			return found == ""
		}
		for _, a := range c.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == target && !f.keepsAsIs(c) {
				found = code.BriefText(f.pass.Fset, c.Fun)
			}
		}
		return found == ""
	})
	return found
}

// keepsAsIs reports whether the call only runs or keeps what it is given,
// without configuring it: sync.OnceValue(s) and the other once and later
// runners.
func (f *sizeFinder) keepsAsIs(c *ast.CallExpr) bool {
	id := code.CalleeIdent(c)
	if id == nil {
		return false
	}
	fn, ok := f.pass.TypesInfo.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && catalog.LaterRunners[[2]string{fn.Pkg().Path(), fn.Name()}]
}

// fromOptionChain finds .SetMaxPoolSize(n) in an options expression
// (options.Client().ApplyURI(u).SetMaxPoolSize(20)), or in the value of the
// local holding it.
func (f *sizeFinder) fromOptionChain(e ast.Expr, setter string) (catalog.Size, bool) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		// opts.SetMaxPoolSize(n) as a statement of its own.
		if v, ok := f.pass.TypesInfo.Uses[id].(*types.Var); ok {
			if z, ok := f.fromSetter(v, setter); ok {
				return z, true
			}
		}
		if v, ok := f.pass.TypesInfo.Uses[id].(*types.Var); ok && code.IsLocal(f.pass, v) {
			if file := code.FileOf(f.pass, v.Pos()); file != nil {
				if init, why := code.VarInit(f.pass, file, v); why == "" {
					e = init
				}
			}
		}
	}
	var found *catalog.Size
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && found == nil {
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == setter && len(c.Args) == 1 {
				z := f.limit(c.Args[0], setter)
				found = &z
			}
		}
		return found == nil
	})
	if found != nil {
		return *found, true
	}
	return catalog.Size{}, false
}
