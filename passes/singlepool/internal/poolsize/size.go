package poolsize

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Of finds the system and the limit of the pool a call of the
// constructor fn builds, as the code around it states them. path is
// innermost first, from the constructor's identifier. (How often the code
// runs is the caller's: a pool per request has no bound, whatever its
// size.)
func Of(pass *analysis.Pass, fn *types.Func, path []ast.Node) (string, catalog.Size) {
	name := code.FuncNameOf(fn).String()
	rule, ok := catalog.SizeRules[name]
	system := rule.System
	if !ok {
		system = "unknown"
		for _, p := range catalog.SystemOfPkg {
			if strings.HasPrefix(fn.Pkg().Path(), p.Prefix) {
				system = p.System
			}
		}
	}
	call := SiteCall(path)
	if call != nil && system == "" {
		system = callSystem(pass, call, rule)
	}
	if system == "" {
		system = "unknown" // a function value: the driver name is not at hand
	}
	if !ok {
		return system, catalog.Size{Unknown: true, Source: "size not known to singlepool"}
	}
	if call == nil {
		return system, rule.Default // a function value
	}
	body := code.EnclosingBody(path)
	if body == nil { // a package-level initializer: its file
		body = path[len(path)-1]
	}
	f := &sizeFinder{pass: pass, body: body}
	if rule.DSN >= 0 && rule.DSN < len(call.Args) {
		if z, ok := f.fromDSN(call.Args[rule.DSN]); ok {
			return system, z
		}
	}
	if rule.Config >= 0 && rule.Config < len(call.Args) {
		arg := call.Args[rule.Config]
		if z, ok := f.fromConfig(arg, rule.Field); ok {
			return system, z
		}
		// Options handed to a function that may set the field:
		// settings.ApplyTo(options); redis.NewClient(options).
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
			if callee := f.handedTo(call, f.pass.TypesInfo.Uses[id], nil); callee != "" {
				return system, catalog.Size{Unknown: true, Source: "options passed to " + callee + ", which may set " + rule.Field}
			}
		}
	}
	switch rule.Setter {
	case catalog.SetMaxOpenConns:
		cpath := path
		for len(cpath) > 0 && cpath[0] != ast.Node(call) {
			cpath = cpath[1:]
		}
		target := code.PoolTarget(pass, cpath)
		if target != nil {
			if z, ok := f.fromSetter(target, rule.Setter); ok {
				return system, z
			}
		}
		if callee := f.handedTo(call, target, path); callee != "" {
			return system, catalog.Size{Unknown: true, Source: "passed to " + callee + ", which may limit it"}
		}
	case catalog.SetMaxPoolSize:
		for _, a := range call.Args {
			if z, ok := f.fromOptionChain(a, rule.Setter); ok {
				return system, z
			}
		}
	}
	return system, rule.Default
}

// SiteCall returns the call of the constructor on path, if it is called.
func SiteCall(path []ast.Node) *ast.CallExpr {
	for i := 1; i < len(path) && i <= 2; i++ {
		if call, ok := path[i].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == path[i-1] {
			return call
		}
	}
	return nil
}

// callSystem finds the system from the driver-name argument: a string
// constant (sql.Open("pgx", ...)), a gorm dialector (postgres.Open(dsn)),
// or a connector's constructor (stdlib.GetConnector(cfg)).
func callSystem(pass *analysis.Pass, call *ast.CallExpr, rule catalog.SizeRule) string {
	var arg ast.Expr
	switch {
	case rule.Driver >= 0 && rule.Driver < len(call.Args):
		arg = call.Args[rule.Driver]
	case len(call.Args) > 0:
		arg = call.Args[0]
	default:
		return "unknown"
	}
	// A connector in a local: c, err := mysql.NewConnector(cfg); sql.OpenDB(c).
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && code.IsLocal(pass, v) {
			if file := code.FileOf(pass, v.Pos()); file != nil {
				if init, why := code.VarInit(pass, file, v); why == "" {
					arg = init
				}
			}
		}
	}
	if tv, ok := pass.TypesInfo.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		if s, ok := catalog.DriverSystems[constant.StringVal(tv.Value)]; ok {
			return s
		}
		return "unknown"
	}
	found := "unknown"
	ast.Inspect(arg, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id := code.CalleeIdent(c); id != nil {
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil {
					if s, ok := catalog.DriverSystems[fn.Pkg().Path()]; ok {
						found = s
						return false
					}
				}
			}
		}
		return true
	})
	return found
}
