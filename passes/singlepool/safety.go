package singlepool

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"github.com/singlepool/singlepool/passes/singlepool/internal/connid"
	"golang.org/x/tools/go/analysis"
)

// What a fix must not change: which database the site connects to, and
// with which pool settings. (That the shared pool stays open is decided
// with its Close calls, in closes.go, and for pools returned to callers,
// in returnedReason.)

// connectionReason says why the site's pool is not the shared one: it
// connects elsewhere, or with another driver, its arguments cannot be
// followed, or it configures its own pool; "" when it connects where the
// shared pool does. The shared pool's own settings are not compared:
// they are the point of sharing. args are the dropped arguments: the
// receiver of a method constructor, then the arguments after the context.
func connectionReason(pass *analysis.Pass, s *settings, st site, acc code.FuncName, args []ast.Expr, memo *siteMemo) string {
	ctor := code.FuncNameOf(st.fn)
	site, settings, why := connid.Site(pass, ctor.String(), args)
	if why != "" {
		if name := catalog.PoolSettingIn(why); name != "" {
			return fmt.Sprintf("it configures its own pool (%s); the fix would use the shared pool's settings instead", why)
		}
		return fmt.Sprintf("it connects with %s, which may not be the shared pool's database", why)
	}
	if len(settings) > 0 {
		// The site's own pool, whatever the shared one connects to.
		return fmt.Sprintf("it configures its own pool (%s); the fix would use the shared pool's settings instead", settings[0])
	}
	key := [2]code.FuncName{ctor, acc}
	r, ok := memo.shared[key]
	if !ok {
		r = sharedIdentity(pass, s, st, acc)
		memo.shared[key] = r
	}
	if r.unread {
		// Said once, at the accessor; the driver proposes shared-args
		// from the sites' arguments.
		memo.result.Unread = append(memo.result.Unread, UnreadSite{
			Pos:         st.id.Pos(),
			Constructor: ctor.String(),
			Accessor:    acc.Short(),
			Args:        connid.Stated(pass.Fset, ctor.String(), args, site),
		})
		return fmt.Sprintf("singlepool cannot read what %s connects to; state it with shared-args (singlepool -summary proposes the line)", acc.Short())
	}
	if r.why != "" {
		return r.why
	}
	if d := connid.Differs(site, r.id); d != "" {
		// A constructor compared by all its arguments: a setting among
		// them is the site's own.
		if name := catalog.PoolSettingIn(site.Where); name != "" && catalog.PoolSettingIn(r.id.Where) != name {
			return fmt.Sprintf("it configures its own pool (%s); the fix would use the shared pool's settings instead", name)
		}
		return d
	}
	return ""
}

// A sharedConn is what the shared pool connects to, or why it is unknown;
// unread when the accessor is in this module but its code does not say
// (reported once, at the accessor: see checkAccessors).
type sharedConn struct {
	id     connid.Identity
	why    string
	unread bool
}

// sharedIdentity returns what the shared pool connects to: as the
// shared-args setting states it, or as the accessor's own code builds it;
// or why that is unknown.
func sharedIdentity(pass *analysis.Pass, s *settings, st site, acc code.FuncName) sharedConn {
	ctor := code.FuncNameOf(st.fn)
	if id, ok := s.sharedArgs[ctor]; ok {
		return sharedConn{id: id}
	}
	dir, ok := code.PackageSource(code.ModuleRoot(code.PackageDir(pass)), acc.Pkg)
	if !ok {
		return sharedConn{why: fmt.Sprintf("what %s connects to is unknown (its package is not in this module); state it with shared-args=%s=(...)", acc.Short(), ctor)}
	}
	id, why := connid.Accessor(dir, acc, constructorsFor(pass, s))
	return sharedConn{id: id, why: why, unread: why != ""}
}

// constructorsFor tells connid.Accessor which functions are constructors
// and whether they take a context first: from their types where the
// package sees them, else from the catalog.
func constructorsFor(pass *analysis.Pass, s *settings) func(string) (bool, bool) {
	return func(name string) (bool, bool) {
		fn, err := code.ParseFuncName(name)
		if err != nil {
			return false, false
		}
		if _, ok := s.ctors[fn]; !ok {
			return false, false
		}
		if f := code.LookupFunc(pass.Pkg, fn); f != nil {
			sig := f.Signature()
			return true, sig.Params().Len() > 0 && code.IsContext(sig.Params().At(0).Type())
		}
		return true, catalog.ContextFirst[name]
	}
}

// A handOff is what becomes of a pool its function returns, when the
// shared pool replaces it.
type handOff struct {
	closes []closeEdit // the Close calls of its callers in the package, to remove
	// exported is the exported function whose result becomes the shared
	// pool: its callers in other packages remove their Close with the
	// close-shared rule's fix, through the function's sharedFact.
	exported *types.Func
	reason   string // why it cannot be fixed; "" if it can
}

