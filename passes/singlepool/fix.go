package singlepool

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// A plan is the fix for one site, before cleanup.
type plan struct {
	site     site
	call     *ast.CallExpr
	accessor string   // full name of the accessor: "pkg/path.Func"
	keep     ast.Expr // the context argument passed through, or nil
	dropped  []ast.Expr
	target   types.Object // the variable that receives the pool, or nil
	closes   []closeEdit  // Close calls of target, to remove
	reason   string       // why no fix is offered; "" if one is
}

// A span is a half-open range of removed source.
type span struct{ pos, end token.Pos }

// fileFixes computes the suggested fixes for the sites of one file. Sites
// whose dropped arguments share a local variable are fixed together (each
// gets the same fix), so that the variable is deleted exactly when its last
// use goes: each fix is then correct applied alone, and identical edits
// coalesce when every fix is applied.
//
// For a site with an accessor configured but no fix, noFix[i] says why.
func fileFixes(pass *analysis.Pass, s *settings, file *ast.File, sites []site, paths [][]ast.Node) (fixes []*analysis.SuggestedFix, noFix []string) {
	fixes = make([]*analysis.SuggestedFix, len(sites))
	noFix = make([]string, len(sites))
	plans := make([]*plan, len(sites))
	findPkg := packageFinder(pass.Pkg)
	for i, st := range sites {
		plans[i] = planSite(pass, s, file, st, paths[i], findPkg)
	}
	// Reasons are read at the end: building a group's fix can still
	// rule it out.
	defer func() {
		for i, p := range plans {
			if p != nil && fixes[i] == nil {
				noFix[i] = p.reason
			}
		}
	}()
	if isCgoOutput(file) {
		// Positions map to the original through //line directives, but
		// edits would apply to cgo's output.
		for _, p := range plans {
			if p != nil {
				p.reason = "the file is processed by cgo"
			}
		}
		return fixes, noFix
	}
	fixable := func(i int) bool { return plans[i] != nil && plans[i].reason == "" }

	// Group fixable sites that share a local variable in their dropped
	// arguments (union-find over site indices).
	parent := make([]int, len(sites))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	owner := make(map[types.Object]int)
	for i := range sites {
		if !fixable(i) {
			continue
		}
		for _, e := range plans[i].dropped {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && isLocal(pass, v) {
						if j, seen := owner[v]; seen {
							parent[find(i)] = find(j)
						} else {
							owner[v] = i
						}
					}
				}
				return true
			})
		}
	}
	groups := make(map[int][]*plan)
	var roots []int
	for i := range sites {
		if fixable(i) {
			r := find(i)
			if groups[r] == nil {
				roots = append(roots, r)
			}
			groups[r] = append(groups[r], plans[i])
		}
	}
	if len(roots) == 0 {
		return fixes, noFix
	}
	name, spec, reason := accessorImport(pass, file, plans, fixable)
	if reason != "" {
		for i, p := range plans {
			if fixable(i) {
				p.reason = reason
			}
		}
	}
	refs := collectImportRefs(pass, file)
	src := fileContent(pass, pass.Fset.File(file.FileStart)) // read once per file
	for _, r := range roots {
		g := groups[r]
		var fix *analysis.SuggestedFix
		if reason == "" {
			fix = buildFix(pass, file, src, g, name, spec, refs)
		}
		for i := range sites {
			if plans[i] != nil && plans[i].reason == "" && find(i) == r {
				fixes[i] = fix
			}
		}
	}
	return fixes, noFix
}

