package connid

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
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
	return moduleFunc(code.ModuleRoot(code.PackageDir(env.pass)), path, name)
}

// fieldWrites has nothing to add: valueOf refuses a variable changed after
// it is set.
func (typedEnv) fieldWrites(ast.Expr) ([]string, string) { return nil, "" }

func (env typedEnv) valueOf(id *ast.Ident) (ast.Expr, argEnv, string) {
	pass := env.pass
	switch obj := pass.TypesInfo.Uses[id].(type) {
	case *types.Var:
		if obj.Pkg() != pass.Pkg {
			return nil, nil, fmt.Sprintf("%s, a variable of another package", id.Name)
		}
		file := code.FileOf(pass, obj.Pos())
		if file == nil {
			return nil, nil, fmt.Sprintf("%s, a variable singlepool cannot follow", id.Name)
		}
		if code.IsParam(file, obj) {
			return nil, nil, "parameter " + id.Name
		}
		init, why := code.VarInit(pass, file, obj)
		if why != "" {
			return nil, nil, why
		}
		// The one value only if nothing else is ever stored in it.
		scope := []ast.Node{code.EnclosingBody(code.EnclosingPath(file, obj.Pos()))}
		if scope[0] == nil { // package-level: every file
			scope = scope[:0]
			for _, f := range pass.Files {
				scope = append(scope, f)
			}
		}
		if w := LaterWrite(pass, scope, obj); w != "" {
			return nil, nil, w
		}
		return init, env, ""
	case *types.Func:
		if obj.Pkg() != pass.Pkg || obj.Signature().Recv() != nil || obj.Signature().Params().Len() > 0 {
			return nil, nil, fmt.Sprintf("a call of %s()", id.Name)
		}
		file := code.FileOf(pass, obj.Pos())
		if file == nil {
			return nil, nil, fmt.Sprintf("a call of %s()", id.Name)
		}
		for _, n := range code.EnclosingPath(file, obj.Pos()) {
			if fd, ok := n.(*ast.FuncDecl); ok {
				if r := code.OnlyResult(fd.Body); r != nil {
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

// Args returns the canonical text of a call's arguments in the analyzed
// package, or a description of the first one that has none.
func Args(pass *analysis.Pass, args []ast.Expr) (string, string) {
	return canonArgs(typedEnv{pass}, args)
}

// Value returns the one value the name id of the analyzed package
// stands for, or what it is, for a message.
func Value(pass *analysis.Pass, id *ast.Ident) (ast.Expr, string) {
	v, _, why := typedEnv{pass}.valueOf(id)
	return v, why
}

// LaterWrite describes the first change of v after its declaration
// within scope: an assignment, a field or element set through it
// (cfg.MaxConns = 50), a method that configures it (opts.SetMaxPoolSize(50)),
// its address taken; "" if there is none.
func LaterWrite(pass *analysis.Pass, scope []ast.Node, v *types.Var) string {
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
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && catalog.IsBuilderMethod(sel.Sel.Name) && rootedAt(sel.X) {
					found = n
				}
			}
			return true
		})
	}
	if found == nil {
		return ""
	}
	return fmt.Sprintf("%s, changed after it is set (%s)", v.Name(), code.BriefText(pass.Fset, found))
}
