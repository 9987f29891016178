package refactor

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// UnusedLocals returns the declarations of local variables that have no
// use left outside removed, adding each deleted declaration to removed.
// A variable that cannot be deleted safely (declared with others, by a
// call that may have effects, or only assigned afterwards) is a reason
// not to offer the fix. connid.Droppable says which initializers may go.
func UnusedLocals(pass *analysis.Pass, scope []ast.Node, removed *[]Span, droppable func(*analysis.Pass, ast.Expr) bool) ([]ast.Stmt, string) {
	var decls []ast.Stmt
	deleted := make(map[types.Object]bool)
	for changed := true; changed; {
		changed = false
		// Uses of each local, inside and outside the removed spans.
		type count struct{ gone, reads, writes int }
		counts := make(map[*types.Var]*count)
		var order []*types.Var
		writes := make(map[*ast.Ident]bool)
		inspect := func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						writes[id] = true
					}
				}
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := pass.TypesInfo.Uses[id].(*types.Var)
			if !ok || !code.IsLocal(pass, v) || deleted[v] {
				return true
			}
			c := counts[v]
			if c == nil {
				c = &count{}
				counts[v] = c
				order = append(order, v)
			}
			switch {
			case InSpans(id.Pos(), *removed):
				c.gone++
			case writes[id]:
				c.writes++
			default:
				c.reads++
			}
			return true
		}
		for _, n := range scope {
			ast.Inspect(n, inspect)
		}
		for _, v := range order {
			c := counts[v]
			if c.gone == 0 || c.reads > 0 || InSpans(v.Pos(), *removed) {
				continue // still used, or its declaration goes already
			}
			if c.writes > 0 {
				return nil, fmt.Sprintf("%s would only be assigned, never used", v.Name())
			}
			if code.IsParam(code.FileOf(pass, v.Pos()), v) {
				continue // an unused parameter compiles
			}
			decl, init := localDecl(code.FileOf(pass, v.Pos()), v)
			if decl == nil {
				return nil, fmt.Sprintf("%s would be left unused and its declaration cannot be removed", v.Name())
			}
			if init != nil && !droppable(pass, init) {
				return nil, fmt.Sprintf("%s would be left unused and its initializer %s may have side effects", v.Name(), code.BriefText(pass.Fset, init))
			}
			deleted[v] = true
			decls = append(decls, decl)
			*removed = append(*removed, Span{decl.Pos(), decl.End()})
			changed = true
		}
	}
	return decls, ""
}

// localDecl returns the statement declaring only v ("v := e", "var v = e",
// "var v T") and its initializer, or nil if v is declared with others.
func localDecl(file *ast.File, v *types.Var) (ast.Stmt, ast.Expr) {
	path := code.EnclosingPath(file, v.Pos())
	for i, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				return n, n.Rhs[0]
			}
			return nil, nil
		case *ast.ValueSpec:
			if len(n.Names) != 1 || len(n.Values) > 1 || i+2 >= len(path) {
				return nil, nil
			}
			gd, ok := path[i+1].(*ast.GenDecl)
			if !ok || len(gd.Specs) != 1 {
				return nil, nil
			}
			ds, ok := path[i+2].(*ast.DeclStmt)
			if !ok {
				return nil, nil
			}
			if len(n.Values) == 1 {
				return ds, n.Values[0]
			}
			return ds, nil
		case *ast.FuncDecl, *ast.FuncLit, *ast.BlockStmt:
			return nil, nil
		}
	}
	return nil, nil
}