// planSite checks that the site is a direct call of a constructor with a
// configured accessor and records what the fix removes.
func planSite(pass *analysis.Pass, s *settings, file *ast.File, st site, path []ast.Node, find func(string) *types.Package) *plan {
	acc, ok := s.singletons[funcKey(st.fn)]
	if !ok {
		return nil
	}
	p := &plan{site: st, accessor: acc}
	// The call: F(...) for a dot import, x.F(...) for a package or method.
	var recv ast.Expr
	i := 1
	if len(path) > 1 {
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == st.id {
			if _, isPkg := pass.TypesInfo.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
				recv = sel.X
			}
			i = 2
		}
	}
	if len(path) > i {
		if call, ok := path[i].(*ast.CallExpr); ok && ast.Unparen(call.Fun) == path[i-1] {
			p.call = call
		}
	}
	if p.call == nil {
		p.reason = "a function value: the accessor cannot be substituted where the call happens"
		return p
	}
	sig := st.fn.Signature()
	ctxFirst := sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type())
	args := p.call.Args
	if p.call.Ellipsis.IsValid() && ctxFirst && len(args) == 1 {
		p.reason = "the context is inside a spread argument"
		return p
	}
	if ctxFirst && len(args) > 0 {
		p.keep = args[0]
		args = args[1:]
	}
	if recv != nil {
		p.dropped = append(p.dropped, recv)
	}
	p.dropped = append(p.dropped, args...)
	for _, e := range p.dropped {
		if !droppable(pass, e) {
			p.reason = fmt.Sprintf("dropping %s could drop side effects", briefText(pass.Fset, e))
			return p
		}
	}
	if reason := checkVisibleAccessor(find, st.fn, acc); reason != "" {
		p.reason = reason
		return p
	}
	p.target = poolTarget(pass, path[i:])
	if p.target != nil {
		p.closes, p.reason = closeCalls(pass, file, path, p.target)
	}
	return p
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// poolTarget returns the variable or field the call's first result is
// stored in: "pool, err := C()", "s.db, err = C()", "var pool = C()".
func poolTarget(pass *analysis.Pass, path []ast.Node) types.Object {
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
func closeCalls(pass *analysis.Pass, file *ast.File, path []ast.Node, target types.Object) ([]closeEdit, string) {
	var body ast.Node
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
	}
	if body == nil {
		return nil, ""
	}
	// The fields that will hold the shared pool.
	fields := make(map[types.Object]bool)
	if v, ok := target.(*types.Var); ok && v.IsField() {
		fields[v] = true
	}
	isTarget := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && pass.TypesInfo.Uses[id] == target
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if i < len(n.Lhs) && isTarget(r) {
					if sel, ok := ast.Unparen(n.Lhs[i]).(*ast.SelectorExpr); ok {
						if f, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
							fields[f] = true
						}
					}
				}
			}
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && isTarget(n.Value) {
				if f, ok := pass.TypesInfo.Uses[key].(*types.Var); ok && f.IsField() {
					fields[f] = true
				}
			}
		}
		return true
	})
	refersTo := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return pass.TypesInfo.Uses[e] == target
		case *ast.SelectorExpr:
			return fields[pass.TypesInfo.Uses[e.Sel]]
		}
		return false
	}
	isClose := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Close" && refersTo(sel.X)
	}
	var edits []closeEdit
	var bad string
	seen := make(map[ast.Node]bool)
	visit := func(root ast.Node) {
		handled := make(map[ast.Expr]bool)
		funs := make(map[ast.Expr]bool) // selectors that are called
		ast.Inspect(root, func(n ast.Node) bool {
			if seen[n] {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				funs[ast.Unparen(call.Fun)] = true
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				// pool.Close as a value (t.Cleanup(pool.Close)) would
				// close the shared pool later, out of the fix's reach.
				if n.Sel.Name == "Close" && refersTo(n.X) && !funs[n] {
					bad = fmt.Sprintf("%s is passed as a function value", nodeText(pass.Fset, n))
				}
			case *ast.ExprStmt:
				if isClose(n.X) {
					edits = append(edits, closeEdit{node: n})
					handled[ast.Unparen(n.X)] = true
				}
			case *ast.DeferStmt:
				if isClose(n.Call) {
					edits = append(edits, closeEdit{node: n})
					handled[n.Call] = true
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 && isBlank(n.Lhs[0]) && isClose(n.Rhs[0]) {
					edits = append(edits, closeEdit{node: n})
					handled[ast.Unparen(n.Rhs[0])] = true
				}
			case *ast.ReturnStmt:
				if len(n.Results) == 1 && isClose(n.Results[0]) && returnsError(pass, n.Results[0]) {
					edits = append(edits, closeEdit{node: ast.Unparen(n.Results[0]), replace: "nil"})
					handled[ast.Unparen(n.Results[0])] = true
				}
			case *ast.CallExpr:
				if isClose(n) && !handled[n] {
					if returnsError(pass, n) {
						edits = append(edits, closeEdit{node: n, replace: "error(nil)"})
					} else {
						bad = fmt.Sprintf("%s is used in a way the fix cannot remove", briefText(pass.Fset, n))
					}
				}
			}
			return true
		})
		seen[root] = true
	}
	visit(body)
	if len(fields) > 0 {
		// The field's Close goes everywhere only if the field holds
		// nothing but this pool: no other assignment anywhere.
		for _, f := range pass.Files {
			if other := otherFieldStore(pass, f, fields, p2call(path), isTarget); other != "" {
				return nil, other
			}
		}
		for _, f := range pass.Files {
			visit(f)
		}
	}
	if bad != "" {
		return nil, bad
	}
	// A local whose only uses were Close calls would be left unused.
	if v, ok := target.(*types.Var); ok && isLocal(pass, v) && len(edits) > 0 {
		uses, closes := 0, 0
		ast.Inspect(body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
				uses++
			}
			return true
		})
		for _, e := range edits {
			if e.node.Pos() >= body.Pos() && e.node.End() <= body.End() {
				ast.Inspect(e.node, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
						closes++
					}
					return true
				})
			}
		}
		if uses == closes {
			return nil, fmt.Sprintf("%s is only closed, never used: delete the call instead", v.Name())
		}
	}
	return edits, ""
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
		return !ok || !isLocal(pass, v) || !isParam(pass, fileOf(pass, v.Pos()), v)
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

