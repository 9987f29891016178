package frequency

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// A Frequency says how often code runs: once (the zero value), or once
// per request, call, invocation, message or loop iteration (Per), with
// what makes it so (Label: "gin handler", "gRPC method Get"; "" when Per
// says it all).
type Frequency struct {
	Per   string
	Label string
}

// The values of Frequency.Per that the rules tell apart.
const (
	Request   = "request"
	Iteration = "iteration"
)

// Once reports whether the code runs once, not per request or iteration.
func (f Frequency) Once() bool { return f.Per == "" }

// String is how messages say it: "request", "request (gin handler)".
func (f Frequency) String() string {
	if f.Label == "" {
		return f.Per
	}
	return f.Per + " (" + f.Label + ")"
}

// Of tells how often the code on path (innermost first) runs: once per
// request (a handler), per call of a gRPC method, per Lambda invocation,
// per message, or per loop iteration; once otherwise. Function literals
// are crossed when they run on the spot: called, go, defer, or on a
// goroutine helper (errgroup.Group.Go).
func Of(pass *analysis.Pass, hs *Index, path []ast.Node) Frequency {
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.ForStmt:
			if path[i-1] == n.Body && !retriesUntilBuilt(pass, n.Body, path) && !keepsOnePerEntry(pass, n, path) {
				return Frequency{Per: Iteration}
			}
		case *ast.RangeStmt:
			if path[i-1] == n.Body && !retriesUntilBuilt(pass, n.Body, path) && !keepsOnePerEntry(pass, n, path) {
				return Frequency{Per: Iteration}
			}
		case *ast.FuncLit:
			if f := hs.ofLit(n); !f.Once() {
				return f
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
			return Frequency{}
		case *ast.FuncDecl:
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return hs.ofFunc(fn)
			}
			return Frequency{}
		}
	}
	return Frequency{}
}

// RunsBeforeReturn reports whether a function literal, whose parents are
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
