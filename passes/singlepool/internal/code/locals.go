package code

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// IsParam reports whether v is a parameter or named result of a function.
func IsParam(file *ast.File, v *types.Var) bool {
	path := EnclosingPath(file, v.Pos())
	for _, n := range path {
		switch n.(type) {
		case *ast.FieldList:
			return true
		case *ast.BlockStmt, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// IsLocal reports whether v is a variable declared inside a function.
func IsLocal(pass *analysis.Pass, v *types.Var) bool {
	return !v.IsField() && v.Parent() != nil && v.Parent() != pass.Pkg.Scope() && v.Pkg() == pass.Pkg
}

// VarInit returns the value v is declared with: "v := e", "var v = e",
// or the first result of "v, err := f(...)"; or what v is, for a message.
func VarInit(pass *analysis.Pass, file *ast.File, v *types.Var) (ast.Expr, string) {
	path := EnclosingPath(file, v.Pos())
	for _, n := range path {
		switch n := n.(type) {
		case *ast.RangeStmt:
			return nil, "loop variable " + v.Name()
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && pass.TypesInfo.Defs[id] == v {
					if len(n.Rhs) == len(n.Lhs) {
						return n.Rhs[i], ""
					}
					if len(n.Rhs) == 1 && i == 0 {
						return n.Rhs[0], "" // the call's first result
					}
				}
			}
			return nil, fmt.Sprintf("%s, a variable singlepool cannot follow", v.Name())
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if name.Pos() != v.Pos() {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					return n.Values[i], ""
				case len(n.Values) == 1 && i == 0:
					return n.Values[0], ""
				}
			}
			return nil, fmt.Sprintf("%s, a variable declared without a value", v.Name())
		case *ast.FuncDecl, *ast.FuncLit, *ast.BlockStmt:
			return nil, fmt.Sprintf("%s, a variable singlepool cannot follow", v.Name())
		}
	}
	return nil, fmt.Sprintf("%s, a variable singlepool cannot follow", v.Name())
}

// PoolTarget returns the variable or field the call's first result is
// stored in: "pool, err := C()", "s.db, err = C()", "var pool = C()".
func PoolTarget(pass *analysis.Pass, path []ast.Node) types.Object {
	call := path[0]
	if len(path) < 2 {
		return nil
	}
	var lhs ast.Expr
	switch parent := path[1].(type) {
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 && parent.Rhs[0] == call {
			lhs = parent.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && parent.Values[0] == call {
			lhs = parent.Names[0]
		}
	case *ast.KeyValueExpr:
		// &Board{rdb: C()}: the field.
		if parent.Value == call {
			if key, ok := parent.Key.(*ast.Ident); ok {
				if v, ok := pass.TypesInfo.Uses[key].(*types.Var); ok && v.IsField() {
					return v
				}
			}
		}
	}
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if lhs.Name == "_" {
			return nil
		}
		if obj := pass.TypesInfo.Defs[lhs]; obj != nil {
			return obj
		}
		return pass.TypesInfo.Uses[lhs]
	case *ast.SelectorExpr:
		return pass.TypesInfo.Uses[lhs.Sel]
	}
	return nil
}