// returnsError reports whether the call's only result is an error.
func returnsError(pass *analysis.Pass, call ast.Expr) bool {
	t := pass.TypesInfo.TypeOf(call)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// buildFix assembles the edits for a group of sites: the replaced calls,
// the removed Close statements, the declarations of locals that only the
// dropped arguments used, and the import changes.
func buildFix(pass *analysis.Pass, file *ast.File, src []byte, group []*plan, name string, spec *importEdit, refs importRefs) *analysis.SuggestedFix {
	tf := pass.Fset.File(file.FileStart)
	var edits []analysis.TextEdit
	var removed []span
	for _, p := range group {
		qual := p.accessor[strings.LastIndex(p.accessor, ".")+1:]
		if name != "" {
			qual = name + "." + qual
		}
		arg := ""
		if p.keep != nil {
			arg = nodeText(pass.Fset, p.keep)
			removed = append(removed, span{p.call.Pos(), p.keep.Pos()}, span{p.keep.End(), p.call.End()})
		} else {
			removed = append(removed, span{p.call.Pos(), p.call.End()})
		}
		edits = append(edits, analysis.TextEdit{Pos: p.call.Pos(), End: p.call.End(), NewText: []byte(qual + "(" + arg + ")")})
		for _, c := range p.closes {
			removed = append(removed, span{c.node.Pos(), c.node.End()})
			if c.replace != "" {
				edits = append(edits, analysis.TextEdit{Pos: c.node.Pos(), End: c.node.End(), NewText: []byte(c.replace)})
				continue
			}
			ctf, csrc := tf, src
			if f := pass.Fset.File(c.node.Pos()); f != tf {
				ctf, csrc = f, fileContent(pass, f) // a Close in another file of the package
			}
			sp := stmtSpan(ctf, csrc, c.node.(ast.Stmt))
			edits = append(edits, analysis.TextEdit{Pos: sp.pos, End: sp.end})
		}
	}
	// Delete locals whose every use is gone, then the locals only their
	// initializers used, and so on.
	// Locals live inside one top-level declaration: only those of the
	// group's sites need a walk, which keeps a file with many sites linear.
	var scope []ast.Node
	for _, p := range group {
		if d := topDecl(file, p.call.Pos()); d != nil && !slices.Contains(scope, d) {
			scope = append(scope, d)
		}
	}
	decls, reason := unusedLocals(pass, scope, &removed)
	if reason != "" {
		for _, p := range group {
			p.reason = reason
		}
		return nil
	}
	for _, d := range decls {
		sp := stmtSpan(tf, src, d)
		edits = append(edits, analysis.TextEdit{Pos: sp.pos, End: sp.end})
	}
	edits = append(edits, unusedImports(file, tf, src, refs, removed)...)
	if spec != nil {
		edits = append(edits, analysis.TextEdit{Pos: spec.pos, End: spec.pos, NewText: []byte(spec.text)})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	msg := "Use the shared pool from " + shortName(group[0].accessor)
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

// inSpans reports whether pos lies in one of the spans.
func inSpans(pos token.Pos, spans []span) bool {
	for _, s := range spans {
		if s.pos <= pos && pos < s.end {
			return true
		}
	}
	return false
}

// unusedLocals returns the declarations of local variables that have no
// use left outside removed, adding each deleted declaration to removed.
// A variable that cannot be deleted safely (declared with others, by a
// call that may have effects, or only assigned afterwards) is a reason
// not to offer the fix.
func unusedLocals(pass *analysis.Pass, scope []ast.Node, removed *[]span) ([]ast.Stmt, string) {
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
			if !ok || !isLocal(pass, v) || deleted[v] {
				return true
			}
			c := counts[v]
			if c == nil {
				c = &count{}
				counts[v] = c
				order = append(order, v)
			}
			switch {
			case inSpans(id.Pos(), *removed):
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
			if c.gone == 0 || c.reads > 0 {
				continue
			}
			if c.writes > 0 {
				return nil, fmt.Sprintf("%s would only be assigned, never used", v.Name())
			}
			if isParam(pass, fileOf(pass, v.Pos()), v) {
				continue // an unused parameter compiles
			}
			decl, init := localDecl(pass, fileOf(pass, v.Pos()), v)
			if decl == nil {
				return nil, fmt.Sprintf("%s would be left unused and its declaration cannot be removed", v.Name())
			}
			if init != nil && !droppable(pass, init) {
				return nil, fmt.Sprintf("%s would be left unused and its initializer %s may have side effects", v.Name(), briefText(pass.Fset, init))
			}
			deleted[v] = true
			decls = append(decls, decl)
			*removed = append(*removed, span{decl.Pos(), decl.End()})
			changed = true
		}
	}
	return decls, ""
}

// enclosingPath is astutil.PathEnclosingInterval for a position, from the
// innermost node to the file, found from the top-level declaration that
// holds pos (by binary search) so that each call costs the depth, not
// the size of the file.
func enclosingPath(file *ast.File, pos token.Pos) []ast.Node {
	var path []ast.Node
	if d := topDecl(file, pos); d != nil {
		ast.Inspect(d, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			path = append(path, n)
			return true
		})
	}
	slices.Reverse(path)
	return append(path, file)
}

// topDecl returns the top-level declaration of file containing pos.
func topDecl(file *ast.File, pos token.Pos) ast.Node {
	i, _ := slices.BinarySearchFunc(file.Decls, pos, func(d ast.Decl, p token.Pos) int {
		switch {
		case d.End() <= p:
			return -1
		case d.Pos() > p:
			return 1
		}
		return 0
	})
	if i < len(file.Decls) && file.Decls[i].Pos() <= pos && pos < file.Decls[i].End() {
		return file.Decls[i]
	}
	return nil
}

// fileOf returns the syntax of the file containing pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// localDecl returns the statement declaring only v ("v := e", "var v = e",
// "var v T") and its initializer, or nil if v is declared with others.
func localDecl(pass *analysis.Pass, file *ast.File, v *types.Var) (ast.Stmt, ast.Expr) {
	path := enclosingPath(file, v.Pos())
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

// isParam reports whether v is a parameter or named result of a function.
func isParam(pass *analysis.Pass, file *ast.File, v *types.Var) bool {
	path := enclosingPath(file, v.Pos())
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

// isLocal reports whether v is a variable declared inside a function.
func isLocal(pass *analysis.Pass, v *types.Var) bool {
	return !v.IsField() && v.Parent() != nil && v.Parent() != pass.Pkg.Scope() && v.Pkg() == pass.Pkg
}

// importRefs maps each import spec of a file to the positions of the
// identifiers that use it, computed once per file.
type importRefs map[*ast.ImportSpec][]token.Pos

func collectImportRefs(pass *analysis.Pass, file *ast.File) importRefs {
	byPkgName := make(map[types.Object]*ast.ImportSpec)
	byDot := make(map[string]*ast.ImportSpec)
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == "_" {
			continue
		}
		if imp.Name != nil && imp.Name.Name == "." {
			path, _ := strconv.Unquote(imp.Path.Value)
			byDot[path] = imp
			continue
		}
		if obj := importedPkgName(pass, imp); obj != nil {
			byPkgName[obj] = imp
		}
	}
	refs := make(importRefs)
	ast.Inspect(file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := pass.TypesInfo.Uses[id]
		if obj == nil {
			return true
		}
		imp := byPkgName[obj]
		if imp == nil && len(byDot) > 0 && obj.Pkg() != nil && obj.Pkg() != pass.Pkg && obj.Parent() == obj.Pkg().Scope() {
			imp = byDot[obj.Pkg().Path()]
		}
		if imp != nil {
			refs[imp] = append(refs[imp], id.Pos())
		}
		return true
	})
	return refs
}

// unusedImports deletes the import specs whose every use lies in removed.
func unusedImports(file *ast.File, tf *token.File, src []byte, refs importRefs, removed []span) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, imp := range file.Imports {
		uses := refs[imp]
		if len(uses) == 0 {
			continue
		}
		all := true
		for _, pos := range uses {
			if !inSpans(pos, removed) {
				all = false
				break
			}
		}
		if all {
			edits = append(edits, deleteImport(file, tf, src, imp))
		}
	}
	return edits
}