// returnedPool decides for a pool the enclosing function returns: it can
// become the shared one when no caller relies on its own pool: none
// tunes it, uses it after closing it or hands it on. The callers in the
// package are checked by type, those in other packages (of an exported
// function) by syntax (importers.go). Nothing when the pool is not
// returned.
func returnedPool(pass *analysis.Pass, s *settings, path []ast.Node, call *ast.CallExpr, target types.Object) handOff {
	var fd *ast.FuncDecl
	for i, n := range path {
		if d, ok := n.(*ast.FuncDecl); ok {
			fd = d
			break
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			if !returnsPool(pass, lit.Body, call, target) {
				return handOff{}
			}
			return literalReturn(pass, s, path[i:])
		}
	}
	if fd == nil || !returnsPool(pass, fd.Body, call, target) {
		return handOff{}
	}
	fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return handOff{}
	}
	return callersCloses(pass, s, fn, fd.Name.Name)
}

// callersCloses returns the Close calls that fn's callers (fn is a
// function, or a variable holding one) make on the pool it returns, or why
// the pool cannot become the shared one: a caller does more than close it,
// or fn is exported and its callers in other packages cannot be followed
// (a method, a variable). name is fn's name for the message.
func callersCloses(pass *analysis.Pass, s *settings, fn types.Object, name string) handOff {
	var h handOff
	if fn.Exported() {
		f, ok := fn.(*types.Func)
		if !ok || f.Signature().Recv() != nil || !exportsHelper(pass, f) {
			return handOff{reason: fmt.Sprintf("%s returns the pool to callers in other packages, which may close it", name)}
		}
		if pos, why := importersRelyOnOwnPool(pass, s, f); why != "" {
			return handOff{reason: fmt.Sprintf("%s returns the pool to a caller in another package that relies on its own pool (%s): %s", name, pos, why)}
		}
		h.exported = f
	}
	for _, f := range pass.Files {
		edits, pos, why := callerCloses(pass, f, fn)
		if why != "" {
			return handOff{reason: fmt.Sprintf("%s returns the pool to a caller that relies on its own pool (%s): %s", name, pos, why)}
		}
		h.closes = append(h.closes, edits...)
	}
	return h
}

// literalReturn decides for a pool returned from a function literal (path
// from the literal outward): the literal is kept in a variable (var
// connect = func() ...; or sync.OnceValues of it) whose callers are
// checked as a function's, or it goes where singlepool does not follow it.
func literalReturn(pass *analysis.Pass, s *settings, path []ast.Node) handOff {
	i := 1
	if i < len(path) {
		// sync.OnceValue(s)(func...): the literal's result is the
		// once-function's.
		if c, ok := path[i].(*ast.CallExpr); ok && len(c.Args) == 1 && c.Args[0] == path[0] && connid.IsOnceValue(c) {
			i++
		}
	}
	var holder types.Object
	if i < len(path) {
		switch p := path[i].(type) {
		case *ast.ValueSpec:
			if len(p.Names) == 1 && len(p.Values) == 1 {
				holder = pass.TypesInfo.Defs[p.Names[0]]
			}
		case *ast.AssignStmt:
			if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
				if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
					holder = pass.TypesInfo.ObjectOf(id)
				}
			}
		}
	}
	v, ok := holder.(*types.Var)
	if !ok || v.IsField() {
		return handOff{reason: "it returns the pool from a function literal whose callers singlepool does not follow; they may close it"}
	}
	return callersCloses(pass, s, v, v.Name())
}

// returnsPool reports whether body returns the call's pool: the call
// itself, or the local it is stored in.
func returnsPool(pass *analysis.Pass, body *ast.BlockStmt, call *ast.CallExpr, target types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || found {
			return !found
		}
		for _, r := range ret.Results {
			r = ast.Unparen(r)
			if r == call {
				found = true
			}
			if id, ok := r.(*ast.Ident); ok && target != nil && pass.TypesInfo.Uses[id] == target {
				found = true
			}
		}
		return true
	})
	return found
}

// callerCloses returns the Close calls of the pools that the calls of fn
// in file receive, or where (pos) and why a caller needs its own pool: it
// tunes it, uses it after closing it, or hands it on to its own callers.
func callerCloses(pass *analysis.Pass, file *ast.File, fn types.Object) (edits []closeEdit, pos, why string) {
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || why != "" {
			return why == ""
		}
		id := code.CalleeIdent(call)
		if id == nil || pass.TypesInfo.Uses[id] != fn {
			return true
		}
		path := code.EnclosingPath(file, call.Pos())
		for i, p := range path {
			if p == call {
				path = path[i:]
				break
			}
		}
		target := code.PoolTarget(pass, path)
		if target == nil {
			if len(path) > 1 {
				if _, ret := path[1].(*ast.ReturnStmt); ret {
					pos, why = code.SitePos(pass, call.Pos()), "it returns it to its own callers"
				}
			}
			return true
		}
		closes, bad := closeCalls(pass, path, target)
		if bad != "" {
			pos, why = code.SitePos(pass, call.Pos()), bad
			return false
		}
		edits = append(edits, closes...)
		return true
	})
	return edits, pos, why
}
