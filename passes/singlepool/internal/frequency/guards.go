package frequency

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Cached constructions. A pool built into a cache (a package-level
// variable, a field, a map element) behind a check that the cache is empty
// is built once per process, or once per key: lazy initialization, not a
// factory and not a pool per request or iteration. The shapes:
//
//	if pool == nil { pool, err = New(..) }             the call's own target
//	if pool == nil { p, err := New(..); ...; pool = p } a local, then stored
//	if cache != nil { return cache }; ...; cache = New(..)   an early return
//	                                                    (double-checked locking too)
//	if p, ok := pools[k]; ok { return p }; p := New(..); pools[k] = p   per key
//	if v, ok := m.Load(k); ok { return v }; p := New(..); m.Store(k, p)  per key, sync.Map
//	p := New(..); v, loaded := m.LoadOrStore(k, p)      the first one stored is kept

// CachedConstruction reports whether the constructor call on path
// (innermost first, from the call or below it) builds into a cache behind
// a check that it is empty.
func CachedConstruction(pass *analysis.Pass, path []ast.Node) bool {
	ci := -1
	for i, n := range path {
		if _, ok := n.(*ast.CallExpr); ok {
			ci = i
			break
		}
	}
	if ci < 0 {
		return false
	}
	call := path[ci].(*ast.CallExpr)
	// The enclosing function's body; factoryIn's paths start at the
	// body, so the outermost block stands for it there.
	var body, outermost *ast.BlockStmt
	for _, n := range path[ci:] {
		switch f := n.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		case *ast.BlockStmt:
			outermost = f
		}
		if body != nil {
			break
		}
	}
	if body == nil {
		body = outermost
	}
	if body == nil {
		return false
	}
	caches, keeps := cacheTargets(pass, body, path[ci:])
	if keeps {
		return true
	}
	if len(caches) == 0 {
		return false
	}
	// An enclosing "if cache == nil".
	for _, n := range path[ci:] {
		if n == body {
			break
		}
		if ifs, ok := n.(*ast.IfStmt); ok && checksEmpty(pass, ifs.Cond, caches) {
			return true
		}
	}
	// An earlier "if cache != nil { return }" or "if v, ok := m[k]; ok { return }".
	guarded := false
	ast.Inspect(body, func(n ast.Node) bool {
		if guarded || n == nil || n.Pos() >= call.Pos() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ifs, ok := n.(*ast.IfStmt); ok && code.EndsInReturn(ifs.Body) && checksPresent(pass, ifs, caches) {
			guarded = true
		}
		return true
	})
	return guarded
}

// Methods of map-like caches (sync.Map and the like): those that store a
// value under a key, and those that look one up ("v, ok := m.Load(k)").
var (
	cacheStores  = map[string]bool{"Store": true, "Swap": true, "Set": true, "Put": true, "Add": true}
	cacheLookups = map[string]bool{"Load": true, "Get": true}
)

// cacheTargets returns where the call's pool is kept beyond the call: its
// own target if that is a package-level variable, a field or an element,
// else the caches the local it is assigned to is stored in (assigned, or
// stored by a map-like cache's method). keeps reports a LoadOrStore of
// the local into a cache: the first pool stored is the one kept.
func cacheTargets(pass *analysis.Pass, body *ast.BlockStmt, path []ast.Node) (caches []ast.Expr, keeps bool) {
	if len(path) < 2 {
		return nil, false
	}
	var lhs ast.Expr
	switch p := path[1].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			lhs = p.Names[0]
		}
	}
	if lhs == nil {
		return nil, false
	}
	if isCache(pass, lhs) {
		return []ast.Expr{lhs}, false
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return nil, false
	}
	local := pass.TypesInfo.ObjectOf(id)
	if local == nil {
		return nil, false
	}
	isLocal := func(e ast.Expr) bool {
		rid, ok := ast.Unparen(e).(*ast.Ident)
		return ok && pass.TypesInfo.Uses[rid] == local
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, r := range n.Rhs {
				if isLocal(r) && isCache(pass, n.Lhs[i]) {
					caches = append(caches, n.Lhs[i])
				}
			}
		case *ast.CallExpr:
			// m.Store(k, p), m.LoadOrStore(k, p) on a cache.
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || len(n.Args) != 2 || !isLocal(n.Args[1]) || !isCache(pass, sel.X) {
				return true
			}
			switch {
			case sel.Sel.Name == "LoadOrStore":
				keeps = true
			case cacheStores[sel.Sel.Name]:
				caches = append(caches, sel.X)
			}
		}
		return true
	})
	return caches, keeps
}

// isCache reports whether e outlives the call: a package-level variable,
// a field or an element.
func isCache(pass *analysis.Pass, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := pass.TypesInfo.ObjectOf(e).(*types.Var)
		return ok && v.Parent() == pass.Pkg.Scope()
	case *ast.SelectorExpr:
		v, ok := pass.TypesInfo.ObjectOf(e.Sel).(*types.Var)
		return ok && (v.IsField() || v.Parent() == v.Pkg().Scope())
	case *ast.IndexExpr:
		return true
	}
	return false
}