func importedPkgName(pass *analysis.Pass, imp *ast.ImportSpec) types.Object {
	if imp.Name != nil {
		return pass.TypesInfo.Defs[imp.Name]
	}
	return pass.TypesInfo.Implicits[imp]
}

// deleteImport removes one import spec: its whole line inside a
// parenthesized block, or the whole declaration otherwise.
func deleteImport(file *ast.File, tf *token.File, src []byte, imp *ast.ImportSpec) analysis.TextEdit {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			if sp != imp {
				continue
			}
			if !gd.Lparen.IsValid() {
				s := lineSpan(tf, src, gd.Pos(), gd.End())
				return analysis.TextEdit{Pos: s.pos, End: s.end}
			}
			s := widenImportLine(tf, src, lineSpan(tf, src, imp.Pos(), imp.End()))
			if s.end == imp.End() && src != nil {
				// Not alone on its line: take a following ";" with it.
				end := tf.Offset(s.end)
				i := end
				for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
					i++
				}
				if i < len(src) && src[i] == ';' {
					i++
					for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
						i++
					}
					s.end = tf.Pos(i)
				}
			}
			return analysis.TextEdit{Pos: s.pos, End: s.end}
		}
	}
	return analysis.TextEdit{Pos: imp.Pos(), End: imp.End()}
}

