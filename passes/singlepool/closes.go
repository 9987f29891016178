package singlepool

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// A closeEdit removes a Close of the pool that became the shared one: a
// statement to delete, or a call whose error result is used, replaced by
// nil.
type closeEdit struct {
	node    ast.Node // *ast.ExprStmt, *ast.DeferStmt, *ast.AssignStmt, or *ast.CallExpr
	replace string   // for a call: "nil" or "error(nil)"
}

// closeCalls finds the Close calls of the pool: of target in the enclosing
// function ("target.Close()", "defer target.Close()", "_ = target.Close()",
// "return target.Close()"), and, when the pool is kept in a struct field
// (assigned to it, or put in a composite literal), of that field anywhere
// in the package, such as a Service.Close method. A Close that cannot be
// removed, or a local left with no use, means no fix.
func closeCalls(pass *analysis.Pass, path []ast.Node, target types.Object) ([]closeEdit, string) {
	body := code.EnclosingBody(path)
	if body == nil {
		return nil, ""
	}
	f := &closeFinder{
		pass:   pass,
		target: target,
		fields: make(map[types.Object]bool),
		seen:   make(map[ast.Node]bool),
	}
	global := false
	if v, ok := target.(*types.Var); ok {
		switch {
		case v.IsField():
			f.fields[v] = true
		case v.Parent() == pass.Pkg.Scope():
			global = true
		}
	}
	f.addFields(body)
	f.addViews(body)
	if reason := exportedHolder(target, f.fields); reason != "" {
		return nil, reason
	}
	f.visit(body)
	if global {
		// A package-level variable is closed anywhere in the package
		// (a Teardown): every Close goes with the fix, or none.
		for _, file := range pass.Files {
			f.visit(file)
		}
	}
	if len(f.fields) > 0 {
		// The field's Close goes everywhere only if the field holds
		// nothing but this pool: no other assignment anywhere.
		for _, file := range pass.Files {
			if other := otherFieldStore(pass, file, f.fields, p2call(path), f.isTarget); other != "" {
				return nil, other
			}
		}
		for _, file := range pass.Files {
			f.visit(file)
		}
	}
	if f.bad != "" {
		return nil, f.bad
	}

	if onlyClosed(pass, body, target, f.edits) {
		return nil, fmt.Sprintf("%s is only closed, never used: delete the call instead", target.Name())
	}
	if use := usedAfterClose(pass, body, target, f.edits); use != "" {
		return nil, fmt.Sprintf("%s is used after it is closed (%s): the code relies on closing it", target.Name(), use)
	}
	// Last: the views' declarations that the removed Close calls leave
	// unused (views.go).
	return append(f.edits, f.viewDeclEdits(body)...), ""
}

// runsLater reports whether n, inside body, does not run where it is
// written: in a defer statement or a function literal.
func runsLater(pass *analysis.Pass, body, n ast.Node) bool {
	for _, p := range code.EnclosingPath(code.FileOf(pass, n.Pos()), n.Pos()) {
		if p == body {
			return false
		}
		switch p.(type) {
		case *ast.DeferStmt, *ast.FuncLit:
			return true
		}
	}
	return false
}

// usedAfterClose returns the first use of target in body after one of its
// Close statements (not deferred ones, which run last): code that tests
// or relies on a closed pool, which the shared pool never is; "" if none.
// A Close followed, in its block, by a return (or a panic, an exit) ends
// its path: what comes after the block runs on other paths only, as in
// "if err := db.Ping(ctx); err != nil { db.Close(); return nil, err }".
func usedAfterClose(pass *analysis.Pass, body ast.Node, target types.Object, edits []closeEdit) string {
	type reach struct{ from, to token.Pos }
	var reaches []reach
	for _, e := range edits {
		if e.node.Pos() < body.Pos() || e.node.End() > body.End() || runsLater(pass, body, e.node) {
			continue
		}
		reaches = append(reaches, reach{e.node.End(), pathEnd(pass, body, e.node)})
	}
	if len(reaches) == 0 {
		return ""
	}
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		for _, e := range edits {
			if n == e.node {
				return false // another Close
			}
		}
		if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == target {
			for _, r := range reaches {
				if id.Pos() > r.from && id.Pos() < r.to {
					found = id
				}
			}
		}
		return true
	})
	if found == nil {
		return ""
	}
	// Name the statement the use is in.
	for _, n := range code.EnclosingPath(code.FileOf(pass, found.Pos()), found.Pos()) {
		if st, ok := n.(ast.Stmt); ok {
			return code.BriefText(pass.Fset, st)
		}
	}
	return target.Name()
}

