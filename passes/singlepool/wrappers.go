package singlepool

import (
	"go/ast"
	"go/types"

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

// gormDrivers are the gorm dialector packages whose Initialize uses an
// existing Conn instead of opening one: gorm.io/driver/postgres v1.6.3
// (postgres.go:91), mysql v1.6.0 (mysql.go:119), sqlite v1.6.0
// (sqlite.go:50), sqlserver v1.6.3 (sqlserver.go:57),
// github.com/glebarez/sqlite v1.11.0 (sqlite.go:42).
var gormDrivers = map[string]bool{
	"gorm.io/driver/postgres": true, "gorm.io/driver/mysql": true, "gorm.io/driver/sqlite": true,
	"gorm.io/driver/sqlserver": true, "github.com/glebarez/sqlite": true,
}

// poolConnectors are functions returning a driver.Connector over an
// existing pool: pgx v5.12.0 stdlib/sql.go:227.
var poolConnectors = map[string]bool{
	"github.com/jackc/pgx/v5/stdlib.GetPoolConnector": true,
}

// wrapsExistingPool reports whether the constructor call at id only wraps
// a pool that exists.
func wrapsExistingPool(pass *analysis.Pass, id *ast.Ident, fn *types.Func) bool {
	if name := funcNameOf(fn).String(); name != "gorm.io/gorm.Open" && name != "database/sql.OpenDB" {
		return false
	}
	call := enclosingCall(pass, id)
	if call == nil || len(call.Args) == 0 {
		return false
	}
	arg := call.Args[0]
	// Through a local with one value: connector := stdlib.GetPoolConnector(pool).
	if v, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if init, _, why := (typedEnv{pass}).valueOf(v); why == "" {
			arg = init
		}
	}
	found := false
	ast.Inspect(arg, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			// A dialector's Conn field set to something.
			key, ok := n.Key.(*ast.Ident)
			if !ok || key.Name != "Conn" || isNil(n.Value) {
				return true
			}
			if f, ok := pass.TypesInfo.Uses[key].(*types.Var); ok && f.IsField() && f.Pkg() != nil && gormDrivers[f.Pkg().Path()] {
				found = true
			}
		case *ast.CallExpr:
			if cid := calleeIdent(n); cid != nil {
				if cf, ok := pass.TypesInfo.Uses[cid].(*types.Func); ok && cf.Pkg() != nil && poolConnectors[funcNameOf(cf).String()] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// enclosingCall returns the call whose callee id names, if any.
func enclosingCall(pass *analysis.Pass, id *ast.Ident) *ast.CallExpr {
	file := fileOf(pass, id.Pos())
	if file == nil {
		return nil
	}
	path := enclosingPath(file, id.Pos())
	for i := 1; i < len(path) && i <= 2; i++ {
		if call, ok := path[i].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == path[i-1] {
			return call
		}
	}
	return nil
}