// widenImportLine extends the deletion of a whole import line over the
// blank line before it when ")" or another blank line follows, so that the
// block keeps no blank line at its edge (gofmt would remove it).
func widenImportLine(tf *token.File, src []byte, s span) span {
	if src == nil {
		return s
	}
	start, end := tf.Offset(s.pos), tf.Offset(s.end)
	if start < 1 || src[start-1] != '\n' {
		return s
	}
	prev := start - 1
	for prev > 0 && src[prev-1] != '\n' {
		prev--
	}
	if strings.TrimSpace(string(src[prev:start-1])) != "" {
		return s
	}
	rest := strings.TrimLeft(string(src[end:]), " \t")
	if strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "\n") {
		return span{tf.Pos(prev), s.end}
	}
	return s
}

// importEdit inserts the accessor's import.
type importEdit struct {
	pos  token.Pos
	text string
}

// accessorImport chooses the name by which the fixed sites of the file
// call the accessor's package, the same for every site (so that every fix
// adds the same import), and the import to add, if any.
func accessorImport(pass *analysis.Pass, file *ast.File, plans []*plan, fixable func(int) bool) (string, *importEdit, string) {
	var accPath string
	var positions []token.Pos
	for i, p := range plans {
		if !fixable(i) {
			continue
		}
		path := funcPkg(p.accessor)
		if accPath == "" {
			accPath = path
		} else if path != accPath {
			// Sites of one file mapped to accessors of different
			// packages: rare enough to leave to the user.
			return "", nil, "accessors from two packages in one file"
		}
		positions = append(positions, p.call.Pos())
	}
	if accPath == pass.Pkg.Path() {
		return "", nil, "" // the accessor is in this package
	}
	scope := pass.TypesInfo.Scopes[file]
	free := func(name string, want *types.Package) bool {
		for _, pos := range positions {
			inner := scope.Innermost(pos)
			if inner == nil {
				inner = scope
			}
			_, obj := inner.LookupParent(name, pos)
			if obj == nil {
				continue
			}
			pn, ok := obj.(*types.PkgName)
			if !ok || want == nil || pn.Imported() != want {
				return false
			}
		}
		return true
	}
	// Reuse an existing import of the package.
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != accPath {
			continue
		}
		if imp.Name != nil && imp.Name.Name == "." {
			return "", nil, ""
		}
		if obj, ok := importedPkgName(pass, imp).(*types.PkgName); ok && imp.Name.String() != "_" && free(obj.Name(), obj.Imported()) {
			return obj.Name(), nil, ""
		}
	}
	base := packageName(pass.Pkg, accPath)
	name := ""
	for i, cand := range []string{base, base + "pkg", base + "2", base + "3", base + "4"} {
		_ = i
		if free(cand, nil) {
			name = cand
			break
		}
	}
	if name == "" {
		return "", nil, "no free name for the accessor's package"
	}
	spec := strconv.Quote(accPath)
	if name != base {
		spec = name + " " + spec
	}
	// Add the import as a group of its own at the end of the first import
	// block (gofmt sorts within groups, so this keeps the file formatted),
	// or else as a new declaration after the package clause: positions
	// that no deleted import line can overlap.
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			return name, &importEdit{pos: gd.Rparen, text: "\n\t" + spec + "\n"}, ""
		}
	}
	return name, &importEdit{pos: file.Name.End(), text: "\n\nimport " + spec}, ""
}

