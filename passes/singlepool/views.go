package singlepool

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Views of the pool: locals that hold the pool under another type, such
// as gorm's *sql.DB (sqlDB, err := gdb.DB()) or sqlx's embedded *sql.DB
// (raw := x.DB). Closing one closes the pool, and tuning one tunes it: the
// fix removes such a Close like the pool's own, and refuses such tuning.
// A view left with no use after its Close goes loses its declaration:
// "sqlDB, err := gdb.DB()" becomes "_, err := gdb.DB()" (or "=" when err
// is not new), and a statement that declares nothing else is deleted
// (a view is read without effects).

// addViews records the locals of body that are views of the pool.
func (f *closeFinder) addViews(body ast.Node) {
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 || !f.isView(as.Rhs[0]) {
			return true
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok || id.Name == "_" {
			return true
		}
		if v, ok := f.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && code.IsLocal(f.pass, v) {
			if f.views == nil {
				f.views = make(map[types.Object]*ast.AssignStmt)
			}
			f.views[v] = as
		}
		return true
	})
}

// isView reports whether e reads the pool under another type: a pool
// view method on it (catalog.PoolViews), or its embedded field.
func (f *closeFinder) isView(e ast.Expr) bool {
	info := f.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return false
		}
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		return ok && fn.Pkg() != nil && catalog.PoolViews[[2]string{fn.Pkg().Path(), fn.Name()}] && f.refersTo(sel.X)
	case *ast.SelectorExpr:
		v, ok := info.Uses[e.Sel].(*types.Var)
		return ok && v.Embedded() && types.TypeString(v.Type(), nil) == "*database/sql.DB" && f.refersTo(e.X)
	}
	return false
}

// isViewVar reports whether id names a view of the pool.
func (f *closeFinder) isViewVar(id *ast.Ident) bool {
	_, ok := f.views[f.pass.TypesInfo.Uses[id]]
	return ok
}

// viewDeclEdits returns the edits of the views' declarations that the
// removed Close calls leave without a use in body.
func (f *closeFinder) viewDeclEdits(body ast.Node) []closeEdit {
	var edits []closeEdit
	for v, as := range f.views {
		if usedOutside(f.pass, body, v, f.edits) {
			continue
		}
		others := false // the statement declares or assigns something else
		fresh := false  // ...and declares a new variable there
		for _, l := range as.Lhs[1:] {
			if code.IsBlank(l) {
				continue
			}
			others = true
			if id, ok := l.(*ast.Ident); ok && f.pass.TypesInfo.Defs[id] != nil {
				fresh = true
			}
		}
		if !others {
			edits = append(edits, closeEdit{node: as})
			continue
		}
		edits = append(edits, closeEdit{node: as.Lhs[0], replace: "_"})
		if as.Tok == token.DEFINE && !fresh {
			edits = append(edits, closeEdit{node: tokenNode{as.TokPos, as.TokPos + 2}, replace: "="})
		}
	}
	return edits
}

// usedOutside reports whether v has a use in body outside the edits.
func usedOutside(pass *analysis.Pass, body ast.Node, v types.Object, edits []closeEdit) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		for _, e := range edits {
			if n == e.node {
				return false
			}
		}
		if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return true
	})
	return found
}

// tokenNode is a span of source that is not a node, for an edit.
type tokenNode struct{ pos, end token.Pos }

func (n tokenNode) Pos() token.Pos { return n.pos }
func (n tokenNode) End() token.Pos { return n.end }
