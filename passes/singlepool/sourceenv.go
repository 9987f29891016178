package singlepool

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// typedEnv is the argEnv of the package being analyzed: names are
// resolved by type information.
type typedEnv struct{ pass *analysis.Pass }

func (env typedEnv) importPath(x *ast.Ident) (string, bool) {
	pn, ok := env.pass.TypesInfo.Uses[x].(*types.PkgName)
	if !ok {
		return "", false
	}
	return pn.Imported().Path(), true
}

func (env typedEnv) stringConst(e ast.Expr) (string, bool) {
	tv, ok := env.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func (env typedEnv) isType(e ast.Expr) bool {
	tv, ok := env.pass.TypesInfo.Types[e]
	return ok && tv.IsType()
}

func (env typedEnv) foreignFunc(path, name string) (ast.Expr, argEnv, bool) {
	return moduleFunc(moduleRoot(packageDir(env.pass)), path, name)
}

func (env typedEnv) valueOf(id *ast.Ident) (ast.Expr, argEnv, string) {
	pass := env.pass
	switch obj := pass.TypesInfo.Uses[id].(type) {
	case *types.Var:
		if obj.Pkg() != pass.Pkg {
			return nil, nil, fmt.Sprintf("%s, a variable of another package", id.Name)
		}
		file := fileOf(pass, obj.Pos())
		if file == nil {
			return nil, nil, fmt.Sprintf("%s, a variable singlepool cannot follow", id.Name)
		}
		if isParam(file, obj) {
			return nil, nil, "parameter " + id.Name
		}
		init, why := varInit(pass, file, obj)
		if why != "" {
			return nil, nil, why
		}
		// The one value only if nothing else is ever stored in it.
		scope := []ast.Node{enclosingBody(enclosingPath(file, obj.Pos()))}
		if scope[0] == nil { // package-level: every file
			scope = scope[:0]
			for _, f := range pass.Files {
				scope = append(scope, f)
			}
		}
		if w := laterWrite(pass, scope, obj); w != "" {
			return nil, nil, w
		}
		return init, env, ""
	case *types.Func:
		if obj.Pkg() != pass.Pkg || obj.Signature().Recv() != nil || obj.Signature().Params().Len() > 0 {
			return nil, nil, fmt.Sprintf("a call of %s()", id.Name)
		}
		file := fileOf(pass, obj.Pos())
		if file == nil {
			return nil, nil, fmt.Sprintf("a call of %s()", id.Name)
		}
		for _, n := range enclosingPath(file, obj.Pos()) {
			if fd, ok := n.(*ast.FuncDecl); ok {
				if r := onlyResult(fd.Body); r != nil {
					return r, env, ""
				}
				break
			}
		}
		return nil, nil, fmt.Sprintf("a call of %s()", id.Name)
	case nil:
		return nil, nil, fmt.Sprintf("%s, a name singlepool cannot follow", id.Name)
	}
	return nil, nil, fmt.Sprintf("%s, a value singlepool cannot follow", id.Name)
}

// onlyResult returns e when body is just "return e".
func onlyResult(body *ast.BlockStmt) ast.Expr {
	if body == nil || len(body.List) != 1 {
		return nil
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return ret.Results[0]
}

// varInit returns the value v is declared with: "v := e", "var v = e",
// or the first result of "v, err := f(...)"; or what v is, for a message.
func varInit(pass *analysis.Pass, file *ast.File, v *types.Var) (ast.Expr, string) {
	path := enclosingPath(file, v.Pos())
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

// laterWrite describes the first change of v after its declaration
// within scope: an assignment, a field or element set through it
// (cfg.MaxConns = 50), a method that configures it (opts.SetMaxPoolSize(50)),
// its address taken; "" if there is none.
func laterWrite(pass *analysis.Pass, scope []ast.Node, v *types.Var) string {
	rootedAt := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return pass.TypesInfo.Uses[x] == v
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			default:
				return false
			}
		}
	}
	var found ast.Node
	for _, root := range scope {
		ast.Inspect(root, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && n.Tok == token.DEFINE && pass.TypesInfo.Defs[id] != nil {
						continue // declares it, or a new variable
					}
					if rootedAt(l) {
						found = n
					}
				}
			case *ast.IncDecStmt:
				if rootedAt(n.X) {
					found = n
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && rootedAt(n.X) {
					found = n
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isBuilderMethod(sel.Sel.Name) && rootedAt(sel.X) {
					found = n
				}
			}
			return true
		})
	}
	if found == nil {
		return ""
	}
	return fmt.Sprintf("%s, changed after it is set (%s)", v.Name(), briefText(pass.Fset, found))
}