// packageName returns the accessor package's name: from the import graph
// if the package is visible, else the last element of its path without a
// major version suffix.
func packageName(pkg *types.Package, path string) string {
	if p := findPackage(pkg, path); p != nil {
		return p.Name()
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	last = strings.NewReplacer("-", "", ".", "").Replace(last)
	if !token.IsIdentifier(last) {
		last = "pool"
	}
	return last
}

// packageFinder returns findPackage for pkg, memoized: a file with many
// sites looks up the same accessor package for each.
func packageFinder(pkg *types.Package) func(string) *types.Package {
	memo := make(map[string]*types.Package)
	return func(path string) *types.Package {
		p, ok := memo[path]
		if !ok {
			p = findPackage(pkg, path)
			memo[path] = p
		}
		return p
	}
}

// findPackage finds path among the transitive imports of pkg.
func findPackage(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) *types.Package
	visit = func(p *types.Package) *types.Package {
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				if r := visit(imp); r != nil {
					return r
				}
			}
		}
		return nil
	}
	return visit(pkg)
}

// checkVisibleAccessor checks the accessor's signature when its package
// is among the imports (go vet sees only those); otherwise the check runs
// when singlepool analyzes the accessor's own package.
func checkVisibleAccessor(find func(string) *types.Package, ctor *types.Func, acc string) string {
	p := find(funcPkg(acc))
	if p == nil {
		return ""
	}
	fn, ok := p.Scope().Lookup(acc[strings.LastIndex(acc, ".")+1:]).(*types.Func)
	if !ok {
		return fmt.Sprintf("accessor %s is not declared", acc)
	}
	if want, ok := accessorFits(ctor, fn); !ok {
		return fmt.Sprintf("accessor %s does not fit %s: want %s", shortName(acc), shortName(funcKey(ctor)), want)
	}
	return ""
}

