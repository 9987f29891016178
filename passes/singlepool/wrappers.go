package singlepool

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// Wrappers of an existing pool. Some calls of catalog constructors open no
// new server connections because their arguments hand them a pool that
// exists (checked against each library's source; see docs/catalog.md):
//
//	gorm.Open(postgres.New(postgres.Config{Conn: db}))   the dialector's Initialize uses Conn
//	sql.OpenDB(stdlib.GetPoolConnector(pool))           connections come from the pgx pool
//
// They are neither sites nor factories.

// wrapsExistingPool reports whether the constructor call at id only wraps
// a pool that exists.
func wrapsExistingPool(pass *analysis.Pass, id *ast.Ident, fn *types.Func) bool {
	if !catalog.MayWrap[code.FuncNameOf(fn).String()] {
		return false
	}
	call := code.EnclosingCall(pass, id)
	if call == nil || len(call.Args) == 0 {
		return false
	}
	found := false
	// Through locals with one value, up to a few deep:
	// connector := stdlib.GetPoolConnector(pool); cfg := postgres.Config{Conn: db}.
	var inspect func(e ast.Expr, depth int)
	inspect = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.Ident:
				if depth < 3 {
					if v, ok := pass.TypesInfo.Uses[n].(*types.Var); ok && !v.IsField() && v.Parent() != pass.Pkg.Scope() {
						if init, why := connid.Value(pass, n); why == "" && init != nil {
							inspect(init, depth+1)
						}
					}
				}
			case *ast.KeyValueExpr:
				if wrapsConn(pass, n) {
					found = true
				}
			case *ast.CallExpr:
				if cid := code.CalleeIdent(n); cid != nil {
					if cf, ok := pass.TypesInfo.Uses[cid].(*types.Func); ok && cf.Pkg() != nil && catalog.PoolConnectors[code.FuncNameOf(cf).String()] {
						found = true
					}
				}
			}
			return !found
		})
	}
	inspect(call.Args[0], 0)
	return found
}

// wrapsConn reports whether kv sets a gorm dialector's Conn field to
// something.
func wrapsConn(pass *analysis.Pass, kv *ast.KeyValueExpr) bool {
	key, ok := kv.Key.(*ast.Ident)
	if !ok || key.Name != "Conn" || code.IsNil(kv.Value) {
		return false
	}
	f, ok := pass.TypesInfo.Uses[key].(*types.Var)
	return ok && f.IsField() && f.Pkg() != nil && catalog.GormDrivers[f.Pkg().Path()]
}
