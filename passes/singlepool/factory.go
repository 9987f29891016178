package singlepool

import (
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"github.com/singlepool/singlepool/passes/singlepool/internal/frequency"
	"golang.org/x/tools/go/analysis"
)

// factoryIn returns a fact if fd creates a pool on every call: an
// unguarded call of a constructor or factory whose pool escapes through a
// return, a field or a global (a factory), or stays inside the call (a
// helper, such as one that opens, queries and closes), on every path that
// returns successfully (buildsOnEveryPath). Function literals are entered
// only where they run before the function returns (see
// frequency.RunsBeforeReturn): those passed to sync.Once.Do or
// sync.OnceValue(s) run once, and others run when called, which the
// enclosing function does not decide. A literal passed to another call
// (a retry helper, or a router that keeps it as a handler) counts only
// for the pools it hands to fd's own variables.
func factoryIn(pass *analysis.Pass, fd *ast.FuncDecl, calls map[*ast.Ident]site, local map[*types.Func]*factoryFact) *factoryFact {
	var found, helper *factoryFact
	tainted := make(map[types.Object]bool)
	// litPools are the locals of literals passed to calls that hold a new
	// pool: fd's only once assigned to one of fd's variables.
	litPools := make(map[types.Object]litPool)
	escapes := false
	// built are the calls counted: where fd builds its pool.
	var built []ast.Node
	// Two passes over the body: the first taints the locals that hold a
	// new pool, the second (once taint is stable) looks for escapes.
	for round := 0; round < 3 && !escapes; round++ {
		walkBody(pass, fd, func(n ast.Node, parents []ast.Node, inLit bool, argLit *ast.FuncLit) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			f := callFactory(pass, call, calls, local)
			if f == nil {
				return
			}
			if frequency.CachedConstruction(pass, code.InnermostFirst(parents)) {
				return // lazy initialization of a cache
			}
			if argLit != nil {
				// The literal's own pool is its business (a handler's, per
				// request); one handed to fd's variables is fd's.
				if f.Helper {
					return
				}
				switch v, own := assignedVar(pass, fd, argLit, parents); {
				case v != nil && own:
					litPools[v] = litPool{f, call, argLit}
				case v != nil:
					tainted[v] = true
					built = append(built, call)
					if found == nil {
						found = f
					}
				}
				return
			}
			if f.Helper {
				// Its result is not a pool: fd opens one on every call
				// through it.
				if helper == nil {
					helper = f
				}
				built = append(built, call)
				return
			}
			if e, lhs := poolFlow(pass, parents, inLit); e {
				found, escapes = f, true
				built = append(built, call)
			} else if lhs != nil {
				tainted[lhs] = true
				built = append(built, call)
				if found == nil {
					found = f
				}
			}
		})
		if escapes || len(tainted)+len(litPools) == 0 {
			break
		}
		// Follow tainted locals into returns, fields, globals and other locals.
		walkBody(pass, fd, func(n ast.Node, _ []ast.Node, inLit bool, argLit *ast.FuncLit) {
			switch n := n.(type) {
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if !inLit && carries(pass, r, tainted) {
						escapes = true
					}
				}
			case *ast.AssignStmt:
				for i, r := range n.Rhs {
					if i >= len(n.Lhs) {
						continue
					}
					if argLit != nil {
						// pool = p in a callback: p's pool is fd's.
						if id, ok := ast.Unparen(r).(*ast.Ident); ok {
							if lp, ok := litPools[pass.TypesInfo.Uses[id]]; ok {
								if v, own := assignedVar(pass, fd, lp.lit, []ast.Node{n, r}); v != nil && !own {
									tainted[v] = true
									built = append(built, lp.call)
									if found == nil {
										found = lp.fact
									}
								}
							}
						}
						continue
					}
					if !carries(pass, r, tainted) {
						continue
					}
					switch t := storeTarget(pass, n.Lhs[i]).(type) {
					case nil:
						escapes = true // a field or a global
					case types.Object:
						tainted[t] = true
					}
				}
			}
		})
	}
	if (found == nil && helper == nil) || !buildsOnEveryPath(pass, fd, built) {
		return nil
	}
	switch {
	case escapes && found != nil:
		return found
	case found != nil:
		return &factoryFact{Ctor: found.Ctor, Via: found.Via, Helper: true, Closes: closesAny(pass, fd.Body, tainted)}
	}
	return helper
}