// accessorFits applies the shape rule: the accessor returns the
// constructor's results, and takes a context.Context exactly when the
// constructor's first parameter is one. It returns the wanted signature.
func accessorFits(ctor, acc *types.Func) (string, bool) {
	cs, as := ctor.Signature(), acc.Signature()
	ctxFirst := cs.Params().Len() > 0 && isContext(cs.Params().At(0).Type())
	want := "func("
	if ctxFirst {
		want += "context.Context"
	}
	want += ") " + types.TypeString(cs.Results(), (*types.Package).Name)
	if as.TypeParams().Len() > 0 || as.Variadic() {
		return want, false
	}
	if ctxFirst && (as.Params().Len() != 1 || !isContext(as.Params().At(0).Type())) {
		return want, false
	}
	if !ctxFirst && as.Params().Len() != 0 {
		return want, false
	}
	if as.Results().Len() != cs.Results().Len() {
		return want, false
	}
	for i := range cs.Results().Len() {
		if !types.Identical(cs.Results().At(i).Type(), as.Results().At(i).Type()) {
			return want, false
		}
	}
	return want, true
}

func isContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// pureFuncs are calls that a fix may drop: they compute a value and have
// no effect that the program could depend on.
var pureFuncs = map[string]bool{
	"os.Getenv": true, "os.ExpandEnv": true,
	"fmt.Sprintf": true, "fmt.Sprint": true,
	"net.JoinHostPort": true, "path.Join": true, "path/filepath.Join": true,
	"strconv.Itoa": true, "strconv.Quote": true, "net/url.QueryEscape": true,
	"net/url.PathEscape": true, "strings.TrimSpace": true, "strings.Join": true,
	"strings.ReplaceAll": true, "strings.TrimPrefix": true, "strings.TrimSuffix": true,
	"strings.ToLower": true, "strings.Repeat": true,
}

