package frequency

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// A loop over the configured databases (shards, tenants, replicas) that
// builds one pool per entry and keeps each beyond the loop builds the
// pools the configuration asks for, once: not a pool per iteration.
//
//	for _, c := range cfgs { p, err := New(c.DSN); ...; pools[c.Name] = p }
//	for i := 0; i < n; i++ { out = append(out, New(dsns[i])) }
//	for i := range cfgs { cfgs[i].pool = New(cfgs[i].DSN) }
//
// A loop that closes its pool, drops it, or takes its entries from a
// channel or runs forever (messages, requests) builds one per iteration.

// keepsOnePerEntry reports whether loop, whose body holds the constructor
// call on path (innermost first, from the call or below it), keeps the
// call's pool per entry in a collection declared before the loop.
func keepsOnePerEntry(pass *analysis.Pass, loop ast.Stmt, path []ast.Node) bool {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Cond == nil {
			return false // for { }: until something stops it
		}
		body = l.Body
	case *ast.RangeStmt:
		switch types.Unalias(pass.TypesInfo.TypeOf(l.X)).Underlying().(type) {
		case *types.Chan, *types.Signature:
			return false // messages, or an iterator that may not end
		}
		body = l.Body
	default:
		return false
	}
	ci := innermostCall(path)
	if ci < 0 {
		return false
	}
	call := path[ci]
	var lhs ast.Expr
	switch p := path[ci+1].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			lhs = p.Names[0]
		}
	case *ast.CallExpr:
		// out = append(out, New(..))
		return keptBy(pass, loop, path, ci+1)
	}
	if lhs == nil {
		return false
	}
	if keptIn(pass, loop, lhs) {
		return true
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Pos() < body.Pos() {
		return false // a variable of the whole loop, replaced each time
	}
	kept, closed := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && pass.TypesInfo.Uses[x] == v && catalog.IsCloseMethod(n.Sel.Name) {
				closed = true
			}
		case *ast.AssignStmt:
			if n.Pos() < call.Pos() || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, r := range n.Rhs {
				if holds(pass, r, v) && keptIn(pass, loop, n.Lhs[i]) {
					kept = true
				}
				if isAppendOf(pass, r, v) && rootDeclaredBefore(pass, n.Lhs[i], loop) {
					kept = true
				}
			}
		}
		return true
	})
	return kept && !closed
}

// keptBy reports whether the call at path[i] is append(x, pool) assigned
// to x, a collection declared before the loop.
func keptBy(pass *analysis.Pass, loop ast.Stmt, path []ast.Node, i int) bool {
	app, ok := path[i].(*ast.CallExpr)
	if !ok || i+1 >= len(path) || !code.IsBuiltinCall(pass.TypesInfo, app, "append") {
		return false
	}
	as, ok := path[i+1].(*ast.AssignStmt)
	return ok && len(as.Lhs) == 1 && rootDeclaredBefore(pass, as.Lhs[0], loop)
}

// keptIn reports whether the target e is an element of a collection
// declared before the loop (pools[name], out[i], cfgs[i].pool).
func keptIn(pass *analysis.Pass, loop ast.Stmt, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			return rootDeclaredBefore(pass, x.X, loop)
		}
		return false
	}
}

// rootDeclaredBefore reports whether the variable e is rooted at was
// declared before the loop and outlives the function: a package-level
// variable, a parameter or receiver, or a local the function returns or
// stores beyond itself. A local slice closed after the loop keeps
// nothing for the program.
func rootDeclaredBefore(pass *analysis.Pass, e ast.Expr, loop ast.Stmt) bool {
	v := rootVar(pass, e)
	if v == nil || v.Pos() >= loop.Pos() {
		return false
	}
	if v.Parent() == v.Pkg().Scope() {
		return true
	}
	fn := enclosingFunc(pass, loop)
	if fn == nil {
		return false
	}
	if sig, ok := pass.TypesInfo.TypeOf(fn.typ).(*types.Signature); ok && isParam(sig, v) {
		return true
	}
	outlives := false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if holds(pass, r, v) {
					outlives = true
				}
			}
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if i < len(n.Lhs) && holds(pass, r, v) && !isLocalIdent(pass, n.Lhs[i]) {
					outlives = true // a field, a global, an element
				}
			}
		}
		return !outlives
	})
	return outlives
}

// A funcNode is a function declaration's or literal's type and body.
type funcNode struct {
	typ  ast.Expr
	body *ast.BlockStmt
}

// enclosingFunc returns the innermost function around n.
func enclosingFunc(pass *analysis.Pass, n ast.Node) *funcNode {
	for _, f := range pass.Files {
		if f.FileStart > n.Pos() || n.Pos() > f.FileEnd {
			continue
		}
		var found *funcNode
		ast.Inspect(f, func(m ast.Node) bool {
			if m == nil || m.Pos() > n.Pos() || m.End() < n.End() {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncDecl:
				if m.Body != nil {
					found = &funcNode{m.Name, m.Body}
				}
			case *ast.FuncLit:
				found = &funcNode{m, m.Body}
			}
			return true
		})
		return found
	}
	return nil
}

func isParam(sig *types.Signature, v *types.Var) bool {
	if r := sig.Recv(); r == v {
		return true
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return true
		}
	}
	return false
}

func isLocalIdent(pass *analysis.Pass, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	return ok && v.Parent() != v.Pkg().Scope()
}

// rootVar returns the variable e is rooted at: x for x, x.f, x[i], *x.
func rootVar(pass *analysis.Pass, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident:
			v, _ := pass.TypesInfo.Uses[x].(*types.Var)
			return v
		}
		return nil
	}
}

// holds reports whether the value of e is, or holds, v (see code.Holds).
func holds(pass *analysis.Pass, e ast.Expr, v *types.Var) bool {
	return code.Holds(pass.TypesInfo, e, func(o types.Object) bool { return o == v })
}

// isAppendOf reports whether e is append(x, ..., v, ...).
func isAppendOf(pass *analysis.Pass, e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !code.IsBuiltinCall(pass.TypesInfo, call, "append") {
		return false
	}
	for _, a := range call.Args[1:] {
		if holds(pass, a, v) {
			return true
		}
	}
	return false
}