// A litPool is a new pool held by a local of a literal passed to a call.
type litPool struct {
	fact *factoryFact
	call ast.Node
	lit  *ast.FuncLit
}

// walkBody calls visit for each node of fd's body, outermost first, with
// its parents (outermost first), whether it is inside a function literal
// (a return there leaves the literal, not fd) and the innermost literal
// passed to a call rather than called on the spot, if any. Literals that
// do not run before fd returns are not entered (frequency.RunsBeforeReturn).
func walkBody(pass *analysis.Pass, fd *ast.FuncDecl, visit func(n ast.Node, parents []ast.Node, inLit bool, argLit *ast.FuncLit)) {
	var parents []ast.Node
	inLit := 0
	var argLits []*ast.FuncLit
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			if lit, ok := parents[len(parents)-1].(*ast.FuncLit); ok {
				inLit--
				if len(argLits) > 0 && argLits[len(argLits)-1] == lit {
					argLits = argLits[:len(argLits)-1]
				}
			}
			parents = parents[:len(parents)-1]
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			if !frequency.RunsBeforeReturn(pass, lit, parents) {
				return false
			}
			inLit++
			if call := parents[len(parents)-1].(*ast.CallExpr); ast.Unparen(call.Fun) != lit {
				argLits = append(argLits, lit)
			}
		}
		parents = append(parents, n)
		var argLit *ast.FuncLit
		if len(argLits) > 0 {
			argLit = argLits[len(argLits)-1]
		}
		visit(n, parents, inLit > 0, argLit)
		return true
	})
}

// assignedVar returns the local variable that the value at the end of
// parents (outermost first) is assigned to, inside the literal lit, and
// whether it is lit's own: declared inside lit. It returns nil for
// anything but a variable of fd (a field, a global, a return).
func assignedVar(pass *analysis.Pass, fd *ast.FuncDecl, lit *ast.FuncLit, parents []ast.Node) (types.Object, bool) {
	val := parents[len(parents)-1]
	for i := len(parents) - 2; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.AssignStmt:
			idx := 0
			if len(p.Rhs) == len(p.Lhs) {
				for j, r := range p.Rhs {
					if r.Pos() <= val.Pos() && val.End() <= r.End() {
						idx = j
					}
				}
			}
			id, ok := ast.Unparen(p.Lhs[idx]).(*ast.Ident)
			if !ok {
				return nil, false
			}
			v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || v.Pos() < fd.Pos() || v.Pos() >= fd.End() {
				return nil, false
			}
			return v, lit.Pos() <= v.Pos() && v.Pos() < lit.End()
		case ast.Stmt:
			return nil, false
		}
	}
	return nil, false
}

// closesAny reports whether body closes one of the pools: x.Close() or
// x.Disconnect(ctx) called, deferred, or taken as a value (t.Cleanup(x.Close)).
func closesAny(pass *analysis.Pass, body *ast.BlockStmt, pools map[types.Object]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && catalog.IsCloseMethod(sel.Sel.Name) {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && pools[pass.TypesInfo.Uses[id]] {
				found = true
			}
		}
		return !found
	})
	return found
}