// sameCache reports whether e refers to one of the caches: the same
// variable or field, or the same map for an element.
func sameCache(pass *analysis.Pass, e ast.Expr, caches []ast.Expr) bool {
	for _, c := range caches {
		c := ast.Unparen(c)
		if ix, ok := c.(*ast.IndexExpr); ok {
			if ex, ok := ast.Unparen(e).(*ast.IndexExpr); ok && code.SameRef(pass, ex.X, ix.X) {
				return true
			}
			continue
		}
		if code.SameRef(pass, e, c) {
			return true
		}
	}
	return false
}

// checksEmpty reports whether cond is "cache == nil".
func checksEmpty(pass *analysis.Pass, cond ast.Expr, caches []ast.Expr) bool {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && be.Op == token.EQL && code.IsNil(be.Y) && sameCache(pass, be.X, caches)
}

// checksPresent reports whether ifs tests that the cache is set:
// "cache != nil", or "v, ok := m[k]; ok" / "v := m[k]; v != nil".
func checksPresent(pass *analysis.Pass, ifs *ast.IfStmt, caches []ast.Expr) bool {
	be, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if ok && be.Op == token.NEQ && code.IsNil(be.Y) {
		if sameCache(pass, be.X, caches) {
			return true
		}
	}
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	switch lookup := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.IndexExpr:
		if !sameCache(pass, lookup, caches) {
			return false
		}
	case *ast.CallExpr:
		// v, ok := m.Load(k) on a map-like cache.
		sel, ok := ast.Unparen(lookup.Fun).(*ast.SelectorExpr)
		if !ok || !cacheLookups[sel.Sel.Name] || !sameCache(pass, sel.X, caches) {
			return false
		}
	default:
		return false
	}
	// The condition tests what the lookup found: ok, or v != nil.
	found := false
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if id, isIdent := n.(*ast.Ident); isIdent {
			for _, l := range as.Lhs {
				if lid, isIdent := l.(*ast.Ident); isIdent && lid.Name != "_" && pass.TypesInfo.ObjectOf(lid) == pass.TypesInfo.ObjectOf(id) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// A startup retry loop builds a pool until one works and then leaves the
// loop with it: one pool at a time, not one per iteration.
//
//	for i := 0; i < 5; i++ { pool, err = New(..); if err == nil { break }; sleep }
//	for { db, err := Open(..); if err != nil { continue }; ...; return db, nil }

// innermostCall returns the index on path (innermost first) of the
// innermost call, the node after it holding its result (an assignment, a
// declaration, a return); -1 if there is none.
func innermostCall(path []ast.Node) int {
	for i, n := range path {
		if _, ok := n.(*ast.CallExpr); ok {
			if i+1 < len(path) {
				return i
			}
			break
		}
	}
	return -1
}

// retriesUntilBuilt reports whether the loop body, holding the constructor
// call on path (innermost first, from the call or below it), leaves the
// loop with the pool: a return of the variable the pool is assigned to, or
// a break of this loop under "if err == nil" or at the end of the body.
func retriesUntilBuilt(pass *analysis.Pass, body *ast.BlockStmt, path []ast.Node) bool {
	ci := innermostCall(path)
	if ci < 0 {
		return false
	}
	call := path[ci]
	var target types.Object
	switch p := path[ci+1].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
				target = pass.TypesInfo.ObjectOf(id)
			}
		}
	case *ast.ReturnStmt:
		return true // returned at once: the loop ends with it
	}
	if len(body.List) > 0 {
		if br, ok := body.List[len(body.List)-1].(*ast.BranchStmt); ok && br.Tok == token.BREAK && br.Label == nil && br.Pos() > call.Pos() {
			return true
		}
	}
	leaves := false
	// visit looks for an exit under n; nested: a break there leaves an
	// inner statement, not this loop.
	var visit func(n ast.Node, nested, underNilCheck bool)
	visit = func(n ast.Node, nested, underNilCheck bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if leaves || m == nil || m == n {
				return m == n && !leaves
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				visit(m, true, underNilCheck) // a break there leaves that statement
				return false
			case *ast.IfStmt:
				if be, ok := ast.Unparen(m.Cond).(*ast.BinaryExpr); ok && be.Op == token.EQL && code.IsNil(be.Y) {
					visit(m.Body, nested, true)
					if m.Else != nil {
						visit(m.Else, nested, underNilCheck)
					}
					return false
				}
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && m.Label == nil && !nested && underNilCheck && m.Pos() > call.Pos() {
					leaves = true
				}
			case *ast.ReturnStmt:
				if m.Pos() > call.Pos() && target != nil {
					for _, r := range m.Results {
						if id, ok := ast.Unparen(r).(*ast.Ident); ok && pass.TypesInfo.Uses[id] == target {
							leaves = true
						}
					}
				}
			}
			return true
		})
	}
	visit(body, false, false)
	return leaves
}