// pathEnd is where the code that can run after the Close statement n
// ends: the end of its block when the block leaves the function after it
// (return, panic, os.Exit, log.Fatal), else the end of body.
func pathEnd(pass *analysis.Pass, body, n ast.Node) token.Pos {
	path := code.EnclosingPath(code.FileOf(pass, n.Pos()), n.Pos())
	for i, p := range path {
		if p == body {
			break
		}
		block, ok := p.(*ast.BlockStmt)
		if !ok || i == 0 {
			continue
		}
		after := false
		for _, st := range block.List {
			if st == path[i-1] {
				after = true
				continue
			}
			if after && leavesFunction(st) {
				return block.End()
			}
		}
		break // the innermost block decides
	}
	return body.End()
}

// leavesFunction reports whether st returns or stops the program.
func leavesFunction(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if c, ok := st.X.(*ast.CallExpr); ok {
			if id := code.CalleeIdent(c); id != nil {
				return id.Name == "panic" || id.Name == "Exit" || strings.HasPrefix(id.Name, "Fatal")
			}
		}
	}
	return false
}

// exportedHolder says why a pool kept in an exported variable or field
// cannot become the shared one: other packages may close it.
func exportedHolder(target types.Object, fields map[types.Object]bool) string {
	if v, ok := target.(*types.Var); ok && !v.IsField() && v.Parent() == v.Pkg().Scope() && v.Exported() {
		return fmt.Sprintf("the pool is kept in %s, exported: other packages may close it", v.Name())
	}
	for f := range fields {
		if f.Exported() {
			return fmt.Sprintf("the pool is kept in field %s, exported: other packages may close it", f.Name())
		}
	}
	return ""
}

// A closeFinder collects the Close calls of one pool: of the variable that
// receives it, and of the struct fields it is kept in.
type closeFinder struct {
	pass   *analysis.Pass
	target types.Object
	fields map[types.Object]bool            // the fields that will hold the shared pool
	views  map[types.Object]*ast.AssignStmt // locals holding a view of it, by declaration (views.go)
	seen   map[ast.Node]bool                // roots already visited
	edits  []closeEdit
	bad    string // why a Close cannot be removed; "" if every one can
}

func (f *closeFinder) isTarget(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && f.pass.TypesInfo.Uses[id] == f.target
}

// addFields adds the fields that body stores the target in: by assignment
// or in a composite literal.
func (f *closeFinder) addFields(body ast.Node) {
	uses := f.pass.TypesInfo.Uses
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if i < len(n.Lhs) && f.isTarget(r) {
					if sel, ok := ast.Unparen(n.Lhs[i]).(*ast.SelectorExpr); ok {
						if fv, ok := uses[sel.Sel].(*types.Var); ok && fv.IsField() {
							f.fields[fv] = true
						}
					}
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && f.isTarget(n.Value) {
				if fv, ok := uses[key].(*types.Var); ok && fv.IsField() {
					f.fields[fv] = true
				}
			}
		}
		return true
	})
}

// refersTo reports whether e is the target or one of its fields.
func (f *closeFinder) refersTo(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return f.pass.TypesInfo.Uses[e] == f.target || f.isViewVar(e)
	case *ast.SelectorExpr:
		return f.fields[f.pass.TypesInfo.Uses[e.Sel]]
	}
	return false
}

// reaches reports whether e is the pool or a value reached from it:
// d, s.db, gdb.DB() (gorm's *sql.DB), x.DB (sqlx's embedded *sql.DB).
func (f *closeFinder) reaches(e ast.Expr) bool {
	for {
		if f.refersTo(e) {
			return true
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		default:
			return false
		}
	}
}

// isClose reports whether e is a call of the pool's Close.
func (f *closeFinder) isClose(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	n, isClose := catalog.CloseMethods[sel.Sel.Name]
	return isClose && len(call.Args) == n && f.refersTo(sel.X)
}