// callFactory returns what a call creates, if it calls a constructor or a
// factory: a fact naming the underlying constructor site.
func callFactory(pass *analysis.Pass, call *ast.CallExpr, calls map[*ast.Ident]site, local map[*types.Func]*factoryFact) *factoryFact {
	id := code.CalleeIdent(call)
	if id == nil {
		return nil
	}
	if st, ok := calls[id]; ok {
		if st.factory != nil {
			return st.factory
		}
		if st.kind == catalog.KindConn {
			return nil
		}
		return &factoryFact{Ctor: code.FuncNameOf(st.fn).String(), Via: code.ShortFuncName(st.fn) + " at " + code.SitePos(pass, id.Pos())}
	}
	switch obj := pass.TypesInfo.Uses[id].(type) {
	case *types.Func:
		if f := local[obj]; f != nil {
			return f
		}
		// reg[name].Open(dsn): a method of a registry's values.
		return registryMethodFactory(pass, call, obj, local)
	case *types.Var:
		// A local holding a constructor: f := pgxpool.New; f(ctx, dsn).
		if file := code.FileOf(pass, obj.Pos()); file != nil && code.IsLocal(pass, obj) && !code.IsParam(file, obj) {
			init, why := code.VarInit(pass, file, obj)
			if why != "" {
				return nil
			}
			if ref := code.CalleeRef(init); ref != nil {
				if st, ok := calls[ref]; ok && st.kind != catalog.KindConn && connid.LaterWrite(pass, []ast.Node{code.EnclosingBody(code.EnclosingPath(file, obj.Pos()))}, obj) == "" {
					if st.factory != nil {
						return st.factory
					}
					return &factoryFact{Ctor: code.FuncNameOf(st.fn).String(), Via: code.ShortFuncName(st.fn) + " at " + code.SitePos(pass, ref.Pos())}
				}
			}
		}
		// A package-level function variable or registry of constructors:
		// var open = sql.Open; var openers = map[string]func(..){"pg": sql.Open};
		// open(..), openers[name](..).
		if obj.Parent() == pass.Pkg.Scope() {
			return registryFactory(pass, obj, calls, local)
		}
	}
	return nil
}

// poolFlow looks at where a call's pool goes: escapes if it is returned
// or stored in a field or global, else the local it is assigned to.
func poolFlow(pass *analysis.Pass, parents []ast.Node, inLit bool) (bool, types.Object) {
	call := parents[len(parents)-1]
	for i := len(parents) - 2; i >= 0; i-- {
		switch p := parents[i].(type) {
		case *ast.ReturnStmt:
			// From a literal, the pool goes to the literal's caller.
			return !inLit, nil
		case *ast.AssignStmt:
			idx := 0
			if len(p.Rhs) == len(p.Lhs) {
				for j, r := range p.Rhs {
					if r.Pos() <= call.Pos() && call.End() <= r.End() {
						idx = j
					}
				}
			}
			switch t := storeTarget(pass, p.Lhs[idx]).(type) {
			case nil:
				return true, nil
			case types.Object:
				return false, t
			}
			return false, nil
		case *ast.ValueSpec:
			if len(p.Names) > 0 {
				if obj := pass.TypesInfo.Defs[p.Names[0]]; obj != nil {
					return false, obj
				}
			}
			return false, nil
		case ast.Stmt:
			return false, nil
		}
	}
	return false, nil
}

// storeTarget classifies an assignment target: nil for a field or a
// package-level variable (the pool escapes), the object for a local
// variable, and false for the blank identifier or anything else.
func storeTarget(pass *analysis.Pass, lhs ast.Expr) any {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return false
		}
		obj := pass.TypesInfo.ObjectOf(l)
		if v, ok := obj.(*types.Var); ok {
			if v.Parent() == pass.Pkg.Scope() {
				return nil
			}
			return types.Object(v)
		}
	case *ast.SelectorExpr:
		return nil
	case *ast.StarExpr, *ast.IndexExpr:
		return nil
	}
	return false
}

// carries reports whether the value of e is, or holds, one of the
// objects (see code.Holds): a pool that escapes through it.
func carries(pass *analysis.Pass, e ast.Expr, objs map[types.Object]bool) bool {
	return code.Holds(pass.TypesInfo, e, func(o types.Object) bool { return objs[o] })
}
