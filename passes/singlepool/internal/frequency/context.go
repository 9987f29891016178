package frequency

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// useContext tells how often a site runs: once per request (a handler,
// "request (gin handler)"), per call of a gRPC method, per Lambda
// invocation, or per loop iteration; "" for once. Function literals are
// crossed when they run on the spot: called, go, defer, or on a goroutine
// helper (errgroup.Group.Go).
func Of(pass *analysis.Pass, hs *Index, path []ast.Node) string {
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.ForStmt:
			if path[i-1] == n.Body && !retriesUntilBuilt(pass, n.Body, path) {
				return Iteration
			}
		case *ast.RangeStmt:
			if path[i-1] == n.Body && !retriesUntilBuilt(pass, n.Body, path) {
				return Iteration
			}
		case *ast.FuncLit:
			if e := hs.OfLit(n); e != "" {
				return e
			}
			if i+1 < len(path) {
				switch p := path[i+1].(type) {
				case *ast.CallExpr:
					if ast.Unparen(p.Fun) == n || runsOnGoroutine(pass, p) {
						continue
					}
				case *ast.GoStmt, *ast.DeferStmt:
					continue
				}
			}
			return ""
		case *ast.FuncDecl:
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return hs.OfFunc(fn)
			}
			return ""
		}
	}
	return ""
}

const (
	Request   = "request"
	Iteration = "iteration"
)

// runsBeforeReturn reports whether a function literal, whose parents are
// given outermost first, runs before the enclosing function returns, so
// that what it assigns to the function's variables is the function's
// doing: a literal passed to a call (a retry helper) or called on the
// spot, but not one started as a goroutine, run once (sync.Once.Do,
// sync.OnceValue), or kept to run later (t.Cleanup, a handler).
func RunsBeforeReturn(pass *analysis.Pass, lit *ast.FuncLit, parents []ast.Node) bool {
	if len(parents) == 0 {
		return false
	}
	call, ok := parents[len(parents)-1].(*ast.CallExpr)
	if !ok {
		return false
	}
	if len(parents) > 1 {
		if _, ok := parents[len(parents)-2].(*ast.GoStmt); ok {
			return false
		}
	}
	if ast.Unparen(call.Fun) == lit {
		return true
	}
	if sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && IsHandler(sig) {
		return false
	}
	if id := code.CalleeIdent(call); id != nil {
		if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Pkg() != nil && catalog.LaterRunners[[2]string{fn.Pkg().Path(), fn.Name()}] {
			return false
		}
	}
	return true
}