// visit records the Close calls under root, skipping roots visited
// before (the enclosing function, when its file is visited).
func (f *closeFinder) visit(root ast.Node) {
	pass := f.pass
	handled := make(map[ast.Expr]bool) // Close calls already edited as statements
	funs := make(map[ast.Expr]bool)    // selectors that are called
	ast.Inspect(root, func(n ast.Node) bool {
		if f.seen[n] {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			funs[ast.Unparen(call.Fun)] = true
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			// pool.Close as a value (t.Cleanup(pool.Close)) would
			// close the shared pool later, out of the fix's reach.
			if catalog.IsCloseMethod(n.Sel.Name) && f.refersTo(n.X) && !funs[n] {
				f.bad = fmt.Sprintf("%s is passed as a function value", code.NodeText(pass.Fset, n))
			}
		case *ast.ExprStmt:
			if f.isClose(n.X) {
				f.edits = append(f.edits, closeEdit{node: n})
				handled[ast.Unparen(n.X)] = true
			}
		case *ast.DeferStmt:
			if f.isClose(n.Call) {
				f.edits = append(f.edits, closeEdit{node: n})
				handled[n.Call] = true
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && code.IsBlank(n.Lhs[0]) && f.isClose(n.Rhs[0]) {
				f.edits = append(f.edits, closeEdit{node: n})
				handled[ast.Unparen(n.Rhs[0])] = true
			}
		case *ast.ReturnStmt:
			// return x.Close(), or return v, x.Close(): the result is an
			// error there, so nil takes the call's place.
			for _, r := range n.Results {
				if f.isClose(r) && code.ReturnsError(pass, r) {
					f.edits = append(f.edits, closeEdit{node: ast.Unparen(r), replace: "nil"})
					handled[ast.Unparen(r)] = true
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && catalog.SQLPoolSetters[sel.Sel.Name] && f.reaches(sel.X) {
				f.bad = fmt.Sprintf("it tunes its pool after building it (%s); the fix would tune the shared pool", code.BriefText(pass.Fset, n))
			}
			// The pool handed to a function of the package that closes
			// it (defer closeDB(t, db)): that Close would stay.
			for i, arg := range n.Args {
				if f.refersTo(arg) && closesParam(pass, n, i) {
					f.bad = fmt.Sprintf("%s closes it, and would close the shared pool", code.BriefText(pass.Fset, n))
				}
			}
			if f.isClose(n) {
				// Disconnect(ctx): its argument goes with the call.
				for _, a := range n.Args {
					if !connid.Droppable(pass, a) {
						f.bad = fmt.Sprintf("dropping %s could drop side effects", code.BriefText(pass.Fset, a))
					}
				}
			}
			if f.isClose(n) && !handled[n] {
				if code.ReturnsError(pass, n) {
					f.edits = append(f.edits, closeEdit{node: n, replace: "error(nil)"})
				} else {
					f.bad = fmt.Sprintf("%s is used in a way the fix cannot remove", code.BriefText(pass.Fset, n))
				}
			}
		}
		return true
	})
	f.seen[root] = true
}

// onlyClosed reports whether target is a local whose every use in body
// is in one of the removed Close calls: it would be left unused.
func onlyClosed(pass *analysis.Pass, body ast.Node, target types.Object, edits []closeEdit) bool {
	v, ok := target.(*types.Var)
	if !ok || !code.IsLocal(pass, v) || len(edits) == 0 {
		return false
	}
	count := func(root ast.Node) int {
		n := 0
		ast.Inspect(root, func(x ast.Node) bool {
			if id, ok := x.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
				n++
			}
			return true
		})
		return n
	}
	closes := 0
	for _, e := range edits {
		if e.node.Pos() >= body.Pos() && e.node.End() <= body.End() {
			closes += count(e.node)
		}
	}
	return count(body) == closes
}

// p2call returns the constructor call at the bottom of a site's path.
func p2call(path []ast.Node) ast.Node {
	for _, n := range path {
		if call, ok := n.(*ast.CallExpr); ok {
			return call
		}
	}
	return nil
}

// otherFieldStore finds a store of a function parameter into one of the
// fields: then the field may hold a pool the caller owns, whose Close must
// stay.
func otherFieldStore(pass *analysis.Pass, file *ast.File, fields map[types.Object]bool, call ast.Node, isTarget func(ast.Expr) bool) string {
	// A store from a parameter puts a caller's pool in the field (migrate's
	// NewDB(admin, data)); stores of other new pools are other sites.
	own := func(e ast.Expr) bool {
		if ast.Unparen(e) == call || isTarget(e) {
			return true
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		return !ok || !code.IsLocal(pass, v) || !code.IsParam(code.FileOf(pass, v.Pos()), v)
	}
	var found string
	ast.Inspect(file, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || !fields[pass.TypesInfo.Uses[sel.Sel]] {
					continue
				}
				if len(n.Rhs) == len(n.Lhs) && own(n.Rhs[i]) || len(n.Rhs) == 1 && own(n.Rhs[0]) {
					continue
				}
				found = sel.Sel.Name
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && fields[pass.TypesInfo.Uses[key]] && !own(n.Value) {
				found = key.Name
			}
		}
		return true
	})
	if found != "" {
		return fmt.Sprintf("field %s also holds pools from elsewhere, whose Close must stay", found)
	}
	return ""
}

// closesParam reports whether call calls a function of the package whose
// i'th parameter is closed in its body: closeDB(t, db) with
// func closeDB(t testing.TB, db *sql.DB) { db.Close() }.
func closesParam(pass *analysis.Pass, call *ast.CallExpr, i int) bool {
	id := code.CalleeIdent(call)
	if id == nil {
		return false
	}
	fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != pass.Pkg {
		return false
	}
	params := fn.Signature().Params()
	if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
		return false
	}
	param := params.At(i)
	file := code.FileOf(pass, fn.Pos())
	if file == nil {
		return false
	}
	body := code.EnclosingBody(code.EnclosingPath(file, fn.Pos()))
	if body == nil {
		return false
	}
	closed := false
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return !closed
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && catalog.IsCloseMethod(sel.Sel.Name) && len(c.Args) == catalog.CloseMethods[sel.Sel.Name] {
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && pass.TypesInfo.Uses[x] == param {
				closed = true
			}
		}
		return !closed
	})
	return closed
}
