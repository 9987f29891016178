package code

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ReturnsError reports whether the call's only result is an error.
func ReturnsError(pass *analysis.Pass, call ast.Expr) bool {
	t := pass.TypesInfo.TypeOf(call)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func IsErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsNamedIn reports whether t is the named type pkg.name, or a pointer to
// it for "*name".
func IsNamedIn(t types.Type, pkg, name string) bool {
	if rest, ok := strings.CutPrefix(name, "*"); ok {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return false
		}
		t, name = p.Elem(), rest
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func IsContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