// droppable reports whether the expression can be removed from the
// program without changing what it does: literals, names, selectors,
// operators, composite literals, function literals, conversions and calls
// of pureFuncs over droppable operands.
func droppable(pass *analysis.Pass, e ast.Expr) bool {
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
			if id := calleeIdent(n); id != nil {
				if b, isBuiltin := pass.TypesInfo.Uses[id].(*types.Builtin); isBuiltin {
					switch b.Name() {
					case "len", "cap", "min", "max", "complex", "real", "imag":
						return true
					}
				}
				if fn, isFunc := pass.TypesInfo.Uses[id].(*types.Func); isFunc && pureFuncs[fn.FullName()] {
					return true
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

// stmtSpan returns the range to delete for a statement: whole lines when
// it stands alone on them, else the statement itself.
func stmtSpan(tf *token.File, src []byte, st ast.Stmt) span {
	return lineSpan(tf, src, st.Pos(), st.End())
}

// lineSpan widens [pos, end) to whole lines, with the final newline and
// any comment after end, when nothing else shares those lines.
func lineSpan(tf *token.File, src []byte, pos, end token.Pos) span {
	if src == nil {
		return span{pos, end}
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	if ls > 0 && src[ls-1] != '\n' {
		return span{pos, end}
	}
	le := stop
	for le < len(src) && (src[le] == ' ' || src[le] == '\t') {
		le++
	}
	if le+1 < len(src) && src[le] == '/' && src[le+1] == '/' {
		for le < len(src) && src[le] != '\n' {
			le++
		}
	}
	if le < len(src) && src[le] != '\n' {
		return span{pos, end}
	}
	if le < len(src) {
		le++
	}
	return span{tf.Pos(ls), tf.Pos(le)}
}

// fileContent returns the source of a file, or nil if it cannot be read.
func fileContent(pass *analysis.Pass, tf *token.File) []byte {
	if pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}

func nodeText(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, fset, n); err != nil {
		return "?"
	}
	return b.String()
}

// briefText is nodeText for a message: one line, and a long call shown as
// "f(...)", so that a function literal argument does not fill the screen.
func briefText(fset *token.FileSet, n ast.Node) string {
	const limit = 60
	text := nodeText(fset, n)
	if len(text) <= limit && !strings.Contains(text, "\n") {
		return text
	}
	if call, ok := n.(*ast.CallExpr); ok {
		if fun := nodeText(fset, call.Fun); len(fun) <= limit && !strings.Contains(fun, "\n") {
			return fun + "(...)"
		}
	}
	text, _, _ = strings.Cut(text, "\n")
	if len(text) > limit {
		text = text[:limit]
		for !utf8.ValidString(text) { // cut at a rune boundary
			text = text[:len(text)-1]
		}
	}
	return text + "..."
}

// shortName shortens "example.com/app/internal/db.Pool" to "db.Pool".
func shortName(full string) string {
	full = strings.TrimPrefix(full, "(")
	if i := strings.LastIndex(full, "/"); i >= 0 {
		return full[i+1:]
	}
	return full
}

// checkAccessors reports configured accessors declared in this
// (allowlisted) package whose signature does not fit the shape rule, and
// accessors that are missing from it.
func checkAccessors(pass *analysis.Pass, s *settings) {
	keys := make([]string, 0, len(s.singletons))
	for k := range s.singletons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, ctorKey := range keys {
		acc := s.singletons[ctorKey]
		if funcPkg(acc) != strings.TrimSuffix(pass.Pkg.Path(), "_test") || len(pass.Files) == 0 {
			continue
		}
		name := acc[strings.LastIndex(acc, ".")+1:]
		obj := pass.Pkg.Scope().Lookup(name)
		fn, ok := obj.(*types.Func)
		if !ok {
			if strings.HasSuffix(pass.Pkg.Path(), "_test") {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:      pass.Files[0].Name.Pos(),
				Category: categoryAccessor,
				URL:      URL + "#" + categoryAccessor,
				Message:  fmt.Sprintf("singleton accessor %s for %s is not a function declared in this package", acc, ctorKey),
			})
			continue
		}
		ctor := lookupFunc(pass.Pkg, ctorKey)
		if ctor == nil {
			continue // the constructor's package is not imported: nothing to compare
		}
		if want, ok := accessorFits(ctor, fn); !ok {
			pass.Report(analysis.Diagnostic{
				Pos:      fn.Pos(),
				Category: categoryAccessor,
				URL:      URL + "#" + categoryAccessor,
				Message: fmt.Sprintf("singleton accessor %s does not fit the shape rule for %s: want %s, have %s",
					shortName(acc), shortName(ctorKey), want, types.TypeString(fn.Signature(), (*types.Package).Name)),
			})
		}
	}
}

// lookupFunc finds the constructor with the canonical key among the
// package's imports.
func lookupFunc(pkg *types.Package, key string) *types.Func {
	p := findPackage(pkg, funcPkg(key))
	if p == nil {
		return nil
	}
	if strings.HasPrefix(key, "(") {
		recv, method, _ := strings.Cut(key[1:], ").")
		tn, ok := p.Scope().Lookup(recv[strings.LastIndex(recv, ".")+1:]).(*types.TypeName)
		if !ok {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, p, method)
		fn, _ := obj.(*types.Func)
		return fn
	}
	fn, _ := p.Scope().Lookup(key[strings.LastIndex(key, ".")+1:]).(*types.Func)
	return fn
}
