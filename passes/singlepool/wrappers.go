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
	arg := call.Args[0]
	// Through a local with one value: connector := stdlib.GetPoolConnector(pool).
	if v, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if init, why := connid.Value(pass, v); why == "" {
			arg = init
		}
	}
	found := false
	ast.Inspect(arg, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			// A dialector's Conn field set to something.
			key, ok := n.Key.(*ast.Ident)
			if !ok || key.Name != "Conn" || code.IsNil(n.Value) {
				return true
			}
			if f, ok := pass.TypesInfo.Uses[key].(*types.Var); ok && f.IsField() && f.Pkg() != nil && catalog.GormDrivers[f.Pkg().Path()] {
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
	return found
}
