package connid

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Droppable reports whether the expression can be removed from the
// program without changing what it does: literals, names, selectors,
// operators, composite literals, function literals, conversions and calls
// of catalog.PureFuncs over Droppable operands.
func Droppable(pass *analysis.Pass, e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // defining a function has no effect
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.CallExpr:
			if tv, isType := pass.TypesInfo.Types[n.Fun]; isType && tv.IsType() {
				return true // a conversion
			}
			if id := code.CalleeIdent(n); id != nil {
				if b, isBuiltin := pass.TypesInfo.Uses[id].(*types.Builtin); isBuiltin {
					switch b.Name() {
					case "len", "cap", "min", "max", "complex", "real", "imag":
						return true
					}
				}
				if fn, isFunc := pass.TypesInfo.Uses[id].(*types.Func); isFunc && catalog.PureFuncs[fn.FullName()] {
					return true
				}
				// A function of the package, or of another package of
				// the module, that only returns a value canon can
				// follow, which has no effect: dsn() { return os.Getenv(...) }.
				if _, why := canon(typedEnv{pass}, n, 0); why == "" {
					return false
				}
			}
			ok = false
		case *ast.IndexExpr:
			// Map and slice reads are pure, but a slice index can panic;
			// dropping a panic is fine for a fix.
		}
		return ok
	})
	return ok
}
